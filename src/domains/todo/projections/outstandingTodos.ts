import type { Projection } from '../../../index.ts';
import { asTodoEvent } from '../events.ts';
import { own, putOwn } from '../../../index.ts';

/** A todo neither completed nor abandoned. */
export interface OutstandingTodo {
  todoId: string;
  title: string;
  dueDate: string | null;
}

/** The outstanding todos by id. */
export type OutstandingTodosState = Record<string, OutstandingTodo>;

/**
 * The outstanding todos: added, kept up to date by amendments, dropped when completed or abandoned.
 * It serves two queries, `outstandingTodos()` and `scheduledTodos()` (the ones with a due date).
 */
export const outstandingTodosProjection: Projection<OutstandingTodosState> = {
  name: 'outstandingTodos',
  description: 'The todos neither completed nor abandoned, with their title and due date.',
  initialState: () => ({}),
  apply(todos, recorded) {
    const event = asTodoEvent(recorded);
    const { todoId } = event.data;
    switch (event.type) {
      case 'TodoAdded':
        putOwn(todos, todoId, { todoId, title: event.data.title, dueDate: event.data.dueDate });
        break;
      case 'TodoAmended': {
        const todo = own(todos, todoId);
        if (!todo) break;
        const { title = todo.title, dueDate = todo.dueDate } = event.data;
        putOwn(todos, todoId, { todoId, title, dueDate });
        break;
      }
      case 'TodoCompleted':
      case 'TodoAbandoned':
        delete todos[todoId];
        break;
    }
    return todos;
  },
};
