import { describe, it } from 'vitest';
import { todo } from '../../../src/domains/todo/index.ts';
import { todoAbandoned, todoAdded, todoAmended, todoCompleted } from './builders.ts';
import { given, NOW } from './spec.ts';

const { outstandingTodos, scheduledTodos, completedTodos } = todo.queries;
type Read = (name: string) => unknown;
const outstanding = (read: Read) => outstandingTodos.run({ read, now: NOW });
const scheduled = (read: Read) => scheduledTodos.run({ read, now: NOW });
const completed = (read: Read) => completedTodos.run({ read, now: NOW });

const chores = [
  todoAdded({ todoId: 'bike', title: 'Fix the bike' }),
  todoAdded({ todoId: 'taxes', title: 'File the tax return', dueDate: '2026-03-09' }),
  todoAdded({ todoId: 'chopper', title: 'Get to the chopper', dueDate: '2026-03-04' }),
  todoAdded({ todoId: 'alarm', title: 'Check the alarm', dueDate: '2026-03-09' }),
  todoAdded({ todoId: 'bank', title: 'Call the bank' }),
];

describe('outstandingTodos()', () => {
  it('lists the todos by due date, those without one last, then by title', () => {
    given(chores).thenQuery(outstanding, [
      { todoId: 'chopper', title: 'Get to the chopper', dueDate: '2026-03-04' },
      { todoId: 'alarm', title: 'Check the alarm', dueDate: '2026-03-09' },
      { todoId: 'taxes', title: 'File the tax return', dueDate: '2026-03-09' },
      { todoId: 'bank', title: 'Call the bank', dueDate: null },
      { todoId: 'bike', title: 'Fix the bike', dueDate: null },
    ]);
  });

  it('leaves out completed and abandoned todos, and shows amendments', () => {
    given([
      ...chores,
      todoCompleted({ todoId: 'chopper' }),
      todoAbandoned({ todoId: 'taxes' }),
      todoAmended({ todoId: 'bike', title: 'Sell the bike', dueDate: '2026-03-05' }),
      todoAmended({ todoId: 'alarm', dueDate: null }),
    ]).thenQuery(outstanding, [
      { todoId: 'bike', title: 'Sell the bike', dueDate: '2026-03-05' },
      { todoId: 'bank', title: 'Call the bank', dueDate: null },
      { todoId: 'alarm', title: 'Check the alarm', dueDate: null },
    ]);
  });
});

describe('scheduledTodos()', () => {
  it('lists the outstanding todos with a due date, by due date then title', () => {
    given([...chores, todoCompleted({ todoId: 'chopper' })]).thenQuery(scheduled, [
      { todoId: 'alarm', title: 'Check the alarm', dueDate: '2026-03-09' },
      { todoId: 'taxes', title: 'File the tax return', dueDate: '2026-03-09' },
    ]);
  });

  it('takes in a todo once it gets a due date', () => {
    given([
      todoAdded({ todoId: 'bike', title: 'Fix the bike' }),
      todoAmended({ todoId: 'bike', dueDate: '2026-03-06' }),
    ]).thenQuery(scheduled, [{ todoId: 'bike', title: 'Fix the bike', dueDate: '2026-03-06' }]);
  });
});

describe('completedTodos()', () => {
  it('lists the completed todos by completion date, with their title as amended', () => {
    given([
      ...chores,
      todoAmended({ todoId: 'taxes', title: 'File the 2025 tax return' }),
      todoCompleted({ todoId: 'taxes', completedOn: '2026-03-06' }),
      todoCompleted({ todoId: 'bike', completedOn: '2026-03-02' }),
      todoAbandoned({ todoId: 'chopper' }),
    ]).thenQuery(completed, [
      { todoId: 'bike', title: 'Fix the bike', completedOn: '2026-03-02' },
      { todoId: 'taxes', title: 'File the 2025 tax return', completedOn: '2026-03-06' },
    ]);
  });

  it('lists todos completed on one date in the order they were completed', () => {
    given([
      ...chores,
      todoCompleted({ todoId: 'taxes', completedOn: '2026-03-03' }),
      todoCompleted({ todoId: 'bank', completedOn: '2026-03-03' }),
      todoCompleted({ todoId: 'alarm', completedOn: '2026-03-03' }),
    ]).thenQuery(completed, [
      { todoId: 'taxes', title: 'File the tax return', completedOn: '2026-03-03' },
      { todoId: 'bank', title: 'Call the bank', completedOn: '2026-03-03' },
      { todoId: 'alarm', title: 'Check the alarm', completedOn: '2026-03-03' },
    ]);
  });
});
