import { describe, expect, it } from 'vitest';
import {
  givenWhenThen,
  isDomainModule,
  type Command,
  type Message,
  type WalkthroughStep,
} from '../../../src/index.ts';
import { todo } from '../../../src/domains/todo/index.ts';
import { PureSandbox, type Outcome } from './pureSandbox.ts';
import { todoAdded } from './builders.ts';
import { log, NOW } from './spec.ts';

describe('the todo domain module', () => {
  it('is a domain module named todo, with the contract’s commands and events in order', () => {
    expect(isDomainModule(todo)).toBe(true);
    expect(todo.name).toBe('todo');
    expect(Object.keys(todo.commands)).toEqual([
      'AddTodo',
      'AmendTodo',
      'CompleteTodo',
      'AbandonTodo',
      'NotifyStakeholder',
    ]);
    expect(Object.keys(todo.events)).toEqual([
      'TodoAdded',
      'TodoAmended',
      'TodoCompleted',
      'TodoAbandoned',
      'StakeholderNotifiedOfTodoCompletion',
    ]);
    expect(Object.values(todo.commands).every(({ description }) => description.length > 0)).toBe(true);
  });

  it('keeps a todo in todo-<id> and its stakeholder’s notifications in stakeholder-<id>', () => {
    expect(todo.streamOfEvent(todoAdded())).toBe('todo-chopper');
    expect(
      todo.streamOfEvent({
        type: 'StakeholderNotifiedOfTodoCompletion',
        data: { todoId: 'chopper', stakeholderEmail: 'dillon@example.com', causationEventId: 'evt-2' },
      }),
    ).toBe('stakeholder-chopper');
    expect(['todo-chopper', 'stakeholder-chopper'].map(todo.streamGroupOf)).toEqual(['todo', 'stakeholder']);
  });

  it('checks an event’s shape', () => {
    expect(todo.eventProblems(todoAdded())).toEqual([]);
    expect(todo.eventProblems({ type: 'TodoAdded', data: { todoId: 'chopper', title: 'x' } })).toEqual([
      { path: ['data', 'description'], problem: 'is required' },
      { path: ['data', 'dueDate'], problem: 'is required' },
      { path: ['data', 'stakeholderEmail'], problem: 'is required' },
    ]);
  });

  it('tells forms that todo ids are introduced by TodoAdded, labelled by title', () => {
    expect(todo.ids.todo.introducedBy).toEqual([
      { event: 'TodoAdded', field: 'todoId', labelField: 'title' },
    ]);
  });

  it('describes every event in one sentence', () => {
    const describe = todo.describeEvent!;
    expect(
      [
        todoAdded({ dueDate: '2026-03-04', stakeholderEmail: 'dillon@example.com' }),
        { type: 'TodoAmended', data: { todoId: 'chopper', title: 'Get to the chopper, NOW', dueDate: null } },
        { type: 'TodoCompleted', data: { todoId: 'chopper', completedOn: '2026-03-03' } },
        { type: 'TodoAbandoned', data: { todoId: 'bike', abandonedOn: '2026-03-03' } },
        {
          type: 'StakeholderNotifiedOfTodoCompletion',
          data: { todoId: 'chopper', stakeholderEmail: 'anna@example.com', causationEventId: 'evt-3' },
        },
      ].map(describe),
    ).toEqual([
      'chopper added: “Get to the chopper”, due 2026-03-04, stakeholder dillon@example.com',
      'chopper amended: title “Get to the chopper, NOW”, no due date',
      'chopper completed on 2026-03-03',
      'bike abandoned on 2026-03-03',
      'anna@example.com told that chopper is done',
    ]);
  });
});

describe('its demo', () => {
  it('runs on an empty log, every command accepted, and the stakeholder of the done todo is told once', () => {
    const now = '2026-03-09T08:00';
    const sandbox = new PureSandbox(todo.context, now);
    const outcomes = todo.demo!.commands(now).map((command) => sandbox.dispatch(command).kind);
    expect(outcomes.every((kind) => kind === 'accepted')).toBe(true);
    sandbox.settle();
    expect(sandbox.query(todo.queries.completedTodos)).toEqual([
      { todoId: 'dentist', title: 'Book the dentist', completedOn: '2026-03-09' },
    ]);
    expect(sandbox.query(todo.queries.scheduledTodos).map((row) => [row.todoId, row.dueDate])).toEqual([
      ['chopper', '2026-03-10'],
      ['taxes', '2026-03-14'],
    ]);
    expect(sandbox.log.filter((event) => event.type === 'StakeholderNotifiedOfTodoCompletion')).toMatchObject(
      [{ streamId: 'stakeholder-dentist', data: { stakeholderEmail: 'tom@example.com' } }],
    );
    expect(todo.invariants.flatMap((invariant) => invariant.check(sandbox.log, {}))).toEqual([]);
  });
});

/** Plays a walkthrough's steps on a pure sandbox: each step's outcomes, in order. */
function play(steps: readonly WalkthroughStep[], now: string) {
  const sandbox = new PureSandbox(todo.context, now);
  const outcomes: (Outcome | Outcome[] | null)[] = steps.map((step) => {
    if (step.kind === 'command') return sandbox.dispatch(step.command);
    if (step.kind === 'concurrent') return sandbox.concurrently(step.commands.map(({ command }) => command));
    if (step.kind === 'clock') sandbox.now = step.to;
    else sandbox.settle();
    return null;
  });
  return { sandbox, outcomes };
}
const summary = (outcome: Outcome) =>
  outcome.kind === 'accepted' ? outcome.events.map((event) => event.type) : outcome.code;

describe('its walkthroughs', () => {
  it('“Add, amend, complete”: amended, one amendment that changes nothing, completed, the stakeholder told once', () => {
    const walkthrough = todo.walkthroughs.find(({ id }) => id === 'add-amend-complete')!;
    const { sandbox, outcomes } = play(walkthrough.steps, walkthrough.now);
    expect(outcomes.filter((o): o is Outcome => o !== null && !Array.isArray(o)).map(summary)).toEqual([
      ['TodoAdded'],
      ['TodoAmended'],
      [],
      ['TodoCompleted'],
      'TodoAlreadyCompleted',
    ]);
    const completion = sandbox.log.find((event) => event.type === 'TodoCompleted')!;
    expect(sandbox.log.filter((event) => event.type === 'StakeholderNotifiedOfTodoCompletion')).toMatchObject(
      [{ data: { stakeholderEmail: 'anna@example.com', causationEventId: completion.id } }],
    );
  });

  it('“Completed and abandoned at the same moment”: one wins, the other meets the closed todo', () => {
    const walkthrough = todo.walkthroughs.find(({ id }) => id === 'complete-or-abandon')!;
    const { sandbox, outcomes } = play(walkthrough.steps, walkthrough.now);
    expect((outcomes[1] as Outcome[]).map(summary)).toEqual([['TodoCompleted'], 'TodoAlreadyCompleted']);
    expect(sandbox.log.map((event) => event.streamId)).toEqual([
      'todo-taxes',
      'todo-taxes',
      'stakeholder-taxes',
    ]);
  });

  it('use only valid commands of this domain', () => {
    const commands = todo.walkthroughs.flatMap(({ steps }) =>
      steps.flatMap((step): Command[] =>
        step.kind === 'command'
          ? [step.command]
          : step.kind === 'concurrent'
            ? step.commands.map((c) => c.command)
            : [],
      ),
    );
    expect(
      commands.map((command) => todo.context.validate(command).kind).every((kind) => kind === 'valid'),
    ).toBe(true);
  });
});

describe('its scenarios', () => {
  it.each(todo.scenarios.map((scenario) => [scenario.title, scenario] as const))('%s', (_, scenario) => {
    const { given } = givenWhenThen(todo.context, { now: scenario.now, streamIdOf: todo.streamOfEvent });
    const history: Message[] = [];
    for (const item of scenario.given) {
      if (item.kind === 'event') {
        expect(todo.eventProblems(item.event)).toEqual([]);
        history.push(item.event);
        continue;
      }
      const { decision } = given(history).when(item.command);
      expect(decision.kind, `given ${item.command.type}`).toBe('accepted');
      if (decision.kind === 'accepted')
        history.push(
          ...decision.events.map(({ type, data }) => ({ type, data: data as Record<string, unknown> })),
        );
    }
    const then = given(history).when(scenario.when);
    const result =
      'rejection' in scenario.then
        ? then.thenRejects(scenario.then.rejection)
        : then.thenEvents(scenario.then.events);
    expect(result.diff).toBe('');
    expect(result.pass).toBe(true);
  });
});

describe('ids that are also names of Object.prototype', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('work as todo ids: %s', (todoId) => {
    const sandbox = new PureSandbox(todo.context, '2026-03-02T08:00');
    const outcomes = [
      sandbox.dispatch({
        type: 'AddTodo',
        data: { todoId, title: 'Odd id', stakeholderEmail: 'dillon@example.com' },
      }),
      sandbox.dispatch({ type: 'AddTodo', data: { todoId, title: 'Odd id again' } }),
      sandbox.dispatch({
        type: 'AmendTodo',
        data: { todoId, title: 'Odd id, amended', dueDate: '2026-03-04' },
      }),
    ].map(summary);
    expect(outcomes).toEqual([['TodoAdded'], 'TodoAlreadyAdded', ['TodoAmended']]);
    expect(sandbox.query(todo.queries.outstandingTodos)).toEqual([
      { todoId, title: 'Odd id, amended', dueDate: '2026-03-04' },
    ]);
    sandbox.dispatch({ type: 'CompleteTodo', data: { todoId, completedOn: '2026-03-03' } });
    sandbox.settle();
    expect(sandbox.query(todo.queries.outstandingTodos)).toEqual([]);
    expect(sandbox.query(todo.queries.completedTodos)).toEqual([
      { todoId, title: 'Odd id, amended', completedOn: '2026-03-03' },
    ]);
    expect(sandbox.log.at(-1)).toMatchObject({
      type: 'StakeholderNotifiedOfTodoCompletion',
      data: { todoId },
    });
    expect(Object.getPrototypeOf(sandbox.sagaState('todoCompletedNotifier'))).toBe(Object.prototype);
  });

  it('survive a read model saved and loaded (a structured clone), then updated in place', () => {
    const [first, second] = log([
      todoAdded({ todoId: 'constructor', title: 'Odd' }),
      todoAdded({ todoId: '__proto__', title: 'Odder' }),
    ]);
    const projection = todo.context.projections.find(({ name }) => name === 'outstandingTodos')!;
    const loaded = structuredClone(projection.apply(projection.initialState(), first));
    const state = projection.apply(loaded, second) as Record<string, unknown>;
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    expect(Object.keys(state)).toEqual(['constructor', '__proto__']);
    expect(todo.queries.outstandingTodos.run({ read: () => state, now: NOW })).toEqual([
      { todoId: 'constructor', title: 'Odd', dueDate: null },
      { todoId: '__proto__', title: 'Odder', dueDate: null },
    ]);
  });
});
