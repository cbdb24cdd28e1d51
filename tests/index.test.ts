import { describe, expect, it } from 'vitest';
import {
  createSandbox,
  defineDomain,
  DomainDefinitionError,
  scheduling,
  z,
  type Sandbox,
} from '../src/index.ts';

describe('the public entry', () => {
  it('runs the doctor practice by default, exactly as the README shows', async () => {
    const sandbox = createSandbox({ now: '2026-03-02T08:00', monthlyLimit: 10 });
    await sandbox.dispatch({
      type: 'RegisterDoctor',
      data: { doctorId: 'ana', name: 'Dr Ana Silva', specialty: 'GP' },
    });
    await sandbox.dispatch({
      type: 'ScheduleDay',
      data: { doctorId: 'ana', date: '2026-03-03', slots: [{ startTime: '09:00' }] },
    });
    await sandbox.settle();
    expect(sandbox.domain).toBe('scheduling');
    expect(sandbox.query.availableSlots('2026-03-03')).toEqual([
      {
        doctorId: 'ana',
        doctorName: 'Dr Ana Silva',
        slots: [{ dayId: 'ana_2026-03-03', slotId: 'ana_2026-03-03_09:00', startTime: '09:00' }],
      },
    ]);
  });

  it('runs a domain given by name or as a module, with its settings', async () => {
    const byName: Sandbox = createSandbox({ domain: 'scheduling', settings: { monthlyLimit: 2 } });
    const byModule = createSandbox({ domain: scheduling.configure({ monthlyLimit: 2 }) });
    for (const sandbox of [byName, byModule]) await sandbox.ready;
    expect(Object.keys(byModule.query)).toEqual(Object.keys(scheduling.queries));
  });

  it('refuses an unknown domain or setting with a sentence that says what would do', () => {
    expect(() => createSandbox({ domain: 'bakery' })).toThrow(
      /Unknown domain "bakery": use one of scheduling/,
    );
    expect(() => createSandbox({ settings: { monthlyLimt: 3 } })).toThrow(
      /settings.monthlyLimt: not a setting/,
    );
    expect(() => createSandbox({ monthlyLimit: 0 })).toThrow(/settings.monthlyLimit must be a whole number/);
  });
});

describe('defineDomain', () => {
  const counter = {
    name: 'counter',
    title: 'Counter',
    summary: 'One number',
    commands: { Increment: z.object({ counterId: z.string() }) },
    events: { Incremented: z.object({ counterId: z.string() }) },
    streamOfEvent: (event: { data: unknown }) => `counter-${(event.data as { counterId: string }).counterId}`,
    deciders: [
      {
        name: 'counter',
        streamPrefix: 'counter-',
        commands: ['Increment'],
        streamOf: (command: { type: string; data: { counterId: string } }) =>
          `counter-${command.data.counterId}`,
        initialState: () => 0,
        evolve: (state: number) => state + 1,
        decide: (command: { type: string; data: { counterId: string } }) => [
          { type: 'Incremented', data: { counterId: command.data.counterId } },
        ],
      },
    ],
  };

  it('builds a module that validates commands from their schemas', async () => {
    const sandbox = createSandbox({ domain: defineDomain(counter) });
    expect(await sandbox.dispatch({ type: 'Increment', data: {} })).toMatchObject({
      kind: 'rejected',
      error: { code: 'InvalidCommand', message: 'Increment is invalid: data.counterId is required' },
    });
    expect(await sandbox.dispatch({ type: 'Decrement', data: {} })).toMatchObject({
      kind: 'rejected',
      error: { code: 'InvalidCommand', field: 'type' },
    });
    expect(await sandbox.dispatch({ type: 'Increment', data: { counterId: 'c' } })).toMatchObject({
      kind: 'accepted',
    });
  });

  it('names every part that is missing or wrong', () => {
    const broken = {
      ...counter,
      name: 'Counter!',
      commands: { ...counter.commands, Reset: z.object({}) },
      deciders: [{ ...counter.deciders[0], commands: ['Increment', 'Increment2'], decide: undefined }],
    };
    let error: unknown;
    try {
      defineDomain(broken as never);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainDefinitionError);
    expect((error as DomainDefinitionError).problems).toEqual([
      'name must be a lower-case id like "todo" (letters, digits, -; at most 32)',
      'deciders[0] (counter).decide must be a function',
      'deciders[0] (counter) decides Increment2, which commands does not define',
      'commands.Reset has no decider (add it to one decider’s commands)'.replace('’', "'"),
    ]);
  });
});
