/**
 * Where events live. One stream per todo, `todo-<todoId>`, decided by the todo decider; and one per todo's
 * stakeholder, `stakeholder-<todoId>`, which remembers the completions it was told about (idempotent notifying).
 */
import type { DomainEvent } from '../../index.ts';
import type { TodoEvent } from './events.ts';

/** Pure: the stream of a todo. */
export const todoStream = (todoId: string): string => `todo-${todoId}`;

/** Pure: the stream of a todo's stakeholder notifications. */
export const stakeholderStream = (todoId: string): string => `stakeholder-${todoId}`;

/** Pure: the stream an event of this domain belongs to. */
export function streamOfEvent(event: DomainEvent): string {
  const { type, data } = event as TodoEvent;
  return type === 'StakeholderNotifiedOfTodoCompletion'
    ? stakeholderStream(data.todoId)
    : todoStream(data.todoId);
}
