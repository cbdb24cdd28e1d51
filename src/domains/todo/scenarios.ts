import type { GivenItem, Message, ScenarioSpec } from '../../index.ts';
import type { TodoCommand } from './commands.ts';
import type { TodoEvent } from './events.ts';

const NOW = '2026-03-02T08:00';

const chopper = { todoId: 'chopper', title: 'Get to the chopper', stakeholderEmail: 'dillon@example.com' };
const added: TodoEvent = {
  type: 'TodoAdded',
  data: { ...chopper, description: '', dueDate: null },
};

/** Dillon told of the completion that is the second given event (given events get the ids `evt-1`, `evt-2`…). */
const notifyDillon: TodoCommand = {
  type: 'NotifyStakeholder',
  data: { todoId: 'chopper', stakeholderEmail: 'dillon@example.com', causationEventId: 'evt-2' },
};

const message = ({ type, data }: TodoCommand | TodoEvent): Message => ({ type, data: { ...data } });
const past = (event: TodoEvent): GivenItem => ({ kind: 'event', event: message(event) });
const done = (command: TodoCommand): GivenItem => ({ kind: 'command', command: message(command) });

/** The todo domain's built-in Given/When/Then scenarios, one per rule a product owner asks about. */
export const todoScenarios: ScenarioSpec[] = [
  {
    id: 'add-a-todo',
    title: 'A new todo is added with what is known of it',
    tags: ['basics'],
    description: 'What is not given is recorded as absent: no description, no due date.',
    now: NOW,
    given: [],
    when: message({ type: 'AddTodo', data: chopper }),
    then: { events: [message(added)] },
  },
  {
    id: 'amend-records-the-changes',
    title: 'An amendment records only what changes',
    tags: ['basics', 'amend'],
    description: 'The title is already “Get to the chopper”; only the stakeholder changes.',
    now: NOW,
    given: [past(added)],
    when: message({
      type: 'AmendTodo',
      data: { todoId: 'chopper', title: 'Get to the chopper', stakeholderEmail: 'anna@example.com' },
    }),
    then: {
      events: [
        message({ type: 'TodoAmended', data: { todoId: 'chopper', stakeholderEmail: 'anna@example.com' } }),
      ],
    },
  },
  {
    id: 'no-amendment-after-completion',
    title: 'A completed todo cannot be amended',
    tags: ['rules'],
    now: NOW,
    given: [
      past(added),
      done({ type: 'CompleteTodo', data: { todoId: 'chopper', completedOn: '2026-03-02' } }),
    ],
    when: message({ type: 'AmendTodo', data: { todoId: 'chopper', title: 'Get to the chopper, NOW' } }),
    then: { rejection: 'TodoAlreadyCompleted' },
  },
  {
    id: 'no-completion-after-abandoning',
    title: 'An abandoned todo cannot be completed',
    tags: ['rules'],
    now: NOW,
    given: [
      past(added),
      done({ type: 'AbandonTodo', data: { todoId: 'chopper', abandonedOn: '2026-03-02' } }),
    ],
    when: message({ type: 'CompleteTodo', data: { todoId: 'chopper', completedOn: '2026-03-03' } }),
    then: { rejection: 'TodoAlreadyAbandoned' },
  },
  {
    id: 'stakeholder-told-once',
    title: 'A stakeholder is told once of a completion',
    tags: ['reactor', 'idempotence'],
    description: 'The same NotifyStakeholder again (a redelivered reaction) is accepted and appends nothing.',
    now: NOW,
    given: [
      past(added),
      past({ type: 'TodoCompleted', data: { todoId: 'chopper', completedOn: '2026-03-02' } }),
      done(notifyDillon),
    ],
    when: message(notifyDillon),
    then: { events: [] },
  },
];
