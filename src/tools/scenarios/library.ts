import Dexie, { type Table, type Transaction } from 'dexie';
import type { DomainModule } from '../../core/domain/domainModule.ts';
import type { Walkthrough } from '../../core/domain/walkthrough.ts';
import {
  checkScenarios,
  DEFAULT_SCENARIO_DOMAIN,
  parseScenarioFile,
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_VERSION,
  type ScenarioSpec,
} from './model/scenarioFormat.ts';

/** One saved scenario: the domain it is of, its id there, and the scenario as the file format writes it. */
export interface StoredScenario {
  domain: string;
  id: string;
  savedAt: string;
  /** The file format's version the scenario was written in (rows saved before domains are version 1). */
  formatVersion: number;
  scenario: ScenarioSpec;
}

type ScenariosDb = Dexie & { saved: Table<StoredScenario, [string, string]> };

/** A stored row that no longer reads as a scenario (saved before a stricter check, or damaged): never run, kept until deleted. */
export interface UnreadableScenario {
  /** The row's id: what `remove` deletes. */
  id: string;
  /** The stored scenario's title, where it still has one. */
  title?: string;
  /** The file format's first problem with it, e.g. `when.data.dayId: is required`. */
  problem: string;
  /** The row exactly as stored, for a raw export. */
  stored: unknown;
}

/** What the library holds for one domain: the scenarios that read, by title, and the rows that do not, by id. */
export interface ScenarioListing {
  scenarios: ScenarioSpec[];
  unreadable: UnreadableScenario[];
}

/** The user's own scenarios, per domain, kept in their own IndexedDB database, apart from the event log. */
export interface ScenarioLibrary {
  /** Every saved scenario of `domain` that still reads as a valid scenario, by title; and every row that does not. */
  list(domain: DomainModule): Promise<ScenarioListing>;
  /** Saves (or replaces, by id) one scenario of `domain`; throws, saving nothing, when it is not a valid scenario. */
  save(domain: DomainModule, scenario: ScenarioSpec, savedAt: string): Promise<void>;
  /** Saves every scenario in one transaction: all of them, or none if one is invalid or the browser refuses one. */
  saveAll(domain: DomainModule, scenarios: readonly ScenarioSpec[], savedAt: string): Promise<void>;
  remove(domain: DomainModule, id: string): Promise<void>;
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
function checked(domain: DomainModule, scenarios: readonly ScenarioSpec[]): ScenarioSpec[] {
  if (scenarios.length === 0) return [];
  const parsed = checkScenarios(domain, [...scenarios]);
  if (parsed.kind === 'invalid')
    throw new InvalidScenario(
      `Scenario ${parsed.message.replace(/^scenarios\.(\d+)\./, (_, n: string) => `${Number(n) + 1}, `)}`,
    );
  return parsed.scenarios;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One stored row read as the file format reads a scenario of `domain` (at the row's version), or why it cannot be. */
function readRow(
  domain: DomainModule,
  row: unknown,
): { kind: 'ok'; scenario: ScenarioSpec } | { kind: 'unreadable'; unreadable: UnreadableScenario } {
  const stored = isRecord(row) ? row : {};
  const parsed = parseScenarioFile(
    {
      format: SCENARIO_FORMAT,
      formatVersion: stored.formatVersion ?? 1,
      domain: domain.name,
      scenarios: [stored.scenario],
    },
    () => domain,
  );
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

/**
 * Moves the rows of the first library (one table keyed by id, scheduling's scenarios only) into the table keyed
 * by domain and id, as they were: they read as format version 1.
 */
async function fromVersion1(transaction: Transaction): Promise<void> {
  const rows: unknown[] = await transaction.table('scenarios').toArray();
  await transaction.table('saved').bulkPut(
    rows.map((row) => ({
      ...(isRecord(row) ? row : {}),
      id: isRecord(row) ? String(row.id) : '',
      domain: DEFAULT_SCENARIO_DOMAIN,
      formatVersion: 1,
    })),
  );
}

/** Opens the library; the database is created on first use (and a library of the first version moved over). */
export function openScenarioLibrary(name = SCENARIO_DB_NAME): ScenarioLibrary {
  const db = new Dexie(name) as ScenariosDb;
  db.version(1).stores({ scenarios: 'id' });
  db.version(2).stores({ saved: '[domain+id], domain' }).upgrade(fromVersion1);
  db.version(3).stores({ scenarios: null });
  const rowsOf = (domain: DomainModule, scenarios: readonly ScenarioSpec[], savedAt: string) =>
    scenarios.map((scenario): StoredScenario => ({
      domain: domain.name,
      id: scenario.id,
      savedAt,
      formatVersion: SCENARIO_FORMAT_VERSION,
      scenario,
    }));
  return {
    async list(domain) {
      const rows: unknown[] = await db.saved.where('domain').equals(domain.name).toArray();
      // Why each row is parsed again: a row written by a newer or damaged app must not reach the runner.
      const listing: ScenarioListing = { scenarios: [], unreadable: [] };
      for (const row of rows) {
        const read = readRow(domain, row);
        if (read.kind === 'ok') listing.scenarios.push(read.scenario);
        else listing.unreadable.push(read.unreadable);
      }
      listing.scenarios.sort((a, b) => a.title.localeCompare(b.title));
      listing.unreadable.sort((a, b) => a.id.localeCompare(b.id));
      return listing;
    },
    async save(domain, scenario, savedAt) {
      await db.saved.put(rowsOf(domain, checked(domain, [scenario]), savedAt)[0]);
    },
    async saveAll(domain, scenarios, savedAt) {
      // Why check first: a scenario that would be unreadable on list must not be half of a saved file.
      const rows = rowsOf(domain, checked(domain, scenarios), savedAt);
      await db.transaction('rw', db.saved, () => db.saved.bulkPut(rows));
    },
    async remove(domain, id) {
      await db.saved.delete([domain.name, id]);
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

/** Pure: an id made of a title's words: `A booked slot, again!` → `a-booked-slot-again`. */
export function idFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return (words ?? ['scenario']).join('-').slice(0, 64).replace(/-+$/, '') || 'scenario';
}

/** Pure: `id`, or `id-2`, `id-3`… : the first that none of `taken` holds. */
export function uniqueId(id: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(id)) return id;
  let n = 2;
  while (used.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/** One entry of the library: a Given/When/Then scenario (built in or the user's own) or a walkthrough. */
export type LibraryEntry =
  | { kind: 'givenWhenThen'; isSaved: boolean; scenario: ScenarioSpec }
  | { kind: 'walkthrough'; isSaved: false; scenario: Walkthrough };

/** What a library search asks: every word of `query` in the title, id, tags or text, and every tag of `tags`. */
export interface LibraryFilter {
  query: string;
  tags: readonly string[];
}

/** Pure: one library of the three kinds: a domain's walkthroughs and built-in scenarios, and the user's own. */
export const libraryEntries = (
  walkthroughs: readonly Walkthrough[],
  builtIns: readonly ScenarioSpec[],
  saved: readonly ScenarioSpec[],
): LibraryEntry[] => [
  ...walkthroughs.map((scenario): LibraryEntry => ({ kind: 'walkthrough', isSaved: false, scenario })),
  ...builtIns.map((scenario): LibraryEntry => ({ kind: 'givenWhenThen', isSaved: false, scenario })),
  ...saved.map((scenario): LibraryEntry => ({ kind: 'givenWhenThen', isSaved: true, scenario })),
];

/** Pure: a key unique across the kinds (a walkthrough and a Given/When/Then scenario may share an id). */
export const entryKey = (entry: LibraryEntry): string =>
  `${entry.kind === 'walkthrough' ? 'walkthrough' : entry.isSaved ? 'mine' : 'built-in'}:${entry.scenario.id}`;

const textOf = (entry: LibraryEntry) =>
  entry.kind === 'walkthrough' ? entry.scenario.summary : (entry.scenario.description ?? '');

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
