import type { QueryDefinition } from '../../../index.ts';
import { completedTodosProjection, type CompletedTodo, type CompletedTodosState } from './completedTodos.ts';
import {
  outstandingTodosProjection,
  type OutstandingTodo,
  type OutstandingTodosState,
} from './outstandingTodos.ts';

/** An outstanding todo with a due date. */
export type ScheduledTodo = OutstandingTodo & { dueDate: string };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pure: earlier due dates first; a todo without one comes last. */
const byDueDate = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : byText(a, b);

/** Pure: by due date, then title, then id, so equal rows always come in the same order. */
const byDueDateThenTitle = (a: OutstandingTodo, b: OutstandingTodo) =>
  byDueDate(a.dueDate, b.dueDate) || byText(a.title, b.title) || byText(a.todoId, b.todoId);

const outstanding = (read: (name: string) => unknown): OutstandingTodo[] =>
  Object.values(read(outstandingTodosProjection.name) as OutstandingTodosState)
    .map(({ todoId, title, dueDate }) => ({ todoId, title, dueDate }))
    .sort(byDueDateThenTitle);

/** The todos neither completed nor abandoned, by due date (none last), then title. */
export const outstandingTodos: QueryDefinition<[], OutstandingTodo[]> = {
  description: 'The todos neither completed nor abandoned, by due date (none last), then title.',
  args: [],
  answer: 'list',
  run: ({ read }) => outstanding(read),
};

/** The outstanding todos with a due date, by due date, then title. */
export const scheduledTodos: QueryDefinition<[], ScheduledTodo[]> = {
  description: 'The outstanding todos with a due date, by due date, then title.',
  args: [],
  answer: 'list',
  run: ({ read }) => outstanding(read).filter((todo): todo is ScheduledTodo => todo.dueDate !== null),
};

/** The completed todos by completion date; on one date, in the order they were completed. */
export const completedTodos: QueryDefinition<[], CompletedTodo[]> = {
  description: 'The completed todos by completion date; on one date, in the order they were completed.',
  args: [],
  answer: 'list',
  // Why a stable sort on the date alone: the rows are kept in completion order, which breaks ties.
  run: ({ read }) =>
    (read(completedTodosProjection.name) as CompletedTodosState).completed
      .map((todo) => ({ ...todo }))
      .sort((a, b) => byText(a.completedOn, b.completedOn)),
};

/** The todo domain's queries, by name. */
export const todoQueries = { outstandingTodos, scheduledTodos, completedTodos };
