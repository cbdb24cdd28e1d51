// Logic check in node against fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openScenarioLibrary, searchScenarios, type ScenarioLibrary } from '../../src/app/scenarioLibrary.ts';
import { builtInScenarios } from '../../src/domain/scheduling/scenarioFile.ts';

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
    expect((await library.list()).map((s) => s.title)).toEqual(['Apple', 'Zebra']);
  });

  it('replaces a scenario saved again under its id, and removes it', async () => {
    fresh();
    const [first] = builtInScenarios;
    await library.save(first, '2026-03-02T08:00');
    await library.save({ ...first, title: 'Renamed' }, '2026-03-02T08:01');
    expect((await library.list()).map((s) => s.title)).toEqual(['Renamed']);
    await library.remove(first.id);
    expect(await library.list()).toEqual([]);
  });
});

describe('saving a whole file', () => {
  it('saves every scenario, or none when one cannot be stored', async () => {
    fresh();
    await library.saveAll(builtInScenarios, '2026-03-02T08:00');
    expect(await library.list()).toHaveLength(builtInScenarios.length);
    fresh();
    const unstorable = {
      ...builtInScenarios[1],
      id: 'bad',
      tags: [() => 'not cloneable'] as unknown as string[],
    };
    await expect(library.saveAll([builtInScenarios[0], unstorable], 'x')).rejects.toThrow();
    expect(await library.list()).toEqual([]);
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
