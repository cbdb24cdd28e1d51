import { accept, reject } from '../../../index.ts';
import type { StreamDecider } from '../../../index.ts';
import type { AbandonTodo, AddTodo, AmendTodo, CompleteTodo } from '../commands.ts';
import { amendableFields } from '../commands.ts';
import type { TodoAdded, TodoAmended } from '../events.ts';
import { todoStream } from '../streams.ts';
import { firstBroken, rulesOf } from './rules.ts';
import { evolve, initialState, type TodoLifecycleEvent, type TodoState } from './state.ts';

/** The commands a todo decides. */
export type TodoLifecycleCommand = AddTodo | AmendTodo | CompleteTodo | AbandonTodo;

/** Pure: the todo an `AddTodo` adds, with its optional fields made explicit. */
const added = (data: AddTodo['data']): TodoAdded['data'] => ({
  todoId: data.todoId,
  title: data.title,
  description: data.description ?? '',
  dueDate: data.dueDate ?? null,
  stakeholderEmail: data.stakeholderEmail ?? null,
});

/** What a `TodoAmended` records besides the todo's id. */
export type TodoChanges = Omit<TodoAmended['data'], 'todoId'>;

/** Pure: the fields an amendment really changes (a field given with the value it already has changes nothing). */
export function changesOf(todo: TodoState, amendment: AmendTodo['data']): TodoChanges {
  const changed = amendableFields.filter(
    (field) => amendment[field] !== undefined && amendment[field] !== todo[field],
  );
  return Object.fromEntries(changed.map((field) => [field, amendment[field]] as const)) as TodoChanges;
}

/**
 * A todo, in stream `todo-<todoId>`: added once, amended while outstanding, then completed or abandoned.
 * Every command's rules are checked first (`rulesOf`); an amendment that changes nothing appends nothing.
 */
export const todoDecider: StreamDecider<TodoState, TodoLifecycleCommand, TodoLifecycleEvent> = {
  name: 'todo',
  streamPrefix: 'todo-',
  commands: ['AddTodo', 'AmendTodo', 'CompleteTodo', 'AbandonTodo'],
  streamOf: (command) => todoStream(command.data.todoId),
  initialState,
  evolve,
  decide(command, todo) {
    const broken = firstBroken(rulesOf[command.type], todo, command.data.todoId);
    if (broken) return reject(broken);
    switch (command.type) {
      case 'AddTodo':
        return accept({ type: 'TodoAdded', data: added(command.data) });
      case 'AmendTodo': {
        const changes = changesOf(todo, command.data);
        if (Object.keys(changes).length === 0) return accept();
        return accept({ type: 'TodoAmended', data: { todoId: command.data.todoId, ...changes } });
      }
      case 'CompleteTodo':
        return accept({ type: 'TodoCompleted', data: { ...command.data } });
      case 'AbandonTodo':
        return accept({ type: 'TodoAbandoned', data: { ...command.data } });
    }
  },
};
