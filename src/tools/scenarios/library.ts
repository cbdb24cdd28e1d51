import Dexie, { type EntityTable } from 'dexie';
import { parseScenarioFile, toScenarioFile, type ScenarioSpec } from './model/scenarioFile.ts';
import type { Scenario } from '../../domains/scheduling/walkthroughs/index.ts';

interface StoredScenario {
  id: string;
  savedAt: string;
  scenario: ScenarioSpec;
}

type ScenariosDb = Dexie & { scenarios: EntityTable<StoredScenario, 'id'> };

/** A stored row that no longer reads as a scenario (saved before a stricter check, or damaged): never run, kept until deleted. */
export interface UnreadableScenario {
  /** The row's key: what `remove` deletes. */
  id: string;
  /** The stored scenario's title, where it still has one. */
  title?: string;
  /** The file format's first problem with it, e.g. `when.data.dayId: is required`. */
  problem: string;
  /** The row exactly as stored, for a raw export. */
  stored: unknown;
}

/** What the library holds: the scenarios that read, by title, and the rows that do not, by id. */
export interface ScenarioListing {
  scenarios: ScenarioSpec[];
  unreadable: UnreadableScenario[];
}

/** The user's own scenarios, kept in their own IndexedDB database, apart from the event log. */
export interface ScenarioLibrary {
  /** Every saved scenario that still reads as a valid scenario, by title; and every stored row that does not. */
  list(): Promise<ScenarioListing>;
  /** Saves (or replaces, by id) one scenario; throws, saving nothing, when it is not a valid scenario. */
  save(scenario: ScenarioSpec, savedAt: string): Promise<void>;
  /** Saves every scenario in one transaction: all of them, or none if one is invalid or the browser refuses one. */
  saveAll(scenarios: readonly ScenarioSpec[], savedAt: string): Promise<void>;
  remove(id: string): Promise<void>;
  close(): void;
}

export const SCENARIO_DB_NAME = 'eventscope-scenarios';

/** A scenario that does not read as one (the file format's own check): nothing of its batch is saved. */
export class InvalidScenario extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidScenario';
  }
}

/** The scenarios as the file format reads them (plain copies), or an `InvalidScenario` naming the first problem. */
function checked(scenarios: readonly ScenarioSpec[]): ScenarioSpec[] {
  if (scenarios.length === 0) return [];
  const parsed = parseScenarioFile(toScenarioFile([...scenarios]));
  if (parsed.kind === 'invalid')
    throw new InvalidScenario(
      `Scenario ${parsed.message.replace(/^scenarios\.(\d+)\./, (_, n: string) => `${Number(n) + 1}, `)}`,
    );
  return parsed.scenarios;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One stored row read as the file format reads a scenario, or why it cannot be. */
function readRow(
  row: unknown,
): { kind: 'ok'; scenario: ScenarioSpec } | { kind: 'unreadable'; unreadable: UnreadableScenario } {
  const stored = isRecord(row) ? row : {};
  const parsed = parseScenarioFile(toScenarioFile([stored.scenario as ScenarioSpec]));
  if (parsed.kind === 'ok') return { kind: 'ok', scenario: parsed.scenarios[0] };
  const { title } = isRecord(stored.scenario) ? stored.scenario : {};
  return {
    kind: 'unreadable',
    unreadable: {
      id: String(stored.id),
      ...(typeof title === 'string' && title.trim() !== '' ? { title } : {}),
      problem:
        stored.scenario === undefined
          ? 'the row holds no scenario'
          : parsed.message.replace(/^scenarios\.0(\.|: )/, ''),
      stored: row,
    },
  };
}

/** Pure: the stored rows of unreadable scenarios as one JSON text, to download and mend by hand. */
export const unreadableFileText = (unreadable: readonly UnreadableScenario[]): string =>
  JSON.stringify(
    unreadable.map((each) => each.stored),
    null,
    2,
  );

/** Opens the library; the database is created on first use. */
export function openScenarioLibrary(name = SCENARIO_DB_NAME): ScenarioLibrary {
  const db = new Dexie(name) as ScenariosDb;
  db.version(1).stores({ scenarios: 'id' });
  return {
    async list() {
      const rows: unknown[] = await db.scenarios.toArray();
      // Why each row is parsed again: a row written by a newer or damaged app must not reach the runner.
      const listing: ScenarioListing = { scenarios: [], unreadable: [] };
      for (const row of rows) {
        const read = readRow(row);
        if (read.kind === 'ok') listing.scenarios.push(read.scenario);
        else listing.unreadable.push(read.unreadable);
      }
      listing.scenarios.sort((a, b) => a.title.localeCompare(b.title));
      listing.unreadable.sort((a, b) => a.id.localeCompare(b.id));
      return listing;
    },
    async save(scenario, savedAt) {
      const [valid] = checked([scenario]);
      await db.scenarios.put({ id: valid.id, savedAt, scenario: valid });
    },
    async saveAll(scenarios, savedAt) {
      // Why check first: a scenario that would be unreadable on list must not be half of a saved file.
      const valid = checked(scenarios);
      await db.transaction('rw', db.scenarios, () =>
        db.scenarios.bulkPut(valid.map((scenario) => ({ id: scenario.id, savedAt, scenario }))),
      );
    },
    async remove(id) {
      await db.scenarios.delete(id);
    },
    close: () => db.close(),
  };
}

/** Pure: the scenarios whose title, id, tags or description contain every word of `query`. */
export function searchScenarios(scenarios: readonly ScenarioSpec[], query: string): ScenarioSpec[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return scenarios.filter((scenario) => {
    const text = [scenario.title, scenario.id, scenario.description ?? '', ...scenario.tags]
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** One scenario of the library: a Given/When/Then one (built in or the user's own) or a step-based teaching one. */
export type LibraryEntry =
  | { kind: 'givenWhenThen'; isSaved: boolean; scenario: ScenarioSpec }
  | { kind: 'teaching'; isSaved: false; scenario: Scenario };

/** What a library search asks: every word of `query` in the title, id, tags or text, and every tag of `tags`. */
export interface LibraryFilter {
  query: string;
  tags: readonly string[];
}

/** Pure: one library of the three kinds: the teaching scenarios, the built-in Given/When/Then ones, the user's own. */
export const libraryEntries = (
  teaching: readonly Scenario[],
  builtIns: readonly ScenarioSpec[],
  saved: readonly ScenarioSpec[],
): LibraryEntry[] => [
  ...teaching.map((scenario): LibraryEntry => ({ kind: 'teaching', isSaved: false, scenario })),
  ...builtIns.map((scenario): LibraryEntry => ({ kind: 'givenWhenThen', isSaved: false, scenario })),
  ...saved.map((scenario): LibraryEntry => ({ kind: 'givenWhenThen', isSaved: true, scenario })),
];

/** Pure: a key unique across the kinds (a teaching scenario and a Given/When/Then one may share an id). */
export const entryKey = (entry: LibraryEntry): string =>
  `${entry.kind === 'teaching' ? 'teaching' : entry.isSaved ? 'mine' : 'built-in'}:${entry.scenario.id}`;

const textOf = (entry: LibraryEntry) =>
  entry.kind === 'teaching' ? entry.scenario.summary : (entry.scenario.description ?? '');

/** Pure: the entries matching every word of the query and carrying every chosen tag, in library order. */
export function searchLibrary(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    const { title, id, tags } = entry.scenario;
    const text = [title, id, textOf(entry), ...tags].join(' ').toLowerCase();
    return words.every((word) => text.includes(word)) && filter.tags.every((tag) => tags.includes(tag));
  });
}

/** Pure: every tag of the entries with how many carry it, by tag. */
export function tagsOf(entries: readonly LibraryEntry[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of entries)
    for (const tag of new Set(entry.scenario.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
}
