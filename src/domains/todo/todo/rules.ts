/**
 * The todo's rules, each a small named check: null when the todo allows the command, else the rejection.
 * `rulesOf` lists each command's rules in the documented order; the first broken one wins.
 */
import type { TodoError } from '../errors.ts';
import { todoAlreadyAbandoned, todoAlreadyAdded, todoAlreadyCompleted, todoNotFound } from '../errors.ts';
import type { TodoState } from './state.ts';

/** A check of one todo before a command changes it. */
export type TodoRule = (todo: TodoState, todoId: string) => TodoError | null;

/** A todo id is used once. */
export const mustBeNew: TodoRule = (todo, todoId) =>
  todo.status === 'absent' ? null : todoAlreadyAdded(todoId, todo.title);

/** Only a todo that was added can change. */
export const mustExist: TodoRule = (todo, todoId) => (todo.status === 'absent' ? todoNotFound(todoId) : null);

/** A completed todo is closed. */
export const mustNotBeCompleted: TodoRule = (todo, todoId) =>
  todo.status === 'completed' ? todoAlreadyCompleted(todoId, todo.title) : null;

/** An abandoned todo is closed. */
export const mustNotBeAbandoned: TodoRule = (todo, todoId) =>
  todo.status === 'abandoned' ? todoAlreadyAbandoned(todoId, todo.title) : null;

const mustBeOutstanding = [mustExist, mustNotBeCompleted, mustNotBeAbandoned];

/** Each command's rules, in the order they are checked. */
export const rulesOf = {
  AddTodo: [mustBeNew],
  AmendTodo: mustBeOutstanding,
  CompleteTodo: mustBeOutstanding,
  AbandonTodo: mustBeOutstanding,
} satisfies Record<string, readonly TodoRule[]>;

/** Pure: the first rule the todo breaks, or null when it breaks none. */
export function firstBroken(rules: readonly TodoRule[], todo: TodoState, todoId: string): TodoError | null {
  for (const rule of rules) {
    const broken = rule(todo, todoId);
    if (broken) return broken;
  }
  return null;
}
