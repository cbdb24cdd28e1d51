import { describe, expect, it } from 'vitest';
import {
  builtInScenarios,
  parseScenarioFile,
  parseScenarioText,
  toScenarioFile,
} from '../../../../src/tools/scenarios/model/scenarioFile.ts';

// Why loose: the tests break the file in ways its type forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Broken = Record<string, any>;
const file = () => structuredClone(toScenarioFile(builtInScenarios)) as unknown as Broken;

describe('the scenario file', () => {
  it('reads back every built-in scenario it was written from', () => {
    const text = JSON.stringify(toScenarioFile(builtInScenarios));
    expect(parseScenarioText(text)).toEqual({ kind: 'ok', scenarios: builtInScenarios });
  });

  it('has unique built-in ids', () => {
    expect(new Set(builtInScenarios.map((s) => s.id)).size).toBe(builtInScenarios.length);
  });

  describe('when the file is not one', () => {
    it('says the text is not JSON', () => {
      expect(parseScenarioText('{"format":')).toMatchObject({ kind: 'invalid', path: '(the file)' });
    });

    it('names a wrong format', () => {
      const wrong = { ...file(), format: 'eventscope.race-counterexample' };
      expect(parseScenarioFile(wrong)).toMatchObject({ kind: 'invalid', path: 'format' });
    });

    it('names a newer format version', () => {
      expect(parseScenarioFile({ ...file(), formatVersion: 2 })).toMatchObject({
        kind: 'invalid',
        path: 'formatVersion',
      });
    });
  });

  describe('when one scenario is broken', () => {
    it('rejects the whole file and names the first problem’s path', () => {
      const broken = file();
      broken.scenarios[2].when.data.slotId = 42;
      broken.scenarios[3].given[0].event = { type: 'Nope', data: {} };
      const parsed = parseScenarioFile(broken);
      expect(parsed.kind).toBe('invalid');
      if (parsed.kind === 'invalid') {
        expect(parsed.path).toBe('scenarios.2.when.data.slotId');
        expect(parsed.message).toBe('scenarios.2.when.data.slotId: must be a text');
      }
    });

    it('names an unknown event type', () => {
      const broken = file();
      broken.scenarios[1].given[0].event.type = 'DoctorHired';
      const parsed = parseScenarioFile(broken);
      expect(parsed).toMatchObject({ kind: 'invalid', path: 'scenarios.1.given.0.event.type' });
      if (parsed.kind === 'invalid')
        expect(parsed.message).toMatch(
          /^scenarios\.1\.given\.0\.event\.type: must be one of .*\(got "DoctorHired"\)$/,
        );
    });

    it('names an unknown read-model query', () => {
      const broken = file();
      broken.scenarios[1].thenRows[0].query = 'allSlots';
      expect(parseScenarioFile(broken)).toMatchObject({ path: 'scenarios.1.thenRows.0.query' });
    });

    it('refuses a Given longer than a scenario can hold', () => {
      const broken = file();
      broken.scenarios[0].given = Array.from({ length: 501 }, () => broken.scenarios[0].given[0]);
      expect(parseScenarioFile(broken)).toMatchObject({ kind: 'invalid', path: 'scenarios.0.given' });
    });

    it('names a clock that is not an instant', () => {
      const broken = file();
      broken.scenarios[0].now = 'Monday';
      expect(parseScenarioFile(broken)).toMatchObject({ path: 'scenarios.0.now' });
    });
  });
});
