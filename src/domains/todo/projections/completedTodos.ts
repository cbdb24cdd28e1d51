import type { Projection } from '../../../index.ts';
import { asTodoEvent } from '../events.ts';
import { own, putOwn } from '../../../index.ts';

/** A todo that was done. */
export interface CompletedTodo {
  todoId: string;
  title: string;
  completedOn: string;
}

export interface CompletedTodosState {
  /** Each outstanding todo's title as last amended, so a completion knows what was done. */
  titles: Record<string, string>;
  /** The completed todos in the order they were completed. */
  completed: CompletedTodo[];
}

/** The completed todos, each with its title as it was when it was completed. */
export const completedTodosProjection: Projection<CompletedTodosState> = {
  name: 'completedTodos',
  description: 'The todos that were completed, with their title and completion date.',
  initialState: () => ({ titles: {}, completed: [] }),
  apply(state, recorded) {
    const event = asTodoEvent(recorded);
    const { todoId } = event.data;
    switch (event.type) {
      case 'TodoAdded':
        putOwn(state.titles, todoId, event.data.title);
        break;
      case 'TodoAmended':
        if (event.data.title !== undefined && own(state.titles, todoId) !== undefined)
          putOwn(state.titles, todoId, event.data.title);
        break;
      case 'TodoCompleted':
        state.completed.push({
          todoId,
          title: own(state.titles, todoId) ?? todoId,
          completedOn: event.data.completedOn,
        });
        delete state.titles[todoId];
        break;
      case 'TodoAbandoned':
        delete state.titles[todoId];
        break;
    }
    return state;
  },
};
