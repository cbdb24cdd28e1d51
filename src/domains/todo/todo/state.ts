import type { TodoAbandoned, TodoAdded, TodoAmended, TodoCompleted } from '../events.ts';

/** The events of a todo's own stream. */
export type TodoLifecycleEvent = TodoAdded | TodoAmended | TodoCompleted | TodoAbandoned;

/** Where a todo is in its life: not yet added, outstanding, or closed one way or the other. */
export type TodoStatus = 'absent' | 'outstanding' | 'completed' | 'abandoned';

/** A todo as its stream tells it. */
export interface TodoState {
  status: TodoStatus;
  todoId: string;
  title: string;
  description: string;
  dueDate: string | null;
  stakeholderEmail: string | null;
}

/** Pure: a todo nobody has added. */
export const initialState = (): TodoState => ({
  status: 'absent',
  todoId: '',
  title: '',
  description: '',
  dueDate: null,
  stakeholderEmail: null,
});

/** Pure: the todo after one event of its stream. */
export function evolve(todo: TodoState, event: TodoLifecycleEvent): TodoState {
  switch (event.type) {
    case 'TodoAdded':
      return { status: 'outstanding', ...event.data };
    case 'TodoAmended':
      return { ...todo, ...event.data };
    case 'TodoCompleted':
      return { ...todo, status: 'completed' };
    case 'TodoAbandoned':
      return { ...todo, status: 'abandoned' };
  }
}
