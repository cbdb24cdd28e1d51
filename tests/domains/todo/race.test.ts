import { describe, expect, it } from 'vitest';
import { fc, type RaceKnobs, type RaceOperation } from '../../../src/index.ts';
import { todo } from '../../../src/domains/todo/index.ts';
import { PureSandbox } from './pureSandbox.ts';
import { raceViolations, runRace } from './raceRunner.ts';

const race = todo.race!;
const defaults: RaceKnobs = Object.fromEntries(
  Object.entries(race.knobs).map(([name, knob]) => [name, knob.default]),
);
const knobsArbitrary = fc.record(
  Object.fromEntries(
    Object.entries(race.knobs).map(([name, { min, max }]) => [name, fc.integer({ min, max })]),
  ),
);
const raceArbitrary = (knobs: RaceKnobs) => {
  const world = race.world(knobs);
  return fc.record({
    world: fc.constant(world),
    operations: race.operations(world, knobs),
    choices: fc.array(fc.nat(7), { maxLength: 40 }),
  });
};
const anyRace = knobsArbitrary.chain(raceArbitrary);
const SEED = 20260302;

describe('the todo race', () => {
  it('starts from a world whose commands are all accepted, one after another', () => {
    for (let todos = race.knobs.todos.min; todos <= race.knobs.todos.max; todos++) {
      const world = race.world({ ...defaults, todos });
      const sandbox = new PureSandbox(todo.context, world.now);
      expect(world.commands.map((command) => sandbox.dispatch(command).kind)).toEqual(
        world.commands.map(() => 'accepted'),
      );
      expect(world.commands).toHaveLength(todos - 1);
    }
  });

  it('generates only valid commands, on the race’s todos, by at most the knobs’ people', () => {
    fc.assert(
      fc.property(
        knobsArbitrary.chain((knobs) =>
          race.operations(race.world(knobs), knobs).map((ops) => ({ knobs, ops })),
        ),
        ({ knobs, ops }) => {
          for (const { step } of ops)
            if (step.kind === 'command') expect(todo.context.validate(step.command).kind).toBe('valid');
          const people = new Set(ops.map((op) => op.actor).filter((actor) => actor !== 'clock'));
          expect(people.size).toBeLessThanOrEqual(knobs.people);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('describes each operation in a line a person reads', () => {
    const ops: RaceOperation[] = [
      {
        actor: 'ana',
        step: {
          kind: 'command',
          command: { type: 'AddTodo', data: { todoId: 'bike', title: 'Fix the bike' } },
        },
      },
      {
        actor: 'ben',
        step: {
          kind: 'command',
          command: {
            type: 'AmendTodo',
            data: { todoId: 'chopper', stakeholderEmail: null, dueDate: '2026-03-04' },
          },
        },
      },
      {
        actor: 'chen',
        step: {
          kind: 'command',
          command: { type: 'CompleteTodo', data: { todoId: 'chopper', completedOn: '2026-03-03' } },
        },
      },
      {
        actor: 'dora',
        step: {
          kind: 'command',
          command: { type: 'AbandonTodo', data: { todoId: 'taxes', abandonedOn: '2026-03-02' } },
        },
      },
      { actor: 'clock', step: { kind: 'clock', to: '2026-03-03T09:00' } },
    ];
    expect(ops.map(race.describe)).toEqual([
      'ana adds bike “Fix the bike”',
      'ben amends chopper: due 2026-03-04, no stakeholder',
      'chen completes chopper on 2026-03-03',
      'dora abandons taxes on 2026-03-02',
      'clock moves to 2026-03-03T09:00',
    ]);
  });

  it('always keeps every property when nothing is planted, however the people interleave', () => {
    fc.assert(
      fc.property(anyRace, ({ world, operations, choices }) => {
        expect(raceViolations(race, runRace(todo.context, world, operations, choices))).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  describe.each(race.bugs.map((bug) => [bug.name, bug] as const))('with the planted bug %s', (_, bug) => {
    it(`is caught by ${bug.caughtBy}`, () => {
      const context = bug.plant({ context: todo.context }).context;
      const result = fc.check(
        fc.property(raceArbitrary(defaults), ({ world, operations, choices }) =>
          raceViolations(race, runRace(context, world, operations, choices)).every(
            (violation) => violation.invariant !== bug.caughtBy,
          ),
        ),
        { seed: SEED, numRuns: 500 },
      );
      expect(result.failed).toBe(true);
      const [counterexample] = result.counterexample ?? [];
      const { world, operations, choices } = counterexample!;
      const log = runRace(context, world, operations, choices);
      expect(raceViolations(race, log).map((v) => v.invariant)).toContain(bug.caughtBy);
      expect(operations.length).toBeLessThanOrEqual(4);
    });
  });
});
