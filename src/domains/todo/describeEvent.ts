import type { DomainEvent } from '../../index.ts';
import type { TodoChanges } from './todo/decider.ts';
import { asTodoEvent } from './events.ts';

/** Pure: what an amendment changes, e.g. `title “Call the bank”, no due date`. */
export const describeChanges = ({ title, description, dueDate, stakeholderEmail }: TodoChanges): string =>
  [
    title !== undefined && `title “${title}”`,
    description !== undefined && 'a new description',
    dueDate !== undefined && (dueDate ? `due ${dueDate}` : 'no due date'),
    stakeholderEmail !== undefined &&
      (stakeholderEmail ? `stakeholder ${stakeholderEmail}` : 'no stakeholder'),
  ]
    .filter((part) => part !== false)
    .join(', ');

/** Pure: one sentence for an event of the log, e.g. `chopper completed on 2026-03-05`. */
export function describeEvent(recorded: DomainEvent): string {
  const event = asTodoEvent(recorded);
  switch (event.type) {
    case 'TodoAdded': {
      const { todoId, title, dueDate, stakeholderEmail } = event.data;
      return `${todoId} added: “${title}”${dueDate ? `, due ${dueDate}` : ''}${stakeholderEmail ? `, stakeholder ${stakeholderEmail}` : ''}`;
    }
    case 'TodoAmended': {
      const { todoId, ...changes } = event.data;
      return `${todoId} amended: ${describeChanges(changes)}`;
    }
    case 'TodoCompleted':
      return `${event.data.todoId} completed on ${event.data.completedOn}`;
    case 'TodoAbandoned':
      return `${event.data.todoId} abandoned on ${event.data.abandonedOn}`;
    case 'StakeholderNotifiedOfTodoCompletion':
      return `${event.data.stakeholderEmail} told that ${event.data.todoId} is done`;
    default:
      return recorded.type;
  }
}
