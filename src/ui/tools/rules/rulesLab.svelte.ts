import { createActor, fromPromise, type SnapshotFrom } from 'xstate';
import { exerciseDocument, EXERCISES } from '../../../tools/rules-lab/exercises/index.ts';
import {
  domainNamed,
  readRulesText,
  rulesFileName,
  toRulesFile,
  type RulesDocument,
} from '../../../tools/rules-lab/model/rulesDocument.ts';
import { decodeRulesLink, rulesLinkUrl, type RulesLink } from '../../../tools/rules-lab/model/rulesLink.ts';
import {
  currentDiagnostics,
  rulesPipelineMachine,
  type RevisionInput,
} from '../../../tools/rules-lab/model/rulesPipelineMachine.ts';
import type {
  BuildResult,
  DomainSummary,
  JobEnd,
  TypeCheckResult,
} from '../../../tools/rules-lab/protocol.ts';
import { RulesSandbox } from '../../../tools/rules-lab/sandboxHost.ts';

/** Where the pipeline is: waiting for a pause in the typing, building, type-checking, or done. */
export type RulesLabPhase = 'waiting' | 'building' | 'checking' | 'idle';

/** Pure: "A, B and C". */
export function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** Pure: one sentence saying what a domain is made of. */
export function definesSentence(domain: DomainSummary): string {
  const parts = [
    `${plural(domain.commands.length, 'command', 'commands')} ${listed(domain.commands.map((c) => c.type))}`,
    `${plural(domain.events.length, 'event', 'events')} ${listed(domain.events.map((e) => e.type))}`,
  ];
  if (domain.projections.length > 0)
    parts.push(
      `${plural(domain.projections.length, 'projection', 'projections')} ${listed(domain.projections)}`,
    );
  if (domain.sagas.length > 0)
    parts.push(`${plural(domain.sagas.length, 'saga', 'sagas')} ${listed(domain.sagas)}`);
  if (domain.invariants.length > 0)
    parts.push(`${plural(domain.invariants.length, 'invariant', 'invariants')} ${listed(domain.invariants)}`);
  return `Your module defines domain ${domain.name} (${domain.title}) with ${listed(parts)}.`;
}

/** Pure: the sentence for a build's outcome. */
export function buildSentence(end: JobEnd<BuildResult>): string {
  if (end.kind !== 'done') return end.message;
  const result = end.result;
  const count = (n: number) => `${n} ${plural(n, 'problem', 'problems')}`;
  switch (result.kind) {
    case 'compileErrors':
      return `Your rules do not compile: ${count(result.diagnostics.length)}, nothing was run.`;
    case 'domain':
      return definesSentence(result.domain);
    case 'definitionErrors':
      return `defineDomain refused domain ${result.domain}: ${count(result.diagnostics.length)}.`;
    case 'thrown':
      return `Running your module threw ${result.message}`;
    case 'noDomain':
      return result.message;
  }
}

type PipelineSnapshot = SnapshotFrom<typeof rulesPipelineMachine>;

/**
 * The Rules lab panel's state: the rules document, the edit → build → type-check pipeline running against a
 * sandbox, and what it found for the current text. Opening an exercise, a file or a link replaces the document;
 * a damaged file or link changes nothing and says why.
 */
export class RulesLabState {
  document = $state<RulesDocument>(exerciseDocument(EXERCISES[0].id));
  snapshot: PipelineSnapshot;
  /** Why the last file, paste or link could not be opened. */
  openError = $state<string | null>(null);

  get phase(): RulesLabPhase {
    return this.snapshot.value as RulesLabPhase;
  }
  get revision(): number {
    return this.snapshot.context.revision;
  }
  /** The problems of the current text: its build's and its type check's, at their place. */
  get diagnostics() {
    return currentDiagnostics(this.snapshot.context);
  }
  /** The build of the current text, once it has one. */
  get build(): JobEnd<BuildResult> | null {
    const { build, revision } = this.snapshot.context;
    return build?.revision === revision ? build.end : null;
  }
  /** The type check of the current text, once it has one. */
  get types(): JobEnd<TypeCheckResult> | null {
    const { types, revision } = this.snapshot.context;
    return types?.revision === revision ? types.end : null;
  }
  get lastGood() {
    return this.snapshot.context.lastGood;
  }
  /** True when an older version is the one running, because the current text has not (yet) defined a domain. */
  get isRunningOlder(): boolean {
    return this.lastGood !== null && this.lastGood.revision !== this.revision;
  }

  readonly sandbox: RulesSandbox;
  readonly #actor;

  constructor(options: { document?: RulesDocument; sandbox?: RulesSandbox; debounceMs?: number } = {}) {
    if (options.document) this.document = options.document;
    const sandbox = (this.sandbox = options.sandbox ?? new RulesSandbox());
    const machine = rulesPipelineMachine.provide({
      actors: {
        build: fromPromise<JobEnd<BuildResult>, RevisionInput>(({ input }) =>
          sandbox.run({ kind: 'build', source: input.source }),
        ),
        typecheck: fromPromise<JobEnd<TypeCheckResult>, RevisionInput>(({ input }) =>
          sandbox.run({ kind: 'typecheck', source: input.source }),
        ),
      },
    });
    this.#actor = createActor(machine, {
      input: { source: this.document.source, debounceMs: options.debounceMs },
    });
    this.snapshot = $state.raw(this.#actor.getSnapshot());
    this.#actor.subscribe((snapshot) => (this.snapshot = snapshot));
    this.#actor.start();
  }

  /** The learner changed the text: it is built after a pause. */
  edit(source: string): void {
    this.document = { ...this.document, source, domain: domainNamed(source) };
    this.#actor.send({ type: 'rules.edit', source });
  }

  #open(document: RulesDocument): void {
    this.openError = null;
    this.document = document;
    this.#actor.send({ type: 'rules.open', source: document.source });
  }

  openExercise(id: string): void {
    this.#open(exerciseDocument(id));
  }

  /** Opens a rules file or a `.ts` file (or pasted text); refused text changes nothing. */
  openText(text: string, fileName = ''): void {
    const read = readRulesText(text, fileName);
    if (read.kind === 'ok') this.#open(read.document);
    else this.openError = read.message;
  }

  /** Opens the rules a `#rules=` link carries; true when the hash was a rules link (opened or refused). */
  openLink(hash: string): boolean {
    const decoded = decodeRulesLink(hash);
    if (decoded.kind === 'none') return false;
    if (decoded.kind === 'ok') this.#open(decoded.document);
    else this.openError = decoded.message;
    return true;
  }

  /** A link that opens these rules. */
  link(base: string): RulesLink {
    return rulesLinkUrl(this.document, base);
  }

  /** The rules file to download, and its name. */
  file(): { name: string; text: string } {
    return {
      name: rulesFileName(this.document),
      text: `${JSON.stringify(toRulesFile(this.document), null, 2)}\n`,
    };
  }

  /** Stops the pipeline and closes the sandbox. */
  dispose(): void {
    this.#actor.stop();
    this.sandbox.dispose();
  }
}
