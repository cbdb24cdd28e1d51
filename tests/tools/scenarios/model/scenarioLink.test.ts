import { compressToEncodedURIComponent } from 'lz-string';
import { domainNamed } from '../../../../src/domains/index.ts';
import { describe, expect, it } from 'vitest';
import { scheduling } from '../../../../src/domains/index.ts';
import { toScenarioFile } from '../../../../src/tools/scenarios/model/scenarioFormat.ts';
import {
  decodeScenarioLink,
  LINK_LIMITS,
  scenarioLinkUrl,
} from '../../../../src/tools/scenarios/model/scenarioLink.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';
import { lzBomb } from './lzBomb.ts';

const builtInScenarios = scheduling.scenarios;
const [scenario] = builtInScenarios;
const withTally = (name: string) => (name === 'tally' ? tally : name === 'scheduling' ? scheduling : null);
const linkOf = (json: unknown) => `#scenario=${compressToEncodedURIComponent(JSON.stringify(json))}`;

describe('a scenario link', () => {
  it('always carries the scenario it was made from', () => {
    for (const each of builtInScenarios) {
      const url = scenarioLinkUrl(scheduling, each, 'http://localhost:4173/#/board');
      expect(url).toMatch(/^http:\/\/localhost:4173\/#scenario=/);
      expect(decodeScenarioLink(new URL(url).hash, domainNamed)).toEqual({
        kind: 'ok',
        domain: scheduling,
        scenario: each,
      });
    }
  });

  it('carries the scenario’s settings', () => {
    const limited = { ...scenario, settings: { monthlyLimit: 2 } };
    const decoded = decodeScenarioLink(
      new URL(scenarioLinkUrl(scheduling, limited, 'http://x/')).hash,
      domainNamed,
    );
    expect(decoded).toMatchObject({ kind: 'ok', scenario: { settings: { monthlyLimit: 2 } } });
  });

  it('names its domain, and opens in it', () => {
    const [tallyScenario] = tally.scenarios;
    const hash = new URL(scenarioLinkUrl(tally, tallyScenario, 'http://x/')).hash;
    expect(decodeScenarioLink(hash, withTally)).toEqual({
      kind: 'ok',
      domain: tally,
      scenario: tallyScenario,
    });
    expect(decodeScenarioLink(hash, domainNamed)).toEqual({
      kind: 'invalid',
      message:
        'This scenario link cannot be opened: it does not hold a valid scenario (domain: names "tally", a domain this app does not have).',
    });
  });

  it('still opens a link made before scenarios named their domain, or had a monthly limit', () => {
    const file = { format: 'eventscope.scenario', formatVersion: 1, scenarios: [scenario] };
    expect(decodeScenarioLink(linkOf(file), domainNamed)).toEqual({
      kind: 'ok',
      domain: scheduling,
      scenario,
    });
    const limited = { ...file, scenarios: [{ ...scenario, monthlyLimit: 1 }] };
    expect(decodeScenarioLink(linkOf(limited), domainNamed)).toEqual({
      kind: 'ok',
      domain: scheduling,
      scenario: { ...scenario, settings: { monthlyLimit: 1 } },
    });
  });

  it('is not one when the hash names a tab', () => {
    expect(decodeScenarioLink('#/board', domainNamed)).toEqual({ kind: 'none' });
  });

  describe('when damaged', () => {
    it('says it is cut short', () => {
      const hash = new URL(scenarioLinkUrl(scheduling, scenario, 'http://x/')).hash;
      const decoded = decodeScenarioLink(hash.slice(0, hash.length / 2), domainNamed);
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
      expect(
        decodeScenarioLink(`#scenario=${compressToEncodedURIComponent(JSON.stringify(bad))}`, domainNamed),
      ).toEqual({
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
      expect(
        decodeScenarioLink(`#scenario=${compressToEncodedURIComponent(JSON.stringify(bad))}`, domainNamed),
      ).toEqual({
        kind: 'invalid',
        message:
          'This scenario link cannot be opened: it does not hold a valid scenario (scenarios.0.monthlyLimit: must be a whole number, 1 or more).',
      });
    });

    it('says when nothing follows the prefix', () => {
      expect(decodeScenarioLink('#scenario=', domainNamed)).toMatchObject({ kind: 'invalid' });
    });
  });

  describe('when it is larger than any scenario', () => {
    it('refuses a 67 KB link that unpacks to hundreds of millions of characters, at once and in a sentence', () => {
      const hash = `#scenario=${lzBomb(30_000)}`;
      expect(hash.length).toBeGreaterThan(67_000);
      const started = performance.now();
      expect(decodeScenarioLink(hash, domainNamed)).toEqual({
        kind: 'invalid',
        message: `This scenario link cannot be opened: it unpacks to more than ${LINK_LIMITS.textLength / 1_000} KB of text, more than any scenario holds. Share the scenario as a file instead.`,
      });
      expect(performance.now() - started).toBeLessThan(250);
    });

    it('refuses a 67 KB link of a real scenario whose Given is far too long, quickly', () => {
      // Each step names a slot of its own (ids that do not repeat), so the link stays long once packed: 67 KB.
      let seed = 7;
      const token = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648).toString(36);
      const given = Array.from({ length: 3_000 }, () => ({
        kind: 'event',
        event: {
          type: 'SlotScheduled',
          data: { dayId: `${token()}_2026-03-02`, slotId: `${token()}${token()}`, startTime: '09:00' },
        },
      }));
      const hash = linkOf(toScenarioFile(scheduling, [{ ...scenario, given } as never]));
      expect(hash.length).toBeGreaterThan(67_000);
      const started = performance.now();
      const decoded = decodeScenarioLink(hash, domainNamed);
      expect(performance.now() - started).toBeLessThan(500);
      // The Given's own bound refuses it, before any of its steps is checked against the domain.
      expect(decoded).toEqual({
        kind: 'invalid',
        message:
          'This scenario link cannot be opened: it does not hold a valid scenario (scenarios.0.given: must hold at most 500 steps).',
      });
    });

    it('refuses a packed text longer than any link holds without unpacking it', () => {
      const hash = `#scenario=${'A'.repeat(LINK_LIMITS.packedLength + 1)}`;
      expect(decodeScenarioLink(hash, domainNamed)).toMatchObject({
        kind: 'invalid',
        message: expect.stringMatching(/is 200 KB long; a scenario link holds at most 200 KB/),
      });
    });
  });
});
