/**
 * The todo domain: the smallest complete event-sourced system, and the worked example of bringing your own domain
 * (docs/BRING-YOUR-OWN-DOMAIN.md). One aggregate (a todo), a stakeholder stream that makes notifying idempotent,
 * a reactor, two read models behind three queries, and everything the tools need, in one `defineDomain`.
 */
import { defineDomain } from '../../index.ts';
import { todoCommands } from './commands.ts';
import { todoDemo } from './demo.ts';
import { describeEvent } from './describeEvent.ts';
import { todoEvents } from './events.ts';
import { todoIds } from './ids.ts';
import { todoInvariants } from './invariants.ts';
import { completedTodosProjection } from './projections/completedTodos.ts';
import { outstandingTodosProjection } from './projections/outstandingTodos.ts';
import { todoQueries } from './projections/queries.ts';
import { todoRace } from './race/index.ts';
import { followedTodos, todoCompletedNotifier } from './reactors/todoCompletedNotifier.ts';
import { todoScenarios } from './scenarios.ts';
import { stakeholderDecider } from './stakeholder/decider.ts';
import { streamOfEvent } from './streams.ts';
import { todoDecider } from './todo/decider.ts';
import { todoWalkthroughs } from './walkthroughs.ts';

/** The todo domain module. */
export const todo = defineDomain({
  name: 'todo',
  title: 'Todo list',
  summary: 'Add, amend, complete or abandon todos; a reactor tells each todo’s stakeholder when it is done.',
  defaultNow: '2026-03-02T08:00',
  commands: todoCommands,
  events: todoEvents,
  deciders: [todoDecider, stakeholderDecider],
  streamOfEvent,
  projections: [outstandingTodosProjection, completedTodosProjection],
  queries: todoQueries,
  sagas: [todoCompletedNotifier],
  sagaViews: { [todoCompletedNotifier.name]: { instances: followedTodos } },
  ids: todoIds,
  invariants: todoInvariants,
  race: todoRace,
  walkthroughs: todoWalkthroughs,
  scenarios: todoScenarios,
  demo: todoDemo,
  describeEvent,
});

// The parts, for readers of the tutorial and for workshops that rewrite one of them.
export { todoCommands } from './commands.ts';
export { todoEvents } from './events.ts';
export { streamOfEvent } from './streams.ts';
export { todoDecider } from './todo/decider.ts';
export { stakeholderDecider } from './stakeholder/decider.ts';
export { todoCompletedNotifier } from './reactors/todoCompletedNotifier.ts';
export { todoQueries } from './projections/queries.ts';

export type {
  AbandonTodo,
  AddTodo,
  AmendTodo,
  CompleteTodo,
  NotifyStakeholder,
  TodoCommand,
} from './commands.ts';
export type { TodoError } from './errors.ts';
export type {
  StakeholderNotifiedOfTodoCompletion,
  TodoAbandoned,
  TodoAdded,
  TodoAmended,
  TodoCompleted,
  TodoEvent,
} from './events.ts';
export type { CompletedTodo } from './projections/completedTodos.ts';
export type { OutstandingTodo } from './projections/outstandingTodos.ts';
export type { ScheduledTodo } from './projections/queries.ts';
export type { TodoCompletedNotifierState } from './reactors/todoCompletedNotifier.ts';
