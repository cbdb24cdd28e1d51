/** The todo domain's rejections: a code naming the broken rule, a sentence a person reads, and the facts. */
import type { DomainError } from '../../index.ts';

export type TodoAlreadyAdded = DomainError<'TodoAlreadyAdded'> & { todoId: string };
export type TodoNotFound = DomainError<'TodoNotFound'> & { todoId: string };
export type TodoAlreadyCompleted = DomainError<'TodoAlreadyCompleted'> & { todoId: string };
export type TodoAlreadyAbandoned = DomainError<'TodoAlreadyAbandoned'> & { todoId: string };

/** Any rejection a todo decides (`InvalidCommand` comes earlier, from the command schemas). */
export type TodoError = TodoAlreadyAdded | TodoNotFound | TodoAlreadyCompleted | TodoAlreadyAbandoned;

/** Pure: the todo id is taken. */
export const todoAlreadyAdded = (todoId: string, title: string): TodoAlreadyAdded => ({
  code: 'TodoAlreadyAdded',
  message: `There is already a todo ${todoId} (“${title}”); choose another id.`,
  todoId,
});

/** Pure: no todo has this id. */
export const todoNotFound = (todoId: string): TodoNotFound => ({
  code: 'TodoNotFound',
  message: `There is no todo ${todoId}; add it first.`,
  todoId,
});

/** Pure: the todo is done and can no longer change. */
export const todoAlreadyCompleted = (todoId: string, title: string): TodoAlreadyCompleted => ({
  code: 'TodoAlreadyCompleted',
  message: `“${title}” (${todoId}) is already completed; it can no longer change.`,
  todoId,
});

/** Pure: the todo was given up and can no longer change. */
export const todoAlreadyAbandoned = (todoId: string, title: string): TodoAlreadyAbandoned => ({
  code: 'TodoAlreadyAbandoned',
  message: `“${title}” (${todoId}) was abandoned; it can no longer change.`,
  todoId,
});
