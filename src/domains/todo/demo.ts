import { addDays } from '../../index.ts';
import type { Demo } from '../../index.ts';
import type { TodoCommand } from './commands.ts';

/** A week of chores: todos due soon and some never, one handed over, one done (its stakeholder told), one given up. */
export const todoDemo: Demo = {
  title: 'A week of chores',
  description:
    'Five todos, some due this week, one handed over to another stakeholder, one completed (the notifier tells ' +
    'its stakeholder) and one abandoned.',
  commands(now): TodoCommand[] {
    const today = now.slice(0, 10);
    const inDays = (days: number) => addDays(now, days).slice(0, 10);
    return [
      {
        type: 'AddTodo',
        data: {
          todoId: 'chopper',
          title: 'Get to the chopper',
          description: 'It is in the trees.',
          dueDate: inDays(1),
          stakeholderEmail: 'dillon@example.com',
        },
      },
      { type: 'AddTodo', data: { todoId: 'taxes', title: 'File the tax return', dueDate: inDays(5) } },
      { type: 'AddTodo', data: { todoId: 'bike', title: 'Fix the bike' } },
      {
        type: 'AddTodo',
        data: {
          todoId: 'dentist',
          title: 'Book the dentist',
          dueDate: inDays(2),
          stakeholderEmail: 'tom@example.com',
        },
      },
      { type: 'AddTodo', data: { todoId: 'plants', title: 'Water the plants', dueDate: today } },
      {
        type: 'AmendTodo',
        data: { todoId: 'chopper', title: 'Get to the chopper, NOW', stakeholderEmail: 'anna@example.com' },
      },
      { type: 'CompleteTodo', data: { todoId: 'dentist', completedOn: today } },
      { type: 'AbandonTodo', data: { todoId: 'plants', abandonedOn: today } },
    ];
  },
};
