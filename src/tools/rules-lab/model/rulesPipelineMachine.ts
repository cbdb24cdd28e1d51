import { assign, fromPromise, setup } from 'xstate';
import type { BuildResult, DomainSummary, JobEnd, RulesDiagnostic, TypeCheckResult } from '../protocol.ts';

/** What the build and type-check actors are given: the source, and the revision it is. */
export interface RevisionInput {
  revision: number;
  source: string;
}

/** A build or type check, and the revision it was of. */
export interface Outcome<R> {
  revision: number;
  end: JobEnd<R>;
}

/** The last version that defined a domain: it keeps running while newer versions have errors. */
export interface GoodVersion {
  revision: number;
  source: string;
  domain: DomainSummary;
}

export interface RulesPipelineContext {
  source: string;
  /** Bumped by every edit: results of older revisions are kept but no longer describe the text. */
  revision: number;
  debounceMs: number;
  build: Outcome<BuildResult> | null;
  types: Outcome<TypeCheckResult> | null;
  lastGood: GoodVersion | null;
}

export type RulesPipelineEvent =
  /** The learner typed: build after a pause. */
  | { type: 'rules.edit'; source: string }
  /** New rules arrived whole (an exercise, a file, a link): build now. */
  | { type: 'rules.open'; source: string };

/** Pure: did this build define a domain? */
export const isGoodBuild = (
  end: JobEnd<BuildResult>,
): end is { kind: 'done'; result: Extract<BuildResult, { kind: 'domain' }> } =>
  end.kind === 'done' && end.result.kind === 'domain';

/** Pure: is a type check worth running after this build (the module compiled, and the sandbox lived)? */
const compiled = (end: JobEnd<BuildResult>) => end.kind === 'done' && end.result.kind !== 'compileErrors';

/**
 * The Rules lab's edit → compile → run → type-check pipeline. An edit waits `debounceMs` for the next one; then the
 * source is built (compiled and run in the sandbox) and, when it compiled, type-checked. An edit during a build or a
 * check starts over (the older result is dropped). A build that defines a domain becomes the last good version; any
 * other keeps the last good one. The build and type-check actors are provided by the page (the sandbox).
 */
export const rulesPipelineMachine = setup({
  types: {
    context: {} as RulesPipelineContext,
    events: {} as RulesPipelineEvent,
    input: {} as { source: string; debounceMs?: number },
  },
  actors: {
    build: fromPromise<JobEnd<BuildResult>, RevisionInput>(async () => {
      throw new Error('rulesPipelineMachine: provide a build actor');
    }),
    typecheck: fromPromise<JobEnd<TypeCheckResult>, RevisionInput>(async () => {
      throw new Error('rulesPipelineMachine: provide a typecheck actor');
    }),
  },
  delays: { debounce: ({ context }) => context.debounceMs },
  actions: {
    take: assign(({ context, event }) => ({ source: event.source, revision: context.revision + 1 })),
  },
}).createMachine({
  id: 'rulesPipeline',
  context: ({ input }) => ({
    source: input.source,
    revision: 1,
    debounceMs: input.debounceMs ?? 400,
    build: null,
    types: null,
    lastGood: null,
  }),
  initial: 'building',
  on: {
    'rules.edit': { target: '.waiting', actions: 'take', reenter: true },
    'rules.open': { target: '.building', actions: 'take', reenter: true },
  },
  states: {
    idle: {},
    /** Waiting for the learner to pause. */
    waiting: { after: { debounce: 'building' } },
    building: {
      invoke: {
        src: 'build',
        input: ({ context }) => ({ revision: context.revision, source: context.source }),
        onDone: [
          {
            guard: ({ event }) => compiled(event.output),
            target: 'checking',
            actions: assign(({ context, event }) => ({
              build: { revision: context.revision, end: event.output },
              lastGood: isGoodBuild(event.output)
                ? { revision: context.revision, source: context.source, domain: event.output.result.domain }
                : context.lastGood,
            })),
          },
          {
            target: 'idle',
            actions: assign(({ context, event }) => ({
              build: { revision: context.revision, end: event.output },
            })),
          },
        ],
        onError: {
          target: 'idle',
          actions: assign(({ context, event }) => ({
            build: {
              revision: context.revision,
              end: {
                kind: 'crashed',
                message: event.error instanceof Error ? event.error.message : String(event.error),
              },
            },
          })),
        },
      },
    },
    checking: {
      invoke: {
        src: 'typecheck',
        input: ({ context }) => ({ revision: context.revision, source: context.source }),
        onDone: {
          target: 'idle',
          actions: assign(({ context, event }) => ({
            types: { revision: context.revision, end: event.output },
          })),
        },
        onError: {
          target: 'idle',
          actions: assign(({ context, event }) => ({
            types: {
              revision: context.revision,
              end: {
                kind: 'crashed',
                message: event.error instanceof Error ? event.error.message : String(event.error),
              },
            },
          })),
        },
      },
    },
  },
});

/** Pure: the problems to show on the current text: its build's and its type check's (none from older revisions). */
export function currentDiagnostics(context: RulesPipelineContext): RulesDiagnostic[] {
  const of = <R extends { diagnostics: RulesDiagnostic[] }>(outcome: Outcome<R> | null) =>
    outcome && outcome.revision === context.revision && outcome.end.kind === 'done'
      ? outcome.end.result.diagnostics
      : [];
  return [...of(context.build), ...of(context.types)].sort((a, b) => a.from - b.from || a.to - b.to);
}
