import type { Reaction, Saga, SagaInstanceView } from '../../../index.ts';
import type { NotifyStakeholder } from '../commands.ts';
import { asTodoEvent, type TodoEvent } from '../events.ts';
import { own, withOwn } from '../../../index.ts';

/** One todo as the notifier follows it: its stakeholder's email as last added or amended, and where it is. */
export interface FollowedTodo {
  stakeholderEmail: string | null;
  status: 'watching' | 'notified' | 'closed';
}

/** The notifier's state: plain JSON, replaced by `handle`, never changed in place. */
export interface TodoCompletedNotifierState {
  /** Why a position: events arrive in log order, so one at or below it was handled already (a redelivery). */
  lastPosition: number;
  todos: Record<string, FollowedTodo>;
}

/** Pure: the todo as the notifier sees it after one event (undefined for a todo it never saw added). */
function follow(todo: FollowedTodo | undefined, event: TodoEvent): FollowedTodo | undefined {
  switch (event.type) {
    case 'TodoAdded':
      return { stakeholderEmail: event.data.stakeholderEmail, status: 'watching' };
    case 'TodoAmended':
      return todo && event.data.stakeholderEmail !== undefined
        ? { ...todo, stakeholderEmail: event.data.stakeholderEmail }
        : todo;
    case 'TodoCompleted':
      return todo && { ...todo, status: todo.stakeholderEmail ? 'notified' : 'closed' };
    case 'TodoAbandoned':
      return todo && { ...todo, status: 'closed' };
    default:
      return todo;
  }
}

const notify = (data: NotifyStakeholder['data']): Reaction<NotifyStakeholder> => ({
  command: { type: 'NotifyStakeholder', data },
});

/**
 * The todo completed notifier (a reactor): on `TodoCompleted` of a todo with a stakeholder email (as amended last
 * before completion), sends `NotifyStakeholder`, naming the completion as its cause. Idempotent twice over: a
 * redelivered event is skipped here, and the stakeholder's stream ignores a completion it was already told of.
 */
export const todoCompletedNotifier: Saga<TodoCompletedNotifierState, NotifyStakeholder> = {
  name: 'todoCompletedNotifier',
  description: 'Emails a todo’s stakeholder when it is completed, once per completion.',
  initialState: () => ({ lastPosition: 0, todos: {} }),
  handle(state, recorded) {
    if (recorded.position <= state.lastPosition) return { state, reactions: [] };
    const event = asTodoEvent(recorded);
    const { todoId } = event.data;
    const before = own(state.todos, todoId);
    const after = follow(before, event);
    const todos = after === before || !after ? state.todos : withOwn(state.todos, todoId, after);
    const stakeholderEmail = before?.stakeholderEmail;
    const reactions =
      event.type === 'TodoCompleted' && stakeholderEmail
        ? [notify({ todoId, stakeholderEmail, causationEventId: recorded.id })]
        : [];
    return { state: { lastPosition: recorded.position, todos }, reactions };
  },
};

/** Pure: the todos the notifier follows, for the sagas panel (one instance per todo). */
export const followedTodos = (state: unknown): SagaInstanceView[] =>
  Object.entries((state as TodoCompletedNotifierState).todos).map(([key, todo]) => ({
    key,
    state: todo.status,
    context: { stakeholderEmail: todo.stakeholderEmail },
  }));
