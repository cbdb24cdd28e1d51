import { describe, expect, it } from 'vitest';
import type { Invariant } from '../../../src/index.ts';
import { todo } from '../../../src/domains/todo/index.ts';
import { stakeholderNotified, todoAbandoned, todoAdded, todoAmended, todoCompleted } from './builders.ts';
import { log } from './spec.ts';

const invariant = (name: string): Invariant => {
  const found = todo.invariants.find((each) => each.name === name);
  if (!found) throw new Error(`no invariant ${name}`);
  return found;
};
const check = (name: string, events: Parameters<typeof log>[0]) => invariant(name).check(log(events), {});

const forDillon = todoAdded({ stakeholderEmail: 'dillon@example.com' });
const aGoodLife = [
  forDillon,
  todoAmended({ stakeholderEmail: 'anna@example.com' }),
  todoCompleted(),
  stakeholderNotified({ stakeholderEmail: 'anna@example.com', causationEventId: 'evt-3' }),
  todoAdded({ todoId: 'bike' }),
  todoAbandoned({ todoId: 'bike' }),
];

describe('the todo invariants', () => {
  it('are the contract’s, in its order', () => {
    expect(todo.invariants.map((each) => each.name)).toEqual([
      'closedAtMostOnce',
      'noAmendmentAfterClosing',
      'oneNotificationPerCompletion',
      'notifiesTheLatestEmail',
      'contiguousVersions',
    ]);
  });

  it('all hold on a todo’s whole life', () => {
    for (const each of todo.invariants) expect(each.check(log(aGoodLife), {}), each.name).toEqual([]);
  });
});

describe('closedAtMostOnce', () => {
  it('is broken by a second completion', () => {
    expect(check('closedAtMostOnce', [forDillon, todoCompleted(), todoCompleted()])).toEqual([
      {
        invariant: 'closedAtMostOnce',
        message: 'chopper was completed at position 3 after it was completed at position 2',
        positions: [2, 3],
      },
    ]);
  });

  it('is broken by a completion after an abandonment', () => {
    expect(check('closedAtMostOnce', [forDillon, todoAbandoned(), todoCompleted()])).toMatchObject([
      {
        message: 'chopper was completed at position 3 after it was abandoned at position 2',
        positions: [2, 3],
      },
    ]);
  });
});

describe('noAmendmentAfterClosing', () => {
  it('is broken by an amendment of a completed todo', () => {
    expect(
      check('noAmendmentAfterClosing', [forDillon, todoCompleted(), todoAmended({ title: 'Late' })]),
    ).toEqual([
      {
        invariant: 'noAmendmentAfterClosing',
        message: 'chopper was amended at position 3 after it was completed at position 2',
        positions: [2, 3],
      },
    ]);
  });

  it('is broken by an amendment of an abandoned todo', () => {
    expect(
      check('noAmendmentAfterClosing', [forDillon, todoAbandoned(), todoAmended({ title: 'Late' })]),
    ).toHaveLength(1);
  });
});

describe('oneNotificationPerCompletion', () => {
  it('is broken by a second notification of one completion', () => {
    expect(
      check('oneNotificationPerCompletion', [
        forDillon,
        todoCompleted(),
        stakeholderNotified(),
        stakeholderNotified(),
      ]),
    ).toEqual([
      {
        invariant: 'oneNotificationPerCompletion',
        message:
          'dillon@example.com was told again at position 4 that chopper is done (first told at position 3, for event evt-2)',
        positions: [3, 4],
      },
    ]);
  });
});

describe('notifiesTheLatestEmail', () => {
  it('is broken by telling the stakeholder the todo was added with, after an amendment', () => {
    expect(
      check('notifiesTheLatestEmail', [
        forDillon,
        todoAmended({ stakeholderEmail: 'anna@example.com' }),
        todoCompleted(),
        stakeholderNotified({ causationEventId: 'evt-3' }),
      ]),
    ).toEqual([
      {
        invariant: 'notifiesTheLatestEmail',
        message:
          'dillon@example.com was told at position 4 that chopper is done, but when it was completed (position 3) its stakeholder was anna@example.com',
        positions: [3, 4],
      },
    ]);
  });

  it('is broken by telling anyone of a completion with no stakeholder', () => {
    expect(
      check('notifiesTheLatestEmail', [todoAdded(), todoCompleted(), stakeholderNotified()]),
    ).toMatchObject([{ positions: [2, 3] }]);
  });

  it('ignores a notification that names no completion of the log (sent by hand)', () => {
    expect(
      check('notifiesTheLatestEmail', [forDillon, stakeholderNotified({ causationEventId: 'evt-77' })]),
    ).toEqual([]);
  });
});

describe('contiguousVersions', () => {
  const events = log([forDillon, todoAmended({ title: 'A' }), todoAmended({ title: 'B' })]);
  const withVersions = (versions: number[]) => events.map((event, i) => ({ ...event, version: versions[i] }));

  it('is broken by a version written twice (a lost update)', () => {
    expect(invariant('contiguousVersions').check(withVersions([1, 2, 2]), {})).toEqual([
      {
        invariant: 'contiguousVersions',
        message: 'todo-chopper has version 2 at position 3 where 3 was due',
        positions: [2, 3],
      },
    ]);
  });

  it('is broken by a gap', () => {
    expect(invariant('contiguousVersions').check(withVersions([1, 3, 4]), {})).toMatchObject([
      { message: 'todo-chopper has version 3 at position 2 where 2 was due', positions: [1, 2] },
    ]);
  });

  it('holds for interleaved streams', () => {
    expect(
      check('contiguousVersions', [
        forDillon,
        todoAdded({ todoId: 'bike' }),
        todoCompleted(),
        stakeholderNotified(),
      ]),
    ).toEqual([]);
  });
});
