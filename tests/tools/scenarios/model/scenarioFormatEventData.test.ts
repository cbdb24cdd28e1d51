import { describe, expect, it } from 'vitest';
import { domainNamed } from '../../../../src/domains/index.ts';
import { scheduling } from '../../../../src/domains/index.ts';
import {
  parseScenarioFile,
  parseScenarioText,
  toScenarioFile,
} from '../../../../src/tools/scenarios/model/scenarioFormat.ts';

const builtInScenarios = scheduling.scenarios;

// Why loose: the tests break the file in ways its type forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Broken = Record<string, any>;
const file = () => structuredClone(toScenarioFile(scheduling, builtInScenarios)) as unknown as Broken;
const bookAFreeSlot = builtInScenarios.findIndex((s) => s.id === 'book-a-free-slot');
const overbooking = builtInScenarios.findIndex((s) => s.id === 'overbooking-accepted-first');

const problemOf = (json: unknown) => {
  const parsed = parseScenarioFile(json, domainNamed);
  return parsed.kind === 'invalid' ? parsed.message : 'read without a problem';
};

describe('a scenario file whose events or commands do not fit their type', () => {
  it('refuses a Given event with no data, naming the first missing field', () => {
    const broken = file();
    broken.scenarios[bookAFreeSlot].given[2].event = { type: 'SlotBooked', data: {} };
    expect(parseScenarioFile(broken, domainNamed)).toEqual({
      kind: 'invalid',
      path: `scenarios.${bookAFreeSlot}.given.2.event.data.dayId`,
      message: `scenarios.${bookAFreeSlot}.given.2.event.data.dayId: is required`,
    });
  });

  it('names a malformed field of a Given event by its path', () => {
    const broken = file();
    broken.scenarios[bookAFreeSlot].given[3].event.data.startTime = '9am';
    expect(problemOf(broken)).toBe(
      `scenarios.${bookAFreeSlot}.given.3.event.data.startTime: must be a time HH:MM`,
    );
  });

  it('names a nested field of a Given event', () => {
    const broken = file();
    broken.scenarios[bookAFreeSlot].given[0].event.data.workingHours = [{ from: '08:00', to: '25:00' }];
    expect(problemOf(broken)).toBe(
      `scenarios.${bookAFreeSlot}.given.0.event.data.workingHours.0.to: must be a time HH:MM`,
    );
  });

  it('refuses an expected event of an unknown type', () => {
    const broken = file();
    broken.scenarios[bookAFreeSlot].then.events[0].type = 'SlotTaken';
    expect(problemOf(broken)).toMatch(
      new RegExp(
        `^scenarios\\.${bookAFreeSlot}\\.then\\.events\\.0\\.type: must be an event type: one of DoctorRegistered, `,
      ),
    );
  });

  it('refuses an expected event whose data does not fit its type', () => {
    const broken = file();
    broken.scenarios[overbooking].then.events[1].data.pairedSlotId = '';
    expect(problemOf(broken)).toBe(
      `scenarios.${overbooking}.then.events.1.data.pairedSlotId: must not be empty`,
    );
  });

  it('names the field of a Given command as dispatch checks it', () => {
    const broken = file();
    broken.scenarios[0].given[3].command.data.date = '2026-02-30';
    expect(problemOf(broken)).toBe('scenarios.0.given.3.command.data.date: must be a real date YYYY-MM-DD');
  });

  it('names a slot of a Given command by its place in the list', () => {
    const broken = file();
    broken.scenarios[0].given[3].command.data.slots[1].startTime = '09:05';
    expect(problemOf(broken)).toBe(
      'scenarios.0.given.3.command.data.slots.1.startTime: must be on the 10-minute grid (09:00, 09:10, …)',
    );
  });

  it('refuses a When command of an unknown type', () => {
    const broken = file();
    broken.scenarios[0].when.type = 'BookEverything';
    expect(problemOf(broken)).toMatch(
      /^scenarios\.0\.when\.type: must be one of RegisterDoctor, .*\(got "BookEverything"\)$/,
    );
  });

  it('refuses expected rows whose arguments do not fit the query', () => {
    const broken = file();
    broken.scenarios[overbooking].thenRows[0].args = ['tom-baker', 'March'];
    expect(problemOf(broken)).toBe(
      `scenarios.${overbooking}.thenRows.0.args.1: must be YYYY-MM, e.g. 2026-03`,
    );
  });

  it('refuses an expected answer of the wrong kind', () => {
    const broken = file();
    broken.scenarios[overbooking].thenRows[0].expected = '3';
    expect(problemOf(broken)).toBe(
      `scenarios.${overbooking}.thenRows.0.expected: must be a whole number, 0 or more`,
    );
  });

  it('reads nothing of the file, not even the scenarios before the broken one', () => {
    const broken = file();
    broken.scenarios[builtInScenarios.length - 1].given[0] = {
      kind: 'event',
      event: { type: 'SlotBooked', data: {} },
    };
    expect(parseScenarioText(JSON.stringify(broken), domainNamed)).toMatchObject({ kind: 'invalid' });
    expect(parseScenarioText(JSON.stringify(broken), domainNamed)).not.toHaveProperty('scenarios');
  });
});

describe('a scenario file whose events fit their types', () => {
  it('reads back every built-in scenario exactly as written', () => {
    const text = JSON.stringify(toScenarioFile(scheduling, builtInScenarios), null, 2);
    expect(parseScenarioText(text, domainNamed)).toEqual({
      kind: 'ok',
      domain: scheduling,
      scenarios: builtInScenarios,
    });
  });

  it('keeps an event’s data as written: the check reads it and changes nothing', () => {
    const written = file();
    written.scenarios[bookAFreeSlot].given[1].event.data.name = '  Tom Baker ';
    const parsed = parseScenarioFile(written, domainNamed);
    expect(parsed.kind === 'ok' && parsed.scenarios[bookAFreeSlot].given[1]).toEqual({
      kind: 'event',
      event: { type: 'PatientRegistered', data: expect.objectContaining({ name: '  Tom Baker ' }) },
    });
  });
});
