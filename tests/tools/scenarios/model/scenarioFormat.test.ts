import { describe, expect, it } from 'vitest';
import { domainNamed } from '../../../../src/domains/index.ts';
import { scheduling } from '../../../../src/domains/index.ts';
import {
  parseScenarioFile,
  parseScenarioText,
  SCENARIO_LIMITS,
  toScenarioFile,
} from '../../../../src/tools/scenarios/model/scenarioFormat.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';

// Why loose: the tests break the file in ways its type forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Broken = Record<string, any>;
const builtInScenarios = scheduling.scenarios;
const file = () => structuredClone(toScenarioFile(scheduling, builtInScenarios)) as unknown as Broken;
const withTally = (name: string) => (name === 'tally' ? tally : name === 'scheduling' ? scheduling : null);

describe('the scenario file', () => {
  it('reads back every built-in scenario it was written from, with the domain it names', () => {
    const text = JSON.stringify(toScenarioFile(scheduling, builtInScenarios));
    expect(JSON.parse(text)).toMatchObject({ formatVersion: 2, domain: 'scheduling' });
    expect(parseScenarioText(text, domainNamed)).toEqual({
      kind: 'ok',
      domain: scheduling,
      scenarios: builtInScenarios,
    });
  });

  it('has unique built-in ids', () => {
    expect(new Set(builtInScenarios.map((s) => s.id)).size).toBe(builtInScenarios.length);
  });

  it('reads a file without a domain as the doctor practice’s', () => {
    const { domain: _, ...noDomain } = file();
    expect(parseScenarioFile(noDomain, domainNamed)).toMatchObject({ kind: 'ok', domain: scheduling });
  });

  it('reads a file of another domain with that domain’s rules', () => {
    const tallyFile = toScenarioFile(tally, tally.scenarios);
    expect(parseScenarioFile(tallyFile, withTally)).toEqual({
      kind: 'ok',
      domain: tally,
      scenarios: tally.scenarios,
    });
    const broken = structuredClone(tallyFile) as unknown as Broken;
    broken.scenarios[1].thenRows[0].query = 'availableSlots';
    expect(parseScenarioFile(broken, withTally)).toEqual({
      kind: 'invalid',
      path: 'scenarios.1.thenRows.0.query',
      message: 'scenarios.1.thenRows.0.query: must be a query of tally: one of total (got "availableSlots")',
    });
  });

  describe('when the file is not one', () => {
    it('says the text is not JSON', () => {
      expect(parseScenarioText('{"format":', domainNamed)).toMatchObject({
        kind: 'invalid',
        path: '(the file)',
      });
    });

    it('names a wrong format', () => {
      const wrong = { ...file(), format: 'eventscope.race-counterexample' };
      expect(parseScenarioFile(wrong, domainNamed)).toMatchObject({ kind: 'invalid', path: 'format' });
    });

    it('names a newer format version', () => {
      expect(parseScenarioFile({ ...file(), formatVersion: 3 }, domainNamed)).toMatchObject({
        kind: 'invalid',
        path: 'formatVersion',
      });
    });

    it('names a domain this app does not have', () => {
      expect(parseScenarioFile({ ...file(), domain: 'airline' }, domainNamed)).toEqual({
        kind: 'invalid',
        path: 'domain',
        message: 'domain: names "airline", a domain this app does not have',
      });
    });
  });

  describe('when one scenario is broken', () => {
    it('rejects the whole file and names the first problem’s path', () => {
      const broken = file();
      broken.scenarios[2].when.data.slotId = 42;
      broken.scenarios[3].given[0].event = { type: 'Nope', data: {} };
      const parsed = parseScenarioFile(broken, domainNamed);
      expect(parsed.kind).toBe('invalid');
      if (parsed.kind === 'invalid') {
        expect(parsed.path).toBe('scenarios.2.when.data.slotId');
        expect(parsed.message).toBe('scenarios.2.when.data.slotId: must be a text');
      }
    });

    it('names an unknown event type', () => {
      const broken = file();
      broken.scenarios[1].given[0].event.type = 'DoctorHired';
      const parsed = parseScenarioFile(broken, domainNamed);
      expect(parsed).toMatchObject({ kind: 'invalid', path: 'scenarios.1.given.0.event.type' });
      if (parsed.kind === 'invalid')
        expect(parsed.message).toMatch(
          /^scenarios\.1\.given\.0\.event\.type: must be an event type: one of .*\(got "DoctorHired"\)$/,
        );
    });

    it('names an unknown read-model query', () => {
      const broken = file();
      broken.scenarios[1].thenRows[0].query = 'allSlots';
      expect(parseScenarioFile(broken, domainNamed)).toMatchObject({ path: 'scenarios.1.thenRows.0.query' });
    });

    it('names a clock that is not an instant', () => {
      const broken = file();
      broken.scenarios[0].now = 'Monday';
      expect(parseScenarioFile(broken, domainNamed)).toMatchObject({ path: 'scenarios.0.now' });
    });

    it('names a setting the domain does not have, and a value its rule refuses', () => {
      const broken = file();
      broken.scenarios[0].settings = { monthlyLimit: 2, ringEvery: 3 };
      expect(parseScenarioFile(broken, domainNamed)).toEqual({
        kind: 'invalid',
        path: 'scenarios.0.settings.ringEvery',
        message: 'scenarios.0.settings.ringEvery: is not a setting of scheduling (it has monthlyLimit)',
      });
      broken.scenarios[0].settings = { monthlyLimit: 0 };
      expect(parseScenarioFile(broken, domainNamed)).toMatchObject({
        message: 'scenarios.0.settings.monthlyLimit: must be a whole number, 1 or more',
      });
    });

    it('refuses a rejection that is not a rule’s code', () => {
      const broken = file();
      broken.scenarios[0].then = { rejection: 'SlotAlreadyBooked\u2028// and more' };
      expect(parseScenarioFile(broken, domainNamed)).toMatchObject({ path: 'scenarios.0.then.rejection' });
    });
  });

  describe('when a list is longer than a scenario can hold', () => {
    const repeated = <T>(item: T, count: number) =>
      Array.from({ length: count }, () => structuredClone(item));

    it.each([
      [
        'given',
        SCENARIO_LIMITS.givenSteps,
        (s: Broken) => (s.given = repeated(s.given[0], SCENARIO_LIMITS.givenSteps + 1)),
      ],
      ['tags', SCENARIO_LIMITS.tags, (s: Broken) => (s.tags = repeated('tag', SCENARIO_LIMITS.tags + 1))],
      [
        'thenRows',
        SCENARIO_LIMITS.thenRows,
        (s: Broken) =>
          (s.thenRows = repeated(
            { query: 'mailbox', args: ['tom-baker'], expected: [] },
            SCENARIO_LIMITS.thenRows + 1,
          )),
      ],
      [
        'then.events',
        SCENARIO_LIMITS.thenEvents,
        (s: Broken) =>
          (s.then = { events: repeated(builtInScenarios[1].then, SCENARIO_LIMITS.thenEvents + 1) }),
      ],
    ] as const)('refuses more %s than %i, naming the list', (path, limit, lengthen) => {
      const broken = file();
      lengthen(broken.scenarios[0]);
      const parsed = parseScenarioFile(broken, domainNamed);
      expect(parsed).toMatchObject({ kind: 'invalid', path: `scenarios.0.${path}` });
      if (parsed.kind === 'invalid') expect(parsed.message).toContain(String(limit));
    });

    it('refuses more scenarios than a file holds, before checking any of them', () => {
      const broken = file();
      broken.scenarios = repeated({ nothing: 'checked' }, SCENARIO_LIMITS.scenariosPerFile + 1);
      expect(parseScenarioFile(broken, domainNamed)).toMatchObject({ kind: 'invalid', path: 'scenarios' });
    });

    it('refuses a title longer than a line', () => {
      const broken = file();
      broken.scenarios[0].title = 'x'.repeat(SCENARIO_LIMITS.titleLength + 1);
      expect(parseScenarioFile(broken, domainNamed)).toMatchObject({ path: 'scenarios.0.title' });
    });
  });

  describe('when two scenarios of a file share an id', () => {
    it('refuses the file and names both, rather than keep one of them silently', () => {
      const broken = file();
      broken.scenarios[3].id = broken.scenarios[1].id;
      expect(parseScenarioFile(broken, domainNamed)).toEqual({
        kind: 'invalid',
        path: 'scenarios.3.id',
        message: `scenarios.3.id: "${builtInScenarios[1].id}" is also the id of scenario 2: ids in a file must be unique`,
      });
    });
  });
});
