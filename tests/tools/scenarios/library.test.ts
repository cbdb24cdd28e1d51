// Logic check in node against fake-indexeddb.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  entryKey,
  libraryEntries,
  openScenarioLibrary,
  searchLibrary,
  searchScenarios,
  tagsOf,
  unreadableFileText,
  type ScenarioLibrary,
} from '../../../src/tools/scenarios/library.ts';
import { builtInScenarios, type ScenarioSpec } from '../../../src/tools/scenarios/model/scenarioFile.ts';
import { scenarios as teachingScenarios } from '../../../src/domains/scheduling/walkthroughs/index.ts';

let library: ScenarioLibrary;
let count = 0;
const fresh = () => (library = openScenarioLibrary(`scenarios-test-${++count}`));
afterEach(() => library.close());

describe('the scenario library', () => {
  it('keeps saved scenarios across openings, by title', async () => {
    fresh();
    const [first, second] = builtInScenarios;
    await library.save({ ...first, id: 'mine-1', title: 'Zebra' }, '2026-03-02T08:00');
    await library.save({ ...second, id: 'mine-2', title: 'Apple' }, '2026-03-02T08:00');
    library.close();
    library = openScenarioLibrary(`scenarios-test-${count}`);
    expect((await library.list()).scenarios.map((s) => s.title)).toEqual(['Apple', 'Zebra']);
  });

  it('replaces a scenario saved again under its id, and removes it', async () => {
    fresh();
    const [first] = builtInScenarios;
    await library.save(first, '2026-03-02T08:00');
    await library.save({ ...first, title: 'Renamed' }, '2026-03-02T08:01');
    expect((await library.list()).scenarios.map((s) => s.title)).toEqual(['Renamed']);
    await library.remove(first.id);
    expect(await library.list()).toEqual({ scenarios: [], unreadable: [] });
  });
});

/** Writes a row behind the library's back, as an older, newer or damaged app might have. */
async function writeRawRow(row: unknown) {
  const db = new Dexie(`scenarios-test-${count}`);
  db.version(1).stores({ scenarios: 'id' });
  await db.table('scenarios').put(row);
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

  it('lists the others and reports it by title with its first problem, never silently', async () => {
    fresh();
    await library.save(first, '2026-03-02T08:00');
    await writeRawRow(beforeStricterChecks);
    await writeRawRow(noScenario);
    const { scenarios, unreadable } = await library.list();
    expect(scenarios.map((s) => s.id)).toEqual([first.id]);
    expect(unreadable).toEqual([
      { id: 'no-scenario', problem: 'the row holds no scenario', stored: noScenario },
      {
        id: 'tom-twice',
        title: 'Tom books twice',
        problem: 'when.data.dayId: is required',
        stored: beforeStricterChecks,
      },
    ]);
  });

  it('keeps it until it is removed, and exports it exactly as stored', async () => {
    fresh();
    await writeRawRow(beforeStricterChecks);
    const { unreadable } = await library.list();
    expect(JSON.parse(unreadableFileText(unreadable))).toEqual([beforeStricterChecks]);
    library.close();
    library = openScenarioLibrary(`scenarios-test-${count}`);
    expect((await library.list()).unreadable.map((u) => u.id)).toEqual(['tom-twice']);
    await library.remove('tom-twice');
    expect(await library.list()).toEqual({ scenarios: [], unreadable: [] });
  });
});

describe('saving a whole file', () => {
  it('saves every scenario, or none when one cannot be stored', async () => {
    fresh();
    await library.saveAll(builtInScenarios, '2026-03-02T08:00');
    expect((await library.list()).scenarios).toHaveLength(builtInScenarios.length);
    fresh();
    const unstorable = {
      ...builtInScenarios[1],
      id: 'bad',
      tags: [() => 'not cloneable'] as unknown as string[],
    };
    await expect(library.saveAll([builtInScenarios[0], unstorable], 'x')).rejects.toThrow(
      /^Scenario 2, tags\.0: /,
    );
    expect(await library.list()).toEqual({ scenarios: [], unreadable: [] });
  });

  it('refuses a scenario that would not read back, and keeps what was saved', async () => {
    fresh();
    const [first] = builtInScenarios;
    await library.save(first, '2026-03-02T08:00');
    const noWhen = { ...first, title: 'Renamed', when: { type: 'BookSlot', data: {} } };
    await expect(library.save(noWhen, '2026-03-02T08:01')).rejects.toThrow(/^Scenario 1, when\b/);
    expect((await library.list()).scenarios.map((s) => s.title)).toEqual([first.title]);
  });
});

const mine: ScenarioSpec = {
  ...builtInScenarios[0],
  id: 'tom-and-maria',
  title: 'Tom and Maria want the same slot',
  tags: ['booking', 'mine'],
  description: 'Written after the Monday rush',
};
const library3 = libraryEntries(teachingScenarios, builtInScenarios, [mine]);
const keys = (entries: ReturnType<typeof searchLibrary>) => entries.map(entryKey);

describe('searchLibrary', () => {
  it('lists the teaching, built-in and saved scenarios in one library, each under its own key', () => {
    expect(library3).toHaveLength(teachingScenarios.length + builtInScenarios.length + 1);
    expect(new Set(keys(library3)).size).toBe(library3.length);
    expect(keys(searchLibrary(library3, { query: 'day-cancellation', tags: [] }))).toEqual([
      'teaching:day-cancellation',
      'built-in:day-cancellation',
    ]);
  });

  it('finds every kind by a word of its text: a teaching summary, a description, a saved title', () => {
    expect(keys(searchLibrary(library3, { query: 'stale READS', tags: [] }))).toEqual([
      'teaching:lagging-projection',
    ]);
    expect(keys(searchLibrary(library3, { query: 'seed 000', tags: [] }))).toEqual([
      'built-in:slot-already-booked',
    ]);
    expect(keys(searchLibrary(library3, { query: 'monday rush', tags: [] }))).toEqual(['mine:tom-and-maria']);
  });

  it('keeps only the entries carrying every chosen tag, across kinds', () => {
    expect(keys(searchLibrary(library3, { query: '', tags: ['saga', 'compensation'] }))).toEqual([
      'teaching:overbooking',
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
