// The library's IndexedDB claims, in real Chromium: each test opens its own database and deletes it after.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openScenarioLibrary,
  searchScenarios,
  unreadableFileText,
  type ScenarioLibrary,
} from '../../../src/tools/scenarios/library.ts';
import { builtInScenarios, type ScenarioSpec } from '../../../src/tools/scenarios/model/scenarioFile.ts';

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
async function writeRawRow(name: string, row: unknown) {
  const db = new Dexie(name);
  db.version(1).stores({ scenarios: 'id' });
  await db.table('scenarios').put(row);
  db.close();
}

describe('the scenario library in IndexedDB', () => {
  it('saves scenarios and lists them by title after a reload', async () => {
    const { name, library } = open();
    await library.save(mine('zebra', 'Zebra crossing at 09:00'), SAVED_AT);
    await library.save(mine('apple', 'Apple picking at 09:10'), SAVED_AT);
    library.close();
    const listed = (await reopen(name).list()).scenarios;
    expect(listed.map((s) => s.title)).toEqual(['Apple picking at 09:10', 'Zebra crossing at 09:00']);
    expect(listed[1]).toEqual(mine('zebra', 'Zebra crossing at 09:00'));
  });

  it('finds saved scenarios by title and tag', async () => {
    const { library } = open();
    await library.saveAll(
      [mine('a', 'Tom books 09:00', ['tom']), mine('b', 'Maria books 09:10', ['maria'])],
      SAVED_AT,
    );
    const listed = (await library.list()).scenarios;
    expect(searchScenarios(listed, 'tom').map((s) => s.id)).toEqual(['a']);
    expect(searchScenarios(listed, 'maria 09:10').map((s) => s.id)).toEqual(['b']);
    expect(searchScenarios(listed, 'books')).toHaveLength(2);
  });

  it('replaces a scenario saved again under its id, and removes it', async () => {
    const { name, library } = open();
    await library.save(mine('tom', 'Tom books 09:00'), SAVED_AT);
    await library.save(mine('tom', 'Tom books 09:20 instead'), '2026-03-02T08:05');
    expect((await library.list()).scenarios.map((s) => s.title)).toEqual(['Tom books 09:20 instead']);
    await library.remove('tom');
    expect(await library.list()).toEqual({ scenarios: [], unreadable: [] });
    expect(await reopen(name).list()).toEqual({ scenarios: [], unreadable: [] });
  });

  it('lists a damaged row apart, with its problem, keeps it across a reload until deleted, and exports it as stored', async () => {
    const { name, library } = open();
    await library.save(mine('tom', 'Tom books 09:00'), SAVED_AT);
    const damaged = { id: 'damaged', savedAt: SAVED_AT, scenario: { id: 'damaged', title: 42 } };
    const olderRules = {
      id: 'maria-old',
      savedAt: SAVED_AT,
      scenario: { ...mine('maria-old', 'Maria books 09:10'), now: 'Monday morning' },
    };
    await writeRawRow(name, damaged);
    await writeRawRow(name, olderRules);
    await writeRawRow(name, { id: 'no-scenario', savedAt: SAVED_AT });
    const { scenarios, unreadable } = await library.list();
    expect(scenarios.map((s) => s.id)).toEqual(['tom']);
    expect(unreadable.map(({ id, title, problem }) => ({ id, title, problem }))).toEqual([
      { id: 'damaged', title: undefined, problem: expect.stringMatching(/^title: /) },
      { id: 'maria-old', title: 'Maria books 09:10', problem: expect.stringMatching(/^now: /) },
      { id: 'no-scenario', title: undefined, problem: 'the row holds no scenario' },
    ]);
    expect(JSON.parse(unreadableFileText(unreadable))).toEqual([
      damaged,
      olderRules,
      { id: 'no-scenario', savedAt: SAVED_AT },
    ]);
    library.close();
    await reopen(name).remove('damaged');
    const afterReload = await reopen(name).list();
    expect(afterReload.scenarios.map((s) => s.id)).toEqual(['tom']);
    expect(afterReload.unreadable.map((u) => u.id)).toEqual(['maria-old', 'no-scenario']);
  });
});

describe('saving a whole file', () => {
  it('saves every scenario in one go, and they survive a reload', async () => {
    const { name, library } = open();
    await library.saveAll(builtInScenarios, SAVED_AT);
    library.close();
    expect((await reopen(name).list()).scenarios.map((s) => s.id).sort()).toEqual(
      builtInScenarios.map((s) => s.id).sort(),
    );
  });

  it('leaves the library as it was when one scenario of the batch is invalid', async () => {
    const { name, library } = open();
    await library.save(freeSlot, SAVED_AT);
    const before = await library.list();
    const renamed = { ...freeSlot, title: 'Renamed by the import' };
    const invalid = { ...cancelFrees, now: 'Monday morning' };
    await expect(library.saveAll([renamed, mine('new', 'New one'), invalid], SAVED_AT)).rejects.toThrow(
      /^Scenario 3, now\b/,
    );
    expect(await library.list()).toEqual(before);
    expect(await reopen(name).list()).toEqual(before);
  });

  it('leaves the library as it was when the browser refuses one scenario mid-transaction', async () => {
    const { name, library } = open();
    await library.save(freeSlot, SAVED_AT);
    const before = await library.list();
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
          [{ ...freeSlot, title: 'Renamed' }, mine('new', 'New one'), mine('refused', 'Refused')],
          SAVED_AT,
        ),
      ).rejects.toThrow('Refused by this test');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await library.list()).toEqual(before);
    expect(await reopen(name).list()).toEqual(before);
  });
});
