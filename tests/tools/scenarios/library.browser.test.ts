// The library's IndexedDB claims, in real Chromium: each test opens its own database and deletes it after.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openScenarioLibrary,
  searchScenarios,
  unreadableFileText,
  type ScenarioLibrary,
} from '../../../src/tools/scenarios/library.ts';
import type { ScenarioSpec } from '../../../src/core/domain/scenario.ts';
import { scheduling } from '../../../src/domains/index.ts';

const builtInScenarios = scheduling.scenarios;

const SAVED_AT = '2026-03-02T08:00';
const [bookedTwice, freeSlot, cancelFrees] = builtInScenarios;

const mine = (id: string, title: string, tags: string[] = ['mine']): ScenarioSpec => ({
  ...bookedTwice,
  id,
  title,
  tags,
});

let databases = 0;
const opened: { name: string; library: ScenarioLibrary }[] = [];
function open(name = `eventscope-scenarios-test-${Date.now()}-${++databases}`) {
  const library = openScenarioLibrary(name);
  opened.push({ name, library });
  return { name, library };
}
/** A second connection, as after a reload: nothing is shared with the first but the database. */
const reopen = (name: string) => open(name).library;

afterEach(async () => {
  const closed = opened.splice(0);
  closed.forEach(({ library }) => library.close());
  for (const name of new Set(closed.map((o) => o.name))) await Dexie.delete(name);
});

/** Writes a row behind the library's back, as a damaged or newer app might have. */
async function writeRawRow(name: string, row: object) {
  const db = new Dexie(name);
  db.version(3).stores({ saved: '[domain+id], domain' });
  await db.table('saved').put({ domain: 'scheduling', formatVersion: 2, ...row });
  db.close();
}
const stored = (row: object) => ({ domain: 'scheduling', formatVersion: 2, ...row });

describe('the scenario library in IndexedDB', () => {
  it('saves scenarios and lists them by title after a reload', async () => {
    const { name, library } = open();
    await library.save(scheduling, mine('zebra', 'Zebra crossing at 09:00'), SAVED_AT);
    await library.save(scheduling, mine('apple', 'Apple picking at 09:10'), SAVED_AT);
    library.close();
    const listed = (await reopen(name).list(scheduling)).scenarios;
    expect(listed.map((s) => s.title)).toEqual(['Apple picking at 09:10', 'Zebra crossing at 09:00']);
    expect(listed[1]).toEqual(mine('zebra', 'Zebra crossing at 09:00'));
  });

  it('finds saved scenarios by title and tag', async () => {
    const { library } = open();
    await library.saveAll(
      scheduling,
      [mine('a', 'Tom books 09:00', ['tom']), mine('b', 'Maria books 09:10', ['maria'])],
      SAVED_AT,
    );
    const listed = (await library.list(scheduling)).scenarios;
    expect(searchScenarios(listed, 'tom').map((s) => s.id)).toEqual(['a']);
    expect(searchScenarios(listed, 'maria 09:10').map((s) => s.id)).toEqual(['b']);
    expect(searchScenarios(listed, 'books')).toHaveLength(2);
  });

  it('replaces a scenario saved again under its id, and removes it', async () => {
    const { name, library } = open();
    await library.save(scheduling, mine('tom', 'Tom books 09:00'), SAVED_AT);
    await library.save(scheduling, mine('tom', 'Tom books 09:20 instead'), '2026-03-02T08:05');
    expect((await library.list(scheduling)).scenarios.map((s) => s.title)).toEqual([
      'Tom books 09:20 instead',
    ]);
    await library.remove(scheduling, 'tom');
    expect(await library.list(scheduling)).toEqual({ scenarios: [], unreadable: [] });
    expect(await reopen(name).list(scheduling)).toEqual({ scenarios: [], unreadable: [] });
  });

  it('lists a damaged row apart, with its problem, keeps it across a reload until deleted, and exports it as stored', async () => {
    const { name, library } = open();
    await library.save(scheduling, mine('tom', 'Tom books 09:00'), SAVED_AT);
    const damaged = { id: 'damaged', savedAt: SAVED_AT, scenario: { id: 'damaged', title: 42 } };
    const olderRules = {
      id: 'maria-old',
      savedAt: SAVED_AT,
      scenario: { ...mine('maria-old', 'Maria books 09:10'), now: 'Monday morning' },
    };
    await writeRawRow(name, damaged);
    await writeRawRow(name, olderRules);
    await writeRawRow(name, { id: 'no-scenario', savedAt: SAVED_AT });
    const { scenarios, unreadable } = await library.list(scheduling);
    expect(scenarios.map((s) => s.id)).toEqual(['tom']);
    expect(unreadable.map(({ id, title, problem }) => ({ id, title, problem }))).toEqual([
      { id: 'damaged', title: undefined, problem: expect.stringMatching(/^title: /) },
      { id: 'maria-old', title: 'Maria books 09:10', problem: expect.stringMatching(/^now: /) },
      { id: 'no-scenario', title: undefined, problem: 'the row holds no scenario' },
    ]);
    expect(JSON.parse(unreadableFileText(unreadable))).toEqual([
      stored(damaged),
      stored(olderRules),
      stored({ id: 'no-scenario', savedAt: SAVED_AT }),
    ]);
    library.close();
    await reopen(name).remove(scheduling, 'damaged');
    const afterReload = await reopen(name).list(scheduling);
    expect(afterReload.scenarios.map((s) => s.id)).toEqual(['tom']);
    expect(afterReload.unreadable.map((u) => u.id)).toEqual(['maria-old', 'no-scenario']);
  });
});

describe('saving a whole file', () => {
  it('saves every scenario in one go, and they survive a reload', async () => {
    const { name, library } = open();
    await library.saveAll(scheduling, builtInScenarios, SAVED_AT);
    library.close();
    expect((await reopen(name).list(scheduling)).scenarios.map((s) => s.id).sort()).toEqual(
      builtInScenarios.map((s) => s.id).sort(),
    );
  });

  it('leaves the library as it was when one scenario of the batch is invalid', async () => {
    const { name, library } = open();
    await library.save(scheduling, freeSlot, SAVED_AT);
    const before = await library.list(scheduling);
    const renamed = { ...freeSlot, title: 'Renamed by the import' };
    const invalid = { ...cancelFrees, now: 'Monday morning' };
    await expect(
      library.saveAll(scheduling, [renamed, mine('new', 'New one'), invalid], SAVED_AT),
    ).rejects.toThrow(/^Scenario 3, now\b/);
    expect(await library.list(scheduling)).toEqual(before);
    expect(await reopen(name).list(scheduling)).toEqual(before);
  });

  it('leaves the library as it was when the browser refuses one scenario mid-transaction', async () => {
    const { name, library } = open();
    await library.save(scheduling, freeSlot, SAVED_AT);
    const before = await library.list(scheduling);
    // The third write of the batch is refused by IndexedDB itself, after two writes went into the transaction.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if ((args[0] as { id?: string }).id === 'refused')
        throw new DOMException('Refused by this test', 'DataError');
      return put.apply(this, args);
    };
    try {
      await expect(
        library.saveAll(
          scheduling,
          [{ ...freeSlot, title: 'Renamed' }, mine('new', 'New one'), mine('refused', 'Refused')],
          SAVED_AT,
        ),
      ).rejects.toThrow('Refused by this test');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await library.list(scheduling)).toEqual(before);
    expect(await reopen(name).list(scheduling)).toEqual(before);
  });
});
