import {
  runScenario,
  runScenarioOnSandbox,
  scenarioTestSource,
  type ScenarioRun,
} from '../../../tools/scenarios/run.ts';
import {
  searchScenarios,
  type ScenarioLibrary,
  type UnreadableScenario,
} from '../../../tools/scenarios/library.ts';
import { recordEvents } from '../../../core/testing/givenWhenThen.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { streamIdOfEvent } from '../../../domains/scheduling/ids.ts';
import {
  builtInScenarios,
  givenHistory,
  MAX_GIVEN_STEPS,
  MONTHLY_LIMIT_PROBLEM,
  parseScenarioFile,
  parseScenarioText,
  scenarioSpec,
  toScenarioFile,
  type ExpectedRows,
  type GivenItem,
  type Message,
  type ScenarioQueryName,
  type ScenarioSpec,
} from '../../../tools/scenarios/model/scenarioFile.ts';
import type { Outcome } from '../../shell/appState.svelte.ts';
import { knownValues, parseEventData, parseEventList } from '../../forms/eventForms.ts';
import { decodeScenarioLink, scenarioLinkUrl } from './scenarioLink.ts';

export interface RowsDraft {
  key: number;
  query: ScenarioQueryName;
  args: string;
  expected: string;
}

const DEFAULT_NOW = '2026-03-02T08:00';
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Pure: the monthly limit typed in: none (the practice's default) when blank, NaN when not a whole number. */
const limitOf = (text: string): number | undefined =>
  text.trim() === '' ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;

/** The Scenarios tab: the scenario being built, its last run, the library, and sharing. */
export class ScenarioLabState {
  id = $state(`my-scenario`);
  title = $state('');
  tags = $state('');
  description = $state('');
  now = $state(DEFAULT_NOW);
  /** Bookings per patient per month for the overbooking saga; blank means the practice's default (10). */
  monthlyLimit = $state('');
  given = $state<GivenItem[]>([]);
  when = $state<Message | null>(null);
  thenKind = $state<'events' | 'rejection'>('rejection');
  /** The expected events, in order. */
  thenEvents = $state<Message[]>([]);
  thenRejection = $state('SlotAlreadyBooked');
  rows = $state<RowsDraft[]>([]);

  run = $state.raw<ScenarioRun | null>(null);
  /** A sentence about the last import, save or link; `isError` when nothing changed because of it. */
  notice = $state<{ text: string; isError: boolean } | null>(null);
  linkError = $state<string | null>(null);
  saved = $state.raw<ScenarioSpec[]>([]);
  /** Saved rows that no longer read as scenarios: shown, never run, until exported or deleted. */
  unreadable = $state.raw<UnreadableScenario[]>([]);
  query = $state('');

  readonly builtIns = builtInScenarios;
  readonly #library: ScenarioLibrary | null;
  #rowKey = 0;

  /** What is wrong with the monthly limit typed in, for the field; null when it is fine or blank. */
  monthlyLimitProblem = $derived.by(() => {
    const limit = limitOf(this.monthlyLimit);
    return limit === undefined || (Number.isInteger(limit) && limit >= 1)
      ? null
      : `Monthly limit ${MONTHLY_LIMIT_PROBLEM}`;
  });

  /** The ids and dates the Given mentions (its commands' events included), to suggest in the event forms. */
  known = $derived.by(() => {
    const messages = this.given.map((item) => (item.kind === 'event' ? item.event : item.command));
    const history = givenHistory(this.given, this.now);
    return knownValues([...messages, ...(history.kind === 'ok' ? history.events : [])] as Message[]);
  });

  builtInMatches = $derived(searchScenarios(this.builtIns, this.query));
  savedMatches = $derived(searchScenarios(this.saved, this.query));

  constructor(options: { library?: ScenarioLibrary | null; hash?: string } = {}) {
    this.#library = options.library ?? null;
    this.openLink(options.hash ?? '');
  }

  /** Opens and runs a `#scenario=` link; a damaged one is explained and changes nothing. */
  openLink(hash: string): void {
    const link = decodeScenarioLink(hash);
    if (link.kind === 'ok') {
      this.linkError = null;
      this.load(link.scenario);
      this.runNow();
    } else if (link.kind === 'invalid') this.linkError = link.message;
  }

  /** Reads the saved scenarios from the library, and the saved rows that no longer read. */
  async refresh(): Promise<void> {
    const library = this.#library;
    if (!library) return;
    await this.#guard('Reading your library', async () => {
      const listing = await library.list();
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
    if (this.monthlyLimitProblem)
      return { kind: 'invalid', message: `The scenario is not complete: ${this.monthlyLimitProblem}.` };
    let then: ScenarioSpec['then'];
    const thenRows: ExpectedRows[] = [];
    try {
      then =
        this.thenKind === 'rejection'
          ? { rejection: this.thenRejection }
          : { events: $state.snapshot(this.thenEvents) as Message[] };
      for (const row of this.rows) {
        const args = row.args.split(',').map((arg) => arg.trim());
        thenRows.push({ query: row.query, args, expected: JSON.parse(row.expected) as unknown });
      }
    } catch {
      return { kind: 'invalid', message: 'An expected value is not valid JSON.' };
    }
    const draft: ScenarioSpec = {
      id: this.id.trim() || 'my-scenario',
      title: this.title.trim() || 'Untitled scenario',
      tags: this.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      ...(this.description.trim() ? { description: this.description.trim() } : {}),
      now: this.now.trim(),
      ...(limitOf(this.monthlyLimit) === undefined ? {} : { monthlyLimit: limitOf(this.monthlyLimit) }),
      given: $state.snapshot(this.given) as GivenItem[],
      when: $state.snapshot(this.when) as Message,
      then,
      ...(thenRows.length > 0 ? { thenRows } : {}),
    };
    const parsed = parseScenarioFile(toScenarioFile([draft]));
    if (parsed.kind === 'invalid')
      return {
        kind: 'invalid',
        message: `The scenario is not complete: ${parsed.message.replace(/^scenarios\.0\./, '')}`,
      };
    return { kind: 'ok', scenario: parsed.scenarios[0] };
  }

  /** Fills the builder with a scenario (from the library, a file or a link); clears the last run. */
  load(scenario: ScenarioSpec): void {
    this.id = scenario.id;
    this.title = scenario.title;
    this.tags = scenario.tags.join(', ');
    this.now = scenario.now;
    this.monthlyLimit = scenario.monthlyLimit === undefined ? '' : String(scenario.monthlyLimit);
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
  }

  clear(): void {
    this.load({
      id: 'my-scenario',
      title: '',
      tags: [],
      now: DEFAULT_NOW,
      given: [],
      when: { type: '', data: {} },
      then: { rejection: 'SlotAlreadyBooked' },
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
    const engineRun = runScenario(built.scenario);
    this.run = engineRun;
    const scratchRun = await runScenarioOnSandbox(built.scenario);
    if (this.run === engineRun) this.run = scratchRun;
  }

  /** The given history recorded, for previews: what adding `command` to it would do. */
  preview(command: Message): Outcome {
    const history = givenHistory(this.given, this.now);
    if (history.kind === 'rejected')
      return { kind: 'failed', message: `Given step ${history.index + 1} is rejected` };
    const decision = scenarioSpec(this.now).given(history.events).when(command).decision;
    if (decision.kind === 'rejected')
      return { kind: 'rejected', error: decision.error, commandId: 'preview' };
    const recorded: RecordedEvent[] = recordEvents([...history.events, ...decision.events], {
      now: this.now,
      streamIdOf: streamIdOfEvent,
    });
    return { kind: 'accepted', events: recorded.slice(history.events.length), commandId: 'preview' };
  }

  /** Adds a past command if the domain accepts it after the ones before; says what it recorded. */
  addGivenCommand(command: Message): Outcome {
    const outcome = this.preview(command);
    if (outcome.kind === 'accepted') this.given.push({ kind: 'command', command });
    return outcome;
  }

  /** Forks the practice's log: its events up to `position` become the Given (the When and Then stay). */
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
      text: `Given: the practice's log up to #${position} (${kept.length} event${kept.length === 1 ? '' : 's'}).`,
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

  /** Makes what the When actually did the expectation: the product owner confirms the behaviour. */
  expectActual(): void {
    if (!this.run?.actual) return;
    const history = givenHistory(this.given, this.now);
    if (history.kind !== 'ok' || !this.when) return;
    const decision = scenarioSpec(this.now).given(history.events).when(this.when).decision;
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
    this.runNow();
  }

  addRows(): void {
    this.rows.push({
      key: ++this.#rowKey,
      query: 'availableSlots',
      args: this.now.slice(0, 10),
      expected: '[]',
    });
  }

  removeRows(key: number): void {
    this.rows = this.rows.filter((row) => row.key !== key);
  }

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
    const library = this.#library;
    if (!(await this.#guard('Saving', () => library.save(built.scenario, savedAt)))) return;
    await this.refresh();
    this.notice = { text: `Saved “${built.scenario.title}” in your library.`, isError: false };
  }

  async remove(id: string): Promise<void> {
    const library = this.#library;
    if (library && (await this.#guard('Deleting', () => library.remove(id)))) await this.refresh();
  }

  /** All or nothing: every scenario of the file is saved, or none and the first problem is named. */
  async importText(text: string, fileName: string, savedAt: string): Promise<void> {
    const parsed = parseScenarioText(text);
    if (parsed.kind === 'invalid') {
      this.notice = {
        text: `${fileName} was not imported, nothing changed. First problem at ${parsed.message}`,
        isError: true,
      };
      return;
    }
    const library = this.#library;
    if (
      library &&
      !(await this.#guard(`Importing ${fileName}`, () => library.saveAll(parsed.scenarios, savedAt)))
    )
      return;
    await this.refresh();
    this.load(parsed.scenarios[0]);
    const count = parsed.scenarios.length;
    this.notice = {
      text: `Imported ${count} scenario${count === 1 ? '' : 's'} from ${fileName}.`,
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
    return `${json(toScenarioFile([built.scenario]))}\n`;
  }

  link(base: string): string | null {
    const built = this.build();
    return built.kind === 'ok' ? scenarioLinkUrl(built.scenario, base) : null;
  }

  testSource(): string | null {
    const built = this.build();
    return built.kind === 'ok' ? scenarioTestSource(built.scenario) : null;
  }
}
