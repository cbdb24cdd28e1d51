import { describe, expect, it } from 'vitest';
import { todo, type TodoCompletedNotifierState } from '../../../src/domains/todo/index.ts';
import { todoAbandoned, todoAdded, todoAmended, todoCompleted } from './builders.ts';
import { given, log } from './spec.ts';

const notifier = { saga: 'todoCompletedNotifier' };
const forDillon = todoAdded({ stakeholderEmail: 'dillon@example.com' });

describe('todo completed notifier', () => {
  describe('when a todo with a stakeholder is completed', () => {
    it('tells the stakeholder, naming the completion as the cause', () => {
      given([forDillon])
        .whenEvent(todoCompleted(), notifier)
        .thenReactions([
          {
            type: 'NotifyStakeholder',
            data: { todoId: 'chopper', stakeholderEmail: 'dillon@example.com', causationEventId: 'evt-2' },
          },
        ]);
    });

    it('tells the stakeholder as amended last before completion', () => {
      given([
        forDillon,
        todoAmended({ stakeholderEmail: 'anna@example.com' }),
        todoAmended({ title: 'Get to the chopper, NOW' }),
      ])
        .whenEvent(todoCompleted(), notifier)
        .thenReactions([
          {
            type: 'NotifyStakeholder',
            data: { todoId: 'chopper', stakeholderEmail: 'anna@example.com', causationEventId: 'evt-4' },
          },
        ]);
    });

    it('tells only that todo’s stakeholder', () => {
      given([forDillon, todoAdded({ todoId: 'taxes', stakeholderEmail: 'ana@example.com' })])
        .whenEvent(todoCompleted({ todoId: 'taxes' }), notifier)
        .thenReactions([
          {
            type: 'NotifyStakeholder',
            data: { todoId: 'taxes', stakeholderEmail: 'ana@example.com', causationEventId: 'evt-3' },
          },
        ]);
    });
  });

  describe('when there is nobody to tell', () => {
    it('sends nothing for a todo added without a stakeholder', () => {
      given([todoAdded()]).whenEvent(todoCompleted(), notifier).thenReactions([]);
    });

    it('sends nothing once the stakeholder was cleared', () => {
      given([forDillon, todoAmended({ stakeholderEmail: null })])
        .whenEvent(todoCompleted(), notifier)
        .thenReactions([]);
    });

    it('sends nothing when a todo is abandoned', () => {
      given([forDillon]).whenEvent(todoAbandoned(), notifier).thenReactions([]);
    });
  });

  describe('when the completion is delivered again', () => {
    it('sends nothing the second time', () => {
      given([forDillon, todoCompleted()]).whenRedelivered(2, notifier).thenReactions([]);
    });
  });

  describe('its state', () => {
    const saga = todo.context.sagas[0];
    const fold = (events: Parameters<typeof log>[0]) =>
      log(events).reduce((state, event) => saga.handle(state, event, { now: '' }).state, saga.initialState());

    it('is plain JSON, one followed todo per id, never changed in place', () => {
      const before = fold([forDillon]);
      const frozen = JSON.stringify(before);
      const [completion] = log([forDillon, todoCompleted()]).slice(-1);
      const after = saga.handle(before, completion, { now: '' }).state;
      expect(JSON.stringify(before)).toBe(frozen);
      expect(JSON.parse(JSON.stringify(after))).toEqual(after);
      expect(after).toEqual({
        lastPosition: 2,
        todos: { chopper: { stakeholderEmail: 'dillon@example.com', status: 'notified' } },
      } satisfies TodoCompletedNotifierState);
    });

    it('shows one instance per todo in the sagas panel', () => {
      const state = fold([
        forDillon,
        todoAdded({ todoId: 'bike' }),
        todoAdded({ todoId: 'taxes', stakeholderEmail: 'ana@example.com' }),
        todoCompleted(),
        todoCompleted({ todoId: 'bike' }),
      ]);
      expect(todo.sagaViews.todoCompletedNotifier.instances?.(state)).toEqual([
        { key: 'chopper', state: 'notified', context: { stakeholderEmail: 'dillon@example.com' } },
        { key: 'bike', state: 'closed', context: { stakeholderEmail: null } },
        { key: 'taxes', state: 'watching', context: { stakeholderEmail: 'ana@example.com' } },
      ]);
    });
  });
});
