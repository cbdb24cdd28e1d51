import { fc } from '../../../index.ts';
import type { RaceKnobs, RaceOperation, RaceStep, RaceWorld } from '../../../index.ts';
import type { TodoCommand } from '../commands.ts';
import { describeChanges } from '../describeEvent.ts';
import { knob, racePeople, raceTodos, todoIdsOf } from './world.ts';

const DATES = ['2026-03-02', '2026-03-03', '2026-03-04'];
const EMAILS = ['dutch@example.com', 'ana@example.com', 'tom@example.com'];
const CLOCK_MOVES = ['2026-03-02T17:00', '2026-03-03T09:00', '2026-03-04T09:00'];

const command = (value: TodoCommand): RaceStep => ({ kind: 'command', command: value });

/** One command on one of the race's todos. Why these weights: amendments are what races with closing. */
function stepArbitrary(todoIds: string[]): fc.Arbitrary<RaceStep> {
  const todoId = fc.constantFrom(...todoIds);
  const date = fc.constantFrom(...DATES);
  const email = fc.constantFrom(...EMAILS);
  const change = fc.oneof(
    fc.constantFrom('Call the bank', 'Water the plants').map((title) => ({ title })),
    fc.option(date).map((dueDate) => ({ dueDate })),
    fc.option(email).map((stakeholderEmail) => ({ stakeholderEmail })),
  );
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc
        .record({ todoId, stakeholderEmail: fc.option(email) })
        .map(({ todoId, stakeholderEmail }) =>
          command({
            type: 'AddTodo',
            data: {
              todoId,
              title: raceTodos.find((todo) => todo.todoId === todoId)?.title ?? todoId,
              ...(stakeholderEmail && { stakeholderEmail }),
            },
          }),
        ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(todoId, change)
        .map(([todoId, changes]) => command({ type: 'AmendTodo', data: { todoId, ...changes } })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(todoId, date)
        .map(([todoId, completedOn]) => command({ type: 'CompleteTodo', data: { todoId, completedOn } })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(todoId, date)
        .map(([todoId, abandonedOn]) => command({ type: 'AbandonTodo', data: { todoId, abandonedOn } })),
    },
  );
}

/**
 * A race: each person's steps on the race's todos (a person's steps run in order; people run concurrently),
 * and the clock moving on meanwhile (a clock move is the step of the actor `clock`).
 */
export function raceOperations(_world: RaceWorld, knobs: RaceKnobs): fc.Arbitrary<RaceOperation[]> {
  const step = stepArbitrary(todoIdsOf(knobs));
  const sessions = racePeople
    .slice(0, knob(knobs, 'people'))
    .map((actor) =>
      fc
        .array(step, { minLength: 1, maxLength: knob(knobs, 'steps') })
        .map((steps) => steps.map((each): RaceOperation => ({ actor, step: each }))),
    );
  const clock = fc
    .subarray(CLOCK_MOVES, { maxLength: 2 })
    .map((moves) => moves.map((to): RaceOperation => ({ actor: 'clock', step: { kind: 'clock', to } })));
  return fc.tuple(...sessions, clock).map((parts) => parts.flat());
}

/** Pure: one line a person reads, e.g. `ben completes chopper on 2026-03-03`. */
export function describeOperation({ actor, step }: RaceOperation): string {
  if (step.kind === 'clock') return `${actor} moves to ${step.to}`;
  const { type, data } = step.command as TodoCommand;
  switch (type) {
    case 'AddTodo':
      return `${actor} adds ${data.todoId} “${data.title}”${data.stakeholderEmail ? ` for ${data.stakeholderEmail}` : ''}`;
    case 'AmendTodo': {
      const { todoId, ...changes } = data;
      return `${actor} amends ${todoId}: ${describeChanges(changes)}`;
    }
    case 'CompleteTodo':
      return `${actor} completes ${data.todoId} on ${data.completedOn}`;
    case 'AbandonTodo':
      return `${actor} abandons ${data.todoId} on ${data.abandonedOn}`;
    case 'NotifyStakeholder':
      return `${actor} tells ${data.stakeholderEmail} that ${data.todoId} is done`;
  }
}
