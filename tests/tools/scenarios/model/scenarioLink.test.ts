import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../../../src/tools/scenarios/model/scenarioFile.ts';
import { decodeScenarioLink, scenarioLinkUrl } from '../../../../src/ui/tools/scenarios/scenarioLink.ts';

const [scenario] = builtInScenarios;

describe('a scenario link', () => {
  it('always carries the scenario it was made from', () => {
    for (const each of builtInScenarios) {
      const url = scenarioLinkUrl(each, 'http://localhost:4173/#/board');
      expect(url).toMatch(/^http:\/\/localhost:4173\/#scenario=/);
      expect(decodeScenarioLink(new URL(url).hash)).toEqual({ kind: 'ok', scenario: each });
    }
  });

  it('carries the scenario’s monthly limit', () => {
    const limited = { ...scenario, monthlyLimit: 2 };
    const decoded = decodeScenarioLink(new URL(scenarioLinkUrl(limited, 'http://x/')).hash);
    expect(decoded).toMatchObject({ kind: 'ok', scenario: { monthlyLimit: 2 } });
  });

  it('still opens a link made before scenarios had a monthly limit', () => {
    const { monthlyLimit: _, ...old } = { ...scenario, monthlyLimit: 1 };
    const file = { format: 'eventscope.scenario', formatVersion: 1, scenarios: [old] };
    expect(decodeScenarioLink(`#scenario=${compressToEncodedURIComponent(JSON.stringify(file))}`)).toEqual({
      kind: 'ok',
      scenario: old,
    });
  });

  it('is not one when the hash names a tab', () => {
    expect(decodeScenarioLink('#/board')).toEqual({ kind: 'none' });
  });

  describe('when damaged', () => {
    it('says it is cut short', () => {
      const hash = new URL(scenarioLinkUrl(scenario, 'http://x/')).hash;
      const decoded = decodeScenarioLink(hash.slice(0, hash.length / 2));
      expect(decoded.kind).toBe('invalid');
      if (decoded.kind === 'invalid')
        expect(decoded.message).toMatch(/^This scenario link cannot be opened: /);
    });

    it('names the first problem of a scenario that is not valid', () => {
      const bad = {
        format: 'eventscope.scenario',
        formatVersion: 1,
        scenarios: [{ ...scenario, now: 'soon' }],
      };
      expect(decodeScenarioLink(`#scenario=${compressToEncodedURIComponent(JSON.stringify(bad))}`)).toEqual({
        kind: 'invalid',
        message:
          'This scenario link cannot be opened: it does not hold a valid scenario (scenarios.0.now: is not an instant YYYY-MM-DDTHH:MM).',
      });
    });

    it('names a monthly limit that is not a whole number of bookings', () => {
      const bad = {
        format: 'eventscope.scenario',
        formatVersion: 1,
        scenarios: [{ ...scenario, monthlyLimit: 0 }],
      };
      expect(decodeScenarioLink(`#scenario=${compressToEncodedURIComponent(JSON.stringify(bad))}`)).toEqual({
        kind: 'invalid',
        message:
          'This scenario link cannot be opened: it does not hold a valid scenario (scenarios.0.monthlyLimit: must be a whole number of bookings, 1 or more).',
      });
    });

    it('says when nothing follows the prefix', () => {
      expect(decodeScenarioLink('#scenario=')).toMatchObject({ kind: 'invalid' });
    });
  });
});
