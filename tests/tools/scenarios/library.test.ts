// Logic check in node against fake-indexeddb.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../../src/core/domain/scenario.ts';
import { scheduling } from '../../../src/domains/index.ts';
import {
  entryKey,
  idFromTitle,
  libraryEntries,
  openScenarioLibrary,
  searchLibrary,
  searchScenarios,
  tagsOf,
  uniqueId,
  unreadableFileText,
  type ScenarioLibrary,
} from '../../../src/tools/scenarios/library.ts';
import { tally } from '../../fixtures/tallyDomain.ts';

const builtInScenarios = scheduling.scenarios;
const walkthroughs = scheduling.walkthroughs;

let library: ScenarioLibrary;
let count = 0;
const fresh = () => (library = openScenarioLibrary(`scenarios-test-${++count}`));
afterEach(() => library.close());

describe('the scenario library', () => {
  it('keeps saved scenarios across openings, by title', async () => {
    fresh();
    const [first, second] = builtInScenarios;
    await library.save(scheduling, { ...first, id: 'mine-1', title: 'Zebra' }, '2026-03-02T08:00');
    await library.save(scheduling, { ...second, id: 'mine-2', title: 'Apple' }, '2026-03-02T08:00');
    library.close();
    library = openScenarioLibrary(`scenarios-test-${count}`);
    expect((await library.list(scheduling)).scenarios.map((s) => s.title)).toEqual(['Apple', 'Zebra']);
  });

  it('replaces a scenario saved again under its id, and removes it', async () => {
    fresh();
    const [first] = builtInScenarios;
    await library.save(scheduling, first, '2026-03-02T08:00');
    await library.save(scheduling, { ...first, title: 'Renamed' }, '2026-03-02T08:01');
    expect((await library.list(scheduling)).scenarios.map((s) => s.title)).toEqual(['Renamed']);
    await library.remove(scheduling, first.id);
    expect(await library.list(scheduling)).toEqual({ scenarios: [], unreadable: [] });
  });

  it('keeps each domain’s scenarios apart, even under the same id', async () => {
    fresh();
    const [mine] = tally.scenarios;
    await library.save(tally, { ...mine, id: 'shared-id' }, '2026-05-04T09:00');
    await library.save(scheduling, { ...builtInScenarios[0], id: 'shared-id' }, '2026-05-04T09:00');
    expect((await library.list(tally)).scenarios).toEqual([{ ...mine, id: 'shared-id' }]);
    expect((await library.list(scheduling)).scenarios.map((s) => s.title)).toEqual([
      builtInScenarios[0].title,
    ]);
    await library.remove(tally, 'shared-id');
    expect((await library.list(tally)).scenarios).toEqual([]);
    expect((await library.list(scheduling)).scenarios).toHaveLength(1);
  });

  it('refuses to save a scenario of one domain as another’s', async () => {
    fresh();
    await expect(library.save(tally, builtInScenarios[0], 'x')).rejects.toThrow(/^Scenario 1, given\.0\./);
  });
});

describe('a library saved before domains', () => {
  it('moves its scenarios to the doctor practice’s, reading their monthly limits as settings', async () => {
    const name = `scenarios-test-${++count}`;
    const old = new Dexie(name);
    old.version(1).stores({ scenarios: 'id' });
    const [first] = builtInScenarios;
    await old.table('scenarios').put({
      id: 'old-one',
      savedAt: '2026-01-10T09:00',
      scenario: { ...first, id: 'old-one', monthlyLimit: 2 },
    });
    old.close();
    library = openScenarioLibrary(name);
    expect(await library.list(scheduling)).toEqual({
      scenarios: [{ ...first, id: 'old-one', settings: { monthlyLimit: 2 } }],
      unreadable: [],
    });
    expect((await library.list(tally)).scenarios).toEqual([]);
  });
});

describe('an id for a new scenario', () => {
  it('is made of its title’s words', () => {
    expect(idFromTitle('A booked slot, again!')).toBe('a-booked-slot-again');
    expect(idFromTitle('Élodie’s réservation')).toBe('elodie-s-reservation');
    expect(idFromTitle('   ')).toBe('scenario');
  });

  it('is unique among those taken', () => {
    expect(uniqueId('tom', [])).toBe('tom');
    expect(uniqueId('tom', ['tom', 'tom-2'])).toBe('tom-3');
  });
});

/** Writes a row behind the library's back, as an older, newer or damaged app might have. */
async function writeRawRow(row: unknown) {
  const db = new Dexie(`scenarios-test-${count}`);
  db.version(3).stores({ saved: '[domain+id], domain' });
  await db.table('saved').put({ domain: 'scheduling', formatVersion: 2, ...(row as object) });
  db.close();
}

describe('when a stored scenario no longer reads', () => {
  const [first, second] = builtInScenarios;
  const beforeStricterChecks = {
    id: 'tom-twice',
    savedAt: '2026-01-10T09:00',
    scenario: { ...second, id: 'tom-twice', title: 'Tom books twice', when: { type: 'BookSlot', data: {} } },
  };
  const noScenario = { id: 'no-scenario', savedAt: '2026-01-10T09:00' };

  const stored = (row: object) => ({ domain: 'scheduling', formatVersion: 2, ...row });

  it('lists the others and reports it by title with its first problem, never silently', async () => {
    fresh();
    await library.save(scheduling, first, '2026-03-02T08:00');
    await writeRawRow(beforeStricterChecks);
    await writeRawRow(noScenario);
    const { scenarios, unreadable } = await library.list(scheduling);
    expect(scenarios.map((s) => s.id)).toEqual([first.id]);
    expect(unreadable).toEqual([
      { id: 'no-scenario', problem: 'the row holds no scenario', stored: stored(noScenario) },
      {
        id: 'tom-twice',
        title: 'Tom books twice',
        problem: 'when.data.dayId: is required',
        stored: stored(beforeStricterChecks),
      },
    ]);
  });

  it('keeps it until it is removed, and exports it exactly as stored', async () => {
    fresh();
    await writeRawRow(beforeStricterChecks);
    const { unreadable } = await library.list(scheduling);
    expect(JSON.parse(unreadableFileText(unreadable))).toEqual([stored(beforeStricterChecks)]);
    library.close();
    library = openScenarioLibrary(`scenarios-test-${count}`);
    expect((await library.list(scheduling)).unreadable.map((u) => u.id)).toEqual(['tom-twice']);
    await library.remove(scheduling, 'tom-twice');
    expect(await library.list(scheduling)).toEqual({ scenarios: [], unreadable: [] });
  });
});

describe('saving a whole file', () => {
  it('saves every scenario, or none when one cannot be stored', async () => {
    fresh();
    await library.saveAll(scheduling, builtInScenarios, '2026-03-02T08:00');
    expect((await library.list(scheduling)).scenarios).toHaveLength(builtInScenarios.length);
    fresh();
    const unstorable = {
      ...builtInScenarios[1],
      id: 'bad',
      tags: [() => 'not cloneable'] as unknown as string[],
    };
    await expect(library.saveAll(scheduling, [builtInScenarios[0], unstorable], 'x')).rejects.toThrow(
      /^Scenario 2, tags\.0: /,
    );
    expect(await library.list(scheduling)).toEqual({ scenarios: [], unreadable: [] });
  });

  it('refuses a scenario that would not read back, and keeps what was saved', async () => {
    fresh();
    const [first] = builtInScenarios;
    await library.save(scheduling, first, '2026-03-02T08:00');
    const noWhen = { ...first, title: 'Renamed', when: { type: 'BookSlot', data: {} } };
    await expect(library.save(scheduling, noWhen, '2026-03-02T08:01')).rejects.toThrow(/^Scenario 1, when\b/);
    expect((await library.list(scheduling)).scenarios.map((s) => s.title)).toEqual([first.title]);
  });
});

const mine: ScenarioSpec = {
  ...builtInScenarios[0],
  id: 'tom-and-maria',
  title: 'Tom and Maria want the same slot',
  tags: ['booking', 'mine'],
  description: 'Written after the Monday rush',
};
const library3 = libraryEntries(walkthroughs, builtInScenarios, [mine]);
const keys = (entries: ReturnType<typeof searchLibrary>) => entries.map(entryKey);

describe('searchLibrary', () => {
  it('lists the walkthroughs, built-in and saved scenarios in one library, each under its own key', () => {
    expect(library3).toHaveLength(walkthroughs.length + builtInScenarios.length + 1);
    expect(new Set(keys(library3)).size).toBe(library3.length);
    expect(keys(searchLibrary(library3, { query: 'day-cancellation', tags: [] }))).toEqual([
      'walkthrough:day-cancellation',
      'built-in:day-cancellation',
    ]);
  });

  it('finds every kind by a word of its text: a walkthrough’s summary, a description, a saved title', () => {
    expect(keys(searchLibrary(library3, { query: 'stale READS', tags: [] }))).toEqual([
      'walkthrough:lagging-projection',
    ]);
    expect(keys(searchLibrary(library3, { query: 'seed 000', tags: [] }))).toEqual([
      'built-in:slot-already-booked',
    ]);
    expect(keys(searchLibrary(library3, { query: 'monday rush', tags: [] }))).toEqual(['mine:tom-and-maria']);
  });

  it('keeps only the entries carrying every chosen tag, across kinds', () => {
    expect(keys(searchLibrary(library3, { query: '', tags: ['saga', 'compensation'] }))).toEqual([
      'walkthrough:overbooking',
      'built-in:overbooking-accepted-first',
    ]);
    expect(keys(searchLibrary(library3, { query: 'tom', tags: ['mine'] }))).toEqual(['mine:tom-and-maria']);
    expect(searchLibrary(library3, { query: 'tom', tags: ['no-such-tag'] })).toEqual([]);
  });

  it('counts each tag once per scenario', () => {
    const tags = tagsOf(library3);
    expect(tags.map((t) => t.tag)).toEqual([...tags.map((t) => t.tag)].sort((a, b) => a.localeCompare(b)));
    expect(tags.find((t) => t.tag === 'mine')).toEqual({ tag: 'mine', count: 1 });
    expect(tags.find((t) => t.tag === 'eventual-consistency')).toEqual({
      tag: 'eventual-consistency',
      count: 3,
    });
  });
});

describe('searchScenarios', () => {
  it('finds by tag and by words of the title', () => {
    expect(searchScenarios(builtInScenarios, 'atomicity').map((s) => s.id)).toEqual([
      'double-slot-all-or-nothing',
    ]);
    expect(searchScenarios(builtInScenarios, 'BOOKED slot').map((s) => s.id)).toEqual([
      'slot-already-booked',
    ]);
    expect(searchScenarios(builtInScenarios, '')).toHaveLength(builtInScenarios.length);
  });
});
