import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { ExpectedRows, GivenItem, Message, ScenarioSpec } from '../../../core/domain/scenario.ts';
import type { DomainEvent, RecordedEvent } from '../../../core/event.ts';
import { recordEvents } from '../../../core/testing/givenWhenThen.ts';
import { domainNamed, resolveDomain } from '../../../domains/index.ts';
import { givenHistory, scenarioDomain, scenarioSpec } from '../../../tools/scenarios/engine.ts';
import {
  idFromTitle,
  searchScenarios,
  uniqueId,
  type ScenarioLibrary,
  type UnreadableScenario,
} from '../../../tools/scenarios/library.ts';
import {
  checkScenarios,
  MAX_GIVEN_STEPS,
  parseScenarioText,
  toScenarioFile,
  type DomainResolver,
} from '../../../tools/scenarios/model/scenarioFormat.ts';
import { decodeScenarioLink, scenarioLinkUrl } from '../../../tools/scenarios/model/scenarioLink.ts';
import {
  runScenario,
  runScenarioOnSandbox,
  scenarioTestSource,
  type ScenarioRun,
} from '../../../tools/scenarios/run.ts';
import { argumentValues } from '../../../tools/shared/readSide.ts';
import type { Outcome } from '../../shell/appState.svelte.ts';
import { knownValues, parseEventData, parseEventList } from '../../forms/eventForms.ts';

export interface RowsDraft {
  key: number;
  query: string;
  args: string;
  expected: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Pure: a setting as typed in: unset when blank, a number or `true`/`false` when it reads as one, else the text. */
export function settingValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return trimmed;
}

const settingText = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A save waiting for a yes: the scenario would replace one already in the library under its id. */
export interface PendingOverwrite {
  scenario: ScenarioSpec;
  /** The title of the scenario it would replace. */
  replaces: string;
}

export interface ScenarioLabOptions {
  /** The domain the builder starts in (the default domain when absent). */
  domain?: DomainModule;
  library?: ScenarioLibrary | null;
  hash?: string;
  /** Finds the domain a file or link names (the built-in domains by default). */
  domains?: DomainResolver;
  /** Told when a link or a file opens the builder in another domain, so the app can follow. */
  onDomain?: (domain: DomainModule) => void;
}

/** The Scenarios tab: the scenario being built in a domain, its last run, the library, and sharing. */
export class ScenarioLabState {
  /** The domain the scenario is of: its commands, events, queries, settings and built-in scenarios. */
  domain = $state.raw<DomainModule>(resolveDomain(undefined));
  /** The scenario's id; blank: made from the title when it is saved (unique in the library). */
  id = $state('');
  title = $state('');
  tags = $state('');
  description = $state('');
  now = $state('');
  /** Each of the domain's settings as typed in; blank means the domain's default. */
  settings = $state<Record<string, string>>({});
  given = $state<GivenItem[]>([]);
  when = $state<Message | null>(null);
  thenKind = $state<'events' | 'rejection'>('rejection');
  /** The expected events, in order. */
  thenEvents = $state<Message[]>([]);
  thenRejection = $state('');
  rows = $state<RowsDraft[]>([]);

  run = $state.raw<ScenarioRun | null>(null);
  /** A sentence about the last import, save or link; `isError` when nothing changed because of it. */
  notice = $state<{ text: string; isError: boolean } | null>(null);
  linkError = $state<string | null>(null);
  saved = $state.raw<ScenarioSpec[]>([]);
  /** Saved rows that no longer read as scenarios: shown, never run, until exported or deleted. */
  unreadable = $state.raw<UnreadableScenario[]>([]);
  query = $state('');
  /** A save that would replace another scenario of the library: it waits for `confirmOverwrite`. */
  pendingOverwrite = $state.raw<PendingOverwrite | null>(null);

  readonly #library: ScenarioLibrary | null;
  readonly #domains: DomainResolver;
  readonly #onDomain: (domain: DomainModule) => void;
  /** The library id the scenario in the builder was opened from or saved as: saving it again updates it. */
  #savedAs: string | null = null;
  #rowKey = 0;

  /** The domain's built-in Given/When/Then scenarios. */
  readonly builtIns = $derived(this.domain.scenarios);

  /** What is wrong with each setting typed in, by setting; none when fine or blank. */
  settingProblems = $derived.by(() => {
    const problems: Record<string, string> = Object.create(null);
    for (const [key, definition] of Object.entries(this.domain.settings)) {
      const value = settingValue(this.settings[key] ?? '');
      const problem = value === undefined ? null : (definition.problem?.(value) ?? null);
      if (problem) problems[key] = `${definition.label} ${problem}`;
    }
    return problems;
  });

  /** The ids and dates the Given mentions (its commands' events included), to suggest in the event forms. */
  known = $derived.by(() => knownValues(this.historyMessages()));

  builtInMatches = $derived(searchScenarios(this.builtIns, this.query));
  savedMatches = $derived(searchScenarios(this.saved, this.query));

  constructor(options: ScenarioLabOptions = {}) {
    this.#library = options.library ?? null;
    this.#domains = options.domains ?? domainNamed;
    this.#onDomain = options.onDomain ?? (() => {});
    if (options.domain) this.domain = options.domain;
    this.now = this.domain.defaultNow;
    this.openLink(options.hash ?? '');
  }

  /** The domain as this scenario runs it: its settings as typed in applied (the domain's own while one is wrong). */
  configured(): DomainModule {
    return Object.keys(this.settingProblems).length > 0
      ? this.domain
      : scenarioDomain(this.domain, { settings: this.#settingValues() });
  }

  #settingValues(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const key of Object.keys(this.domain.settings)) {
      const value = settingValue(this.settings[key] ?? '');
      if (value !== undefined) values[key] = value;
    }
    return values;
  }

  /** The Given's messages and the events its commands were decided into, to suggest ids and arguments from. */
  historyMessages(): Message[] {
    const messages = this.given.map((item) => (item.kind === 'event' ? item.event : item.command));
    const history = givenHistory(this.configured(), this.given, this.now);
    return [...messages, ...(history.kind === 'ok' ? history.events : [])] as Message[];
  }

  /** Moves the builder to another domain: an empty scenario there, its library listed. */
  async switchDomain(domain: DomainModule): Promise<void> {
    if (domain === this.domain) return;
    this.domain = domain;
    this.clear();
    await this.refresh();
  }

  #follow(domain: DomainModule): void {
    if (domain.name === this.domain.name) return;
    this.domain = domain;
    this.#onDomain(domain);
  }

  /** Opens and runs a `#scenario=` link, in the domain it names; a damaged one is explained and changes nothing. */
  openLink(hash: string): void {
    const link = decodeScenarioLink(hash, this.#domains);
    if (link.kind === 'ok') {
      this.linkError = null;
      this.#follow(link.domain);
      this.load(link.scenario);
      void this.refresh();
      void this.runNow();
    } else if (link.kind === 'invalid') this.linkError = link.message;
  }

  /** Reads the domain's saved scenarios from the library, and the saved rows that no longer read. */
  async refresh(): Promise<void> {
    const library = this.#library;
    if (!library) return;
    const domain = this.domain;
    await this.#guard('Reading your library', async () => {
      const listing = await library.list(domain);
      if (domain !== this.domain) return;
      this.saved = listing.scenarios;
      this.unreadable = listing.unreadable;
    });
  }

  /** Why: IndexedDB can refuse (private mode, quota); the tab says so instead of failing silently. */
  async #guard(doing: string, work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.notice = { text: `${doing} failed, nothing changed: ${reason}`, isError: true };
      return false;
    }
  }

  /** The scenario the builder describes, or the first problem in it (the file format's own check). */
  build(): { kind: 'ok'; scenario: ScenarioSpec } | { kind: 'invalid'; message: string } {
    if (!this.when) return { kind: 'invalid', message: 'Choose the When command first.' };
    const [settingProblem] = Object.values(this.settingProblems);
    if (settingProblem)
      return { kind: 'invalid', message: `The scenario is not complete: ${settingProblem}.` };
    if (this.thenKind === 'rejection' && this.thenRejection.trim() === '')
      return { kind: 'invalid', message: 'Name the rule the When is expected to break.' };
    let then: ScenarioSpec['then'];
    const thenRows: ExpectedRows[] = [];
    try {
      then =
        this.thenKind === 'rejection'
          ? { rejection: this.thenRejection.trim() }
          : { events: $state.snapshot(this.thenEvents) as Message[] };
      for (const row of this.rows) {
        const args = row.args.split(',').map((arg) => arg.trim());
        const query = this.domain.queries[row.query];
        thenRows.push({
          query: row.query,
          args: query && query.args.length === 0 ? [] : args,
          expected: JSON.parse(row.expected) as unknown,
        });
      }
    } catch {
      return { kind: 'invalid', message: 'An expected value is not valid JSON.' };
    }
    const settings = this.#settingValues();
    const title = this.title.trim() || 'Untitled scenario';
    const draft: ScenarioSpec = {
      id: this.id.trim() || idFromTitle(title),
      title,
      tags: this.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      ...(this.description.trim() ? { description: this.description.trim() } : {}),
      now: this.now.trim(),
      ...(Object.keys(settings).length > 0 ? { settings } : {}),
      given: $state.snapshot(this.given) as GivenItem[],
      when: $state.snapshot(this.when) as Message,
      then,
      ...(thenRows.length > 0 ? { thenRows } : {}),
    };
    const parsed = checkScenarios(this.domain, [draft]);
    if (parsed.kind === 'invalid')
      return {
        kind: 'invalid',
        message: `The scenario is not complete: ${parsed.message.replace(/^scenarios\.0\./, '')}`,
      };
    return { kind: 'ok', scenario: parsed.scenarios[0] };
  }

  /** Fills the builder with a scenario of its domain (from the library, a file or a link); clears the last run. */
  load(scenario: ScenarioSpec): void {
    this.id = scenario.id;
    this.#savedAs = this.saved.some((each) => each.id === scenario.id) ? scenario.id : null;
    this.title = scenario.title;
    this.tags = scenario.tags.join(', ');
    this.now = scenario.now;
    this.settings = Object.fromEntries(
      Object.keys(this.domain.settings).map((key) => [key, settingText(scenario.settings?.[key])]),
    );
    this.description = scenario.description ?? '';
    this.given = structuredClone(scenario.given);
    this.when = structuredClone(scenario.when);
    if ('rejection' in scenario.then) {
      this.thenKind = 'rejection';
      this.thenRejection = scenario.then.rejection;
      this.thenEvents = [];
    } else {
      this.thenKind = 'events';
      this.thenEvents = structuredClone(scenario.then.events);
    }
    this.rows = (scenario.thenRows ?? []).map((row) => ({
      key: ++this.#rowKey,
      query: row.query,
      args: row.args.join(', '),
      expected: json(row.expected),
    }));
    this.run = null;
    this.pendingOverwrite = null;
  }

  /** A new, empty scenario of the domain: its id is made from its title when it is saved. */
  clear(): void {
    this.load({
      id: '',
      title: '',
      tags: [],
      now: this.domain.defaultNow,
      given: [],
      when: { type: '', data: {} },
      then: { rejection: '' },
    });
    this.when = null;
    this.notice = null;
  }

  /**
   * Shows the engine's decision at once, then replaces it with the run on a scratch sandbox (sagas and read
   * models real) unless the scenario was run again or cleared meanwhile.
   */
  async runNow(): Promise<void> {
    const built = this.build();
    if (built.kind === 'invalid') {
      this.run = null;
      this.notice = { text: built.message, isError: true };
      return;
    }
    this.notice = null;
    const domain = this.domain;
    const engineRun = runScenario(domain, built.scenario);
    this.run = engineRun;
    const scratchRun = await runScenarioOnSandbox(domain, built.scenario);
    if (this.run === engineRun) this.run = scratchRun;
  }

  /** The given history recorded, for previews: what adding `command` to it would do. */
  preview(command: Message): Outcome {
    const domain = this.configured();
    const history = givenHistory(domain, this.given, this.now);
    if (history.kind === 'rejected')
      return { kind: 'failed', message: `Given step ${history.index + 1} is rejected` };
    const decision = scenarioSpec(domain, this.now).given(history.events).when(command).decision;
    if (decision.kind === 'rejected')
      return { kind: 'rejected', error: decision.error, commandId: 'preview' };
    const recorded: RecordedEvent[] = recordEvents([...history.events, ...decision.events], {
      now: this.now,
      streamIdOf: (event) => domain.streamOfEvent(event),
    });
    return { kind: 'accepted', events: recorded.slice(history.events.length), commandId: 'preview' };
  }

  /** Adds a past command if the domain accepts it after the ones before; says what it recorded. */
  addGivenCommand(command: Message): Outcome {
    const outcome = this.preview(command);
    if (outcome.kind === 'accepted') this.given.push({ kind: 'command', command });
    return outcome;
  }

  /** Forks the app's log: its events up to `position` become the Given (the When and Then stay). */
  givenFromLog(events: readonly RecordedEvent[], position: number): void {
    const kept = events.filter((event) => event.position <= position);
    if (kept.length > MAX_GIVEN_STEPS) {
      this.notice = {
        text: `A scenario's Given holds at most ${MAX_GIVEN_STEPS} steps: fork at #${MAX_GIVEN_STEPS} or earlier. Nothing changed.`,
        isError: true,
      };
      return;
    }
    this.given = kept.map(({ type, data }) => ({
      kind: 'event',
      event: { type, data: structuredClone(data) as Record<string, unknown> },
    }));
    this.run = null;
    this.notice = {
      text: `Given: the log up to #${position} (${kept.length} event${kept.length === 1 ? '' : 's'}).`,
      isError: false,
    };
  }

  addGivenEvent(event: Message): void {
    this.given.push({ kind: 'event', event });
  }

  /** Adds past events built by a form (already checked); several when a form stands for several. */
  addGivenEvents(events: readonly Message[]): void {
    for (const event of events) this.addGivenEvent(event);
  }

  /** The advanced way: one past event typed as JSON, checked first; the problem, or null once added. */
  addGivenEventJson(type: string, json: string): string | null {
    const parsed = parseEventData(type, json);
    if (parsed.kind === 'invalid') return parsed.message;
    this.addGivenEvent(parsed.event);
    return null;
  }

  addThenEvents(events: readonly Message[]): void {
    this.thenEvents.push(...events);
  }

  removeThenEvent(index: number): void {
    this.thenEvents.splice(index, 1);
  }

  /** Moves an expected event earlier (−1) or later (+1); the order is part of the expectation. */
  moveThenEvent(index: number, offset: -1 | 1): void {
    const target = index + offset;
    if (target < 0 || target >= this.thenEvents.length) return;
    [this.thenEvents[index], this.thenEvents[target]] = [this.thenEvents[target], this.thenEvents[index]];
  }

  /** The advanced way: every expected event as a JSON list, checked first; the problem, or null once replaced. */
  setThenEventsJson(json: string): string | null {
    const parsed = parseEventList(json);
    if (parsed.kind === 'invalid') return parsed.message;
    this.thenEvents = parsed.events;
    return null;
  }

  removeGiven(index: number): void {
    this.given.splice(index, 1);
  }

  setWhen(command: Message): Outcome {
    this.when = command;
    return this.preview(command);
  }

  /** The type of the first event the When records after the Given, if it records any: the expectation to start from. */
  firstEventOfWhen(): string | null {
    if (!this.when) return null;
    const outcome = this.preview(this.when);
    return outcome.kind === 'accepted' ? (outcome.events[0]?.type ?? null) : null;
  }

  /** Makes what the When actually did the expectation: the product owner confirms the behaviour. */
  expectActual(): void {
    if (!this.run?.actual || !this.when) return;
    const domain = this.configured();
    const history = givenHistory(domain, this.given, this.now);
    if (history.kind !== 'ok') return;
    const decision = scenarioSpec(domain, this.now).given(history.events).when(this.when).decision;
    if (decision.kind === 'rejected') {
      this.thenKind = 'rejection';
      this.thenRejection = decision.error.code;
    } else {
      this.thenKind = 'events';
      this.thenEvents = decision.events.map(({ type, data }) => ({
        type,
        data: structuredClone(data) as Record<string, unknown>,
      }));
    }
    void this.runNow();
  }

  /** Adds an expected answer of the domain's first query, to fill in: each argument one the Given names. */
  addRows(): void {
    const [query] = Object.keys(this.domain.queries);
    if (!query) {
      this.notice = { text: `${this.domain.title} has no query to expect answers of.`, isError: true };
      return;
    }
    const { answer, args } = this.domain.queries[query];
    const history = this.historyMessages() as DomainEvent[];
    const values = args.map((argument) => argumentValues(this.domain, argument, history)[0] ?? '');
    const none = answer === 'list' ? '[]' : answer === 'count' ? '0' : 'null';
    this.rows.push({ key: ++this.#rowKey, query, args: values.join(', '), expected: none });
  }

  removeRows(key: number): void {
    this.rows = this.rows.filter((row) => row.key !== key);
  }

  /** The ids taken in the domain's library: saved scenarios and rows that no longer read. */
  #takenIds(): string[] {
    return [...this.saved.map((scenario) => scenario.id), ...this.unreadable.map((row) => row.id)];
  }

  /**
   * Saves the scenario in the domain's library. A new one (no id typed) gets an id of its own, made from its
   * title and unique there; one opened from the library is updated in place. A save that would replace another
   * scenario of the library waits in `pendingOverwrite` for `confirmOverwrite` (or `cancelOverwrite`).
   */
  async save(savedAt: string): Promise<void> {
    const built = this.build();
    if (built.kind === 'invalid') {
      this.notice = { text: built.message, isError: true };
      return;
    }
    if (!this.#library) {
      this.notice = { text: 'There is no library to save to here.', isError: true };
      return;
    }
    await this.refresh();
    let { scenario } = built;
    const taken = this.#takenIds();
    if (this.id.trim() === '') scenario = { ...scenario, id: uniqueId(scenario.id, taken) };
    else if (scenario.id !== this.#savedAs && taken.includes(scenario.id)) {
      const replaces =
        this.saved.find((each) => each.id === scenario.id)?.title ??
        this.unreadable.find((row) => row.id === scenario.id)?.title ??
        scenario.id;
      this.pendingOverwrite = { scenario, replaces };
      this.notice = {
        text: `Your library already has a scenario with the id “${scenario.id}” (“${replaces}”). Replace it, or give this one another id.`,
        isError: true,
      };
      return;
    }
    await this.#store(scenario, savedAt);
  }

  /** Saves the scenario waiting for a yes, replacing the one of the library under its id. */
  async confirmOverwrite(savedAt: string): Promise<void> {
    const pending = this.pendingOverwrite;
    if (!pending) return;
    this.pendingOverwrite = null;
    await this.#store(pending.scenario, savedAt);
  }

  /** Keeps the library as it is: the scenario waiting for a yes is not saved. */
  cancelOverwrite(): void {
    if (!this.pendingOverwrite) return;
    this.pendingOverwrite = null;
    this.notice = { text: 'Not saved: your library is as it was.', isError: false };
  }

  async #store(scenario: ScenarioSpec, savedAt: string): Promise<void> {
    const library = this.#library;
    if (!library) return;
    if (!(await this.#guard('Saving', () => library.save(this.domain, scenario, savedAt)))) return;
    this.id = scenario.id;
    this.#savedAs = scenario.id;
    this.pendingOverwrite = null;
    await this.refresh();
    this.notice = { text: `Saved “${scenario.title}” in your library as ${scenario.id}.`, isError: false };
  }

  async remove(id: string): Promise<void> {
    const library = this.#library;
    if (library && (await this.#guard('Deleting', () => library.remove(this.domain, id)))) {
      if (this.#savedAs === id) this.#savedAs = null;
      await this.refresh();
    }
  }

  /**
   * All or nothing: every scenario of the file is saved (in the domain the file names, which the builder then
   * shows), or none and the first problem is named. A scenario already in the library as it is, is not saved
   * twice; one whose id the library already uses for another is kept under an id of its own. Both are said.
   */
  async importText(text: string, fileName: string, savedAt: string): Promise<void> {
    const parsed = parseScenarioText(text, this.#domains);
    if (parsed.kind === 'invalid') {
      this.notice = {
        text: `${fileName} was not imported, nothing changed. First problem at ${parsed.message}`,
        isError: true,
      };
      return;
    }
    this.#follow(parsed.domain);
    await this.refresh();
    const taken = this.#takenIds();
    const same: string[] = [];
    const renamed: string[] = [];
    const toSave: ScenarioSpec[] = [];
    for (const scenario of parsed.scenarios) {
      const existing = this.saved.find((each) => each.id === scenario.id);
      if (existing && JSON.stringify(existing) === JSON.stringify(scenario)) {
        same.push(scenario.id);
        continue;
      }
      if (!taken.includes(scenario.id)) {
        taken.push(scenario.id);
        toSave.push(scenario);
        continue;
      }
      const id = uniqueId(scenario.id, taken);
      taken.push(id);
      renamed.push(`${scenario.id} → ${id}`);
      toSave.push({ ...scenario, id });
    }
    const library = this.#library;
    if (
      library &&
      toSave.length > 0 &&
      !(await this.#guard(`Importing ${fileName}`, () => library.saveAll(parsed.domain, toSave, savedAt)))
    )
      return;
    await this.refresh();
    this.load(toSave[0] ?? parsed.scenarios[0]);
    const count = toSave.length;
    this.notice = {
      text: [
        `Imported ${count} scenario${count === 1 ? '' : 's'} of ${parsed.domain.title} from ${fileName}.`,
        ...(same.length > 0 ? [`Already in your library as they are: ${same.join(', ')}.`] : []),
        ...(renamed.length > 0
          ? [`Kept beside the scenarios of your library with the same id: ${renamed.join(', ')}.`]
          : []),
      ].join(' '),
      isError: false,
    };
  }

  /** The file text of the built scenario, or null (with a notice) if it is not complete. */
  fileText(): string | null {
    const built = this.build();
    if (built.kind === 'invalid') {
      this.notice = { text: built.message, isError: true };
      return null;
    }
    return `${json(toScenarioFile(this.domain, [built.scenario]))}\n`;
  }

  link(base: string): string | null {
    const built = this.build();
    return built.kind === 'ok' ? scenarioLinkUrl(this.domain, built.scenario, base) : null;
  }

  testSource(): string | null {
    const built = this.build();
    return built.kind === 'ok' ? scenarioTestSource(this.domain, built.scenario) : null;
  }
}
