import { describe, expect, it } from 'vitest';
import { givenWhenThen, type PlantedBug } from '../../../src/index.ts';
import { todo } from '../../../src/domains/todo/index.ts';
import {
  completeTodo,
  notifyStakeholder,
  stakeholderNotified,
  todoAbandoned,
  todoAdded,
  todoAmended,
  todoCompleted,
} from './builders.ts';
import { given as givenCorrect, NOW } from './spec.ts';

const bug = (name: string): PlantedBug => {
  const found = todo.race?.bugs.find((each) => each.name === name);
  if (!found) throw new Error(`no planted bug ${name}`);
  return found;
};
const withBug = (name: string) =>
  givenWhenThen(bug(name).plant({ context: todo.context }).context, {
    now: NOW,
    streamIdOf: todo.streamOfEvent,
    throwOnFailure: true,
  }).given;
const notifier = { saga: 'todoCompletedNotifier' };
const forDillon = todoAdded({ stakeholderEmail: 'dillon@example.com' });

describe('planted bug: completeAfterAbandon', () => {
  const given = withBug('completeAfterAbandon');

  it('completes a todo that was abandoned', () => {
    given([todoAdded(), todoAbandoned()]).when(completeTodo()).thenEvents([todoCompleted()]);
  });

  it('still checks every other rule', () => {
    given([]).when(completeTodo()).thenRejects('TodoNotFound');
    given([todoAdded(), todoCompleted()]).when(completeTodo()).thenRejects('TodoAlreadyCompleted');
    given([todoAdded(), todoAbandoned()])
      .when({ type: 'AbandonTodo', data: { todoId: 'chopper', abandonedOn: '2026-03-03' } })
      .thenRejects('TodoAlreadyAbandoned');
  });
});

describe('planted bug: notifierNotIdempotent', () => {
  const given = withBug('notifierNotIdempotent');

  it('reacts again to a redelivered completion', () => {
    given([forDillon, todoCompleted()]).whenRedelivered(2, notifier).thenReactions([notifyStakeholder()]);
  });

  it('tells the stakeholder again of a completion already told', () => {
    given([stakeholderNotified()]).when(notifyStakeholder()).thenEvents([stakeholderNotified()]);
  });
});

describe('planted bug: notifierIgnoresAmendments', () => {
  it('tells the stakeholder the todo was added with', () => {
    withBug('notifierIgnoresAmendments')([forDillon, todoAmended({ stakeholderEmail: 'anna@example.com' })])
      .whenEvent(todoCompleted(), notifier)
      .thenReactions([
        notifyStakeholder({ stakeholderEmail: 'dillon@example.com', causationEventId: 'evt-3' }),
      ]);
  });
});

describe('planting a bug', () => {
  it('leaves the domain itself correct (a decorator, not a flag)', () => {
    for (const each of todo.race?.bugs ?? []) each.plant({ context: todo.context });
    givenCorrect([todoAdded(), todoAbandoned()]).when(completeTodo()).thenRejects('TodoAlreadyAbandoned');
    givenCorrect([stakeholderNotified()]).when(notifyStakeholder()).thenEvents([]);
    givenCorrect([forDillon, todoCompleted()]).whenRedelivered(2, notifier).thenReactions([]);
  });

  it('names a property of the race lab that catches each bug', () => {
    const properties = new Set(todo.race?.properties.map((property) => property.name));
    expect(todo.race?.bugs.map((each) => [each.name, properties.has(each.caughtBy)])).toEqual([
      ['completeAfterAbandon', true],
      ['notifierNotIdempotent', true],
      ['notifierIgnoresAmendments', true],
    ]);
  });
});
