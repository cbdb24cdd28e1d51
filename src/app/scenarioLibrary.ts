import Dexie, { type EntityTable } from 'dexie';
import { parseScenarioFile, toScenarioFile, type ScenarioSpec } from '../domain/scheduling/scenarioFile.ts';

interface StoredScenario {
  id: string;
  savedAt: string;
  scenario: ScenarioSpec;
}

type ScenariosDb = Dexie & { scenarios: EntityTable<StoredScenario, 'id'> };

/** The user's own scenarios, kept in their own IndexedDB database, apart from the event log. */
export interface ScenarioLibrary {
  /** Every saved scenario that still reads as a valid scenario, by title. */
  list(): Promise<ScenarioSpec[]>;
  /** Saves (or replaces, by id) one scenario. */
  save(scenario: ScenarioSpec, savedAt: string): Promise<void>;
  /** Saves every scenario in one transaction: all of them, or none if the browser refuses one. */
  saveAll(scenarios: readonly ScenarioSpec[], savedAt: string): Promise<void>;
  remove(id: string): Promise<void>;
  close(): void;
}

export const SCENARIO_DB_NAME = 'eventscope-scenarios';

/** Opens the library; the database is created on first use. */
export function openScenarioLibrary(name = SCENARIO_DB_NAME): ScenarioLibrary {
  const db = new Dexie(name) as ScenariosDb;
  db.version(1).stores({ scenarios: 'id' });
  return {
    async list() {
      const rows = await db.scenarios.toArray();
      // Why each row is parsed again: a row written by a newer or damaged app must not reach the runner.
      return rows
        .flatMap((row) => {
          const parsed = parseScenarioFile(toScenarioFile([row.scenario]));
          return parsed.kind === 'ok' ? parsed.scenarios : [];
        })
        .sort((a, b) => a.title.localeCompare(b.title));
    },
    async save(scenario, savedAt) {
      await db.scenarios.put({ id: scenario.id, savedAt, scenario: structuredClone(scenario) });
    },
    async saveAll(scenarios, savedAt) {
      await db.transaction('rw', db.scenarios, () =>
        db.scenarios.bulkPut(scenarios.map((scenario) => ({ id: scenario.id, savedAt, scenario }))),
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
