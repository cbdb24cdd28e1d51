import type { Walkthrough } from '../../index.ts';
import type { TodoCommand } from './commands.ts';

const START = '2026-03-02T08:00';

const chopper = {
  todoId: 'chopper',
  title: 'Get to the chopper',
  description: 'It is in the trees.',
  dueDate: '2026-03-04',
  stakeholderEmail: 'dillon@example.com',
};

/** Pure: the command as it is (typed: a walkthrough only sends commands of this domain). */
const command = (value: TodoCommand) => value;

/** The first walkthrough: one todo through its whole life, and the reactor telling its stakeholder once. */
export const addAmendComplete: Walkthrough = {
  id: 'add-amend-complete',
  title: 'Add, amend, complete: the stakeholder is told once',
  summary:
    'Dutch adds a todo for Dillon, then hands it over to Anna: the amendment changes the stakeholder. When the ' +
    'todo is completed, the notifier tells Anna (the email as amended last before completion), once.',
  tags: ['basics', 'reactor', 'idempotence'],
  now: START,
  latencyMs: 400,
  steps: [
    {
      kind: 'command',
      actor: 'Dutch',
      command: command({ type: 'AddTodo', data: chopper }),
      note: 'One TodoAdded in todo-chopper',
    },
    { kind: 'settle', note: 'The outstanding and scheduled lists show it' },
    {
      kind: 'command',
      actor: 'Dutch',
      command: command({
        type: 'AmendTodo',
        data: { todoId: 'chopper', title: 'Get to the chopper, NOW', stakeholderEmail: 'anna@example.com' },
      }),
      note: 'TodoAmended carries only what changed: the title and the stakeholder',
    },
    {
      kind: 'command',
      actor: 'Dutch',
      command: command({ type: 'AmendTodo', data: { todoId: 'chopper', dueDate: '2026-03-04' } }),
      note: 'The due date is already 2026-03-04: accepted, and nothing is appended',
    },
    { kind: 'clock', to: '2026-03-03T18:00', note: 'The next evening' },
    {
      kind: 'command',
      actor: 'Anna',
      command: command({ type: 'CompleteTodo', data: { todoId: 'chopper', completedOn: '2026-03-03' } }),
      note: 'TodoCompleted: the notifier reacts with NotifyStakeholder for anna@example.com',
    },
    {
      kind: 'settle',
      note: 'One StakeholderNotifiedOfTodoCompletion in stakeholder-chopper, caused by the completion',
    },
    {
      kind: 'command',
      actor: 'Dutch',
      command: command({ type: 'AmendTodo', data: { todoId: 'chopper', title: 'Got to the chopper' } }),
      note: 'Too late: TodoAlreadyCompleted, and nothing is appended',
    },
  ],
};

/** Completing and abandoning one todo at the same moment: one wins, the other meets the closed todo. */
export const completeOrAbandon: Walkthrough = {
  id: 'complete-or-abandon',
  title: 'Completed and abandoned at the same moment',
  summary:
    'Two people close one todo at once, one completing it, the other abandoning it. Both read the todo at the ' +
    'same version; the first append wins, the second meets a concurrency conflict, decides again on the closed ' +
    'todo, and is rejected. The todo is closed once, one way.',
  tags: ['concurrency', 'optimistic-locking'],
  now: START,
  steps: [
    {
      kind: 'command',
      actor: 'Ana',
      command: command({
        type: 'AddTodo',
        data: { todoId: 'taxes', title: 'File the tax return', stakeholderEmail: 'ana@example.com' },
      }),
    },
    {
      kind: 'concurrent',
      commands: [
        {
          actor: 'Ana',
          command: command({ type: 'CompleteTodo', data: { todoId: 'taxes', completedOn: '2026-03-02' } }),
        },
        {
          actor: 'Ben',
          command: command({ type: 'AbandonTodo', data: { todoId: 'taxes', abandonedOn: '2026-03-02' } }),
        },
      ],
      note: 'Both click at once',
    },
    { kind: 'settle', note: 'Exactly one of TodoCompleted and TodoAbandoned is in todo-taxes' },
  ],
};

/** The todo domain's walkthroughs. */
export const todoWalkthroughs: Walkthrough[] = [addAmendComplete, completeOrAbandon];
