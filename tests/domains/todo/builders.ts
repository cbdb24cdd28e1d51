/** Commands and events with realistic defaults: Dutch's todo "Get to the chopper", for Dillon. */
import type {
  AbandonTodo,
  AddTodo,
  AmendTodo,
  CompleteTodo,
  NotifyStakeholder,
  StakeholderNotifiedOfTodoCompletion,
  TodoAbandoned,
  TodoAdded,
  TodoAmended,
  TodoCompleted,
} from '../../../src/domains/todo/index.ts';

const CHOPPER = 'chopper';

export const addTodo = (data: Partial<AddTodo['data']> = {}): AddTodo => ({
  type: 'AddTodo',
  data: { todoId: CHOPPER, title: 'Get to the chopper', ...data },
});

export const todoAdded = (data: Partial<TodoAdded['data']> = {}): TodoAdded => ({
  type: 'TodoAdded',
  data: {
    todoId: CHOPPER,
    title: 'Get to the chopper',
    description: '',
    dueDate: null,
    stakeholderEmail: null,
    ...data,
  },
});

export const amendTodo = (data: Partial<AmendTodo['data']> = {}): AmendTodo => ({
  type: 'AmendTodo',
  data: { todoId: CHOPPER, ...data },
});

export const todoAmended = (data: Partial<TodoAmended['data']> = {}): TodoAmended => ({
  type: 'TodoAmended',
  data: { todoId: CHOPPER, ...data },
});

export const completeTodo = (data: Partial<CompleteTodo['data']> = {}): CompleteTodo => ({
  type: 'CompleteTodo',
  data: { todoId: CHOPPER, completedOn: '2026-03-03', ...data },
});

export const todoCompleted = (data: Partial<TodoCompleted['data']> = {}): TodoCompleted => ({
  type: 'TodoCompleted',
  data: { todoId: CHOPPER, completedOn: '2026-03-03', ...data },
});

export const abandonTodo = (data: Partial<AbandonTodo['data']> = {}): AbandonTodo => ({
  type: 'AbandonTodo',
  data: { todoId: CHOPPER, abandonedOn: '2026-03-03', ...data },
});

export const todoAbandoned = (data: Partial<TodoAbandoned['data']> = {}): TodoAbandoned => ({
  type: 'TodoAbandoned',
  data: { todoId: CHOPPER, abandonedOn: '2026-03-03', ...data },
});

export const notifyStakeholder = (data: Partial<NotifyStakeholder['data']> = {}): NotifyStakeholder => ({
  type: 'NotifyStakeholder',
  data: { todoId: CHOPPER, stakeholderEmail: 'dillon@example.com', causationEventId: 'evt-2', ...data },
});

export const stakeholderNotified = (
  data: Partial<StakeholderNotifiedOfTodoCompletion['data']> = {},
): StakeholderNotifiedOfTodoCompletion => ({
  type: 'StakeholderNotifiedOfTodoCompletion',
  data: { todoId: CHOPPER, stakeholderEmail: 'dillon@example.com', causationEventId: 'evt-2', ...data },
});
