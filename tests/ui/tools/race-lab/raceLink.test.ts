import { compressToEncodedURIComponent } from 'lz-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRace } from '../../../../src/tools/race-lab/runRace.ts';
import { buildCounterexample, type Counterexample } from '../../../../src/tools/race-lab/model/lab.ts';
import { everyProperty } from '../../../../src/tools/race-lab/model/properties.ts';
import { NO_BUGS, NO_FAULTS, type Race } from '../../../../src/tools/race-lab/model/race.ts';
import { raceSetup } from '../../../../src/tools/race-lab/model/generators.ts';
import { decodeRaceLink, encodeRaceLink, raceLinkUrl } from '../../../../src/ui/tools/race-lab/raceLink.ts';

const setup = raceSetup({ patients: 2, days: 1, slotsPerDay: 2 });
const dayId = 'ana_2026-03-03';
const twoBookings: Race = {
  setup,
  operations: [
    { actor: 'tom', intent: { kind: 'book', patientId: 'tom', dayId, time: '09:00' } },
    { actor: 'eve', intent: { kind: 'book', patientId: 'eve', dayId, time: '09:00' } },
  ],
  choices: [0, 1],
  faults: NO_FAULTS,
  bugs: { ...NO_BUGS, skipVersionCheck: true },
  monthlyLimit: 2,
};

let counterexample: Counterexample;
beforeAll(async () => {
  counterexample = await buildCounterexample(everyProperty, twoBookings, runRace, {
    seed: 7,
    path: '0:1',
    runsToFailure: 1,
    shrinkSteps: 3,
  });
});

const packed = (value: unknown) => `#race=${compressToEncodedURIComponent(JSON.stringify(value))}`;

describe('a race link', () => {
  it('decodes to the same counterexample it encoded', () => {
    const decoded = decodeRaceLink(`#${encodeRaceLink(counterexample)}`);
    expect(decoded).toEqual({ kind: 'ok', counterexample });
    expect(counterexample.violations.length).toBeGreaterThan(0);
  });

  it('replaces the page’s hash and keeps its address', () => {
    const url = raceLinkUrl(counterexample, 'http://localhost:4173/?x=1#/board');
    expect(url.startsWith('http://localhost:4173/?x=1#race=')).toBe(true);
    expect(decodeRaceLink(new URL(url).hash).kind).toBe('ok');
  });

  it('is not a race link when the hash names a panel', () => {
    expect(decodeRaceLink('#/log')).toEqual({ kind: 'none' });
    expect(decodeRaceLink('')).toEqual({ kind: 'none' });
  });

  describe('when the link is damaged', () => {
    it('says it is empty', () => {
      expect(decodeRaceLink('#race=')).toMatchObject({
        kind: 'invalid',
        message: expect.stringMatching(/no counterexample/),
      });
    });

    it('says a truncated link is cut short', () => {
      const hash = `#${encodeRaceLink(counterexample)}`;
      const decoded = decodeRaceLink(hash.slice(0, Math.floor(hash.length * 0.6)));
      expect(decoded).toMatchObject({
        kind: 'invalid',
        message: expect.stringMatching(/damaged or cut short/),
      });
    });

    it('says characters outside the link alphabet make it damaged', () => {
      expect(decodeRaceLink('#race=%%%not-lz')).toMatchObject({ kind: 'invalid' });
    });

    it('names the field that is wrong in a well-formed document', () => {
      const broken = { ...counterexample, race: { ...counterexample.race, monthlyLimit: 'two' } };
      expect(decodeRaceLink(packed(broken))).toEqual({
        kind: 'invalid',
        message: expect.stringContaining('race.monthlyLimit'),
      });
    });

    it('rejects a property the lab does not have', () => {
      expect(decodeRaceLink(packed({ ...counterexample, property: 'neverWrong' }))).toEqual({
        kind: 'invalid',
        message: expect.stringContaining('property is not a property of this race lab'),
      });
    });

    it('rejects a document that is not a counterexample', () => {
      expect(decodeRaceLink(packed({ hello: 'world' }))).toMatchObject({
        kind: 'invalid',
        message: expect.stringContaining('format'),
      });
    });
  });
});
