import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/index.ts';

const add = (todoId: string, title: string, extra: Record<string, unknown> = {}) => ({
  type: 'AddTodo',
  data: { todoId, title, ...extra },
});

describe('the todo domain headless, through createSandbox', () => {
  it('runs commands, the notifier and the queries on the real runtime', async () => {
    const sandbox = createSandbox({ domain: 'todo', now: '2026-03-02T08:00' });
    expect(sandbox.domain).toBe('todo');
    await sandbox.dispatch(
      add('milk', 'Buy milk', { dueDate: '2026-03-04', stakeholderEmail: 'ann@example.org' }),
    );
    await sandbox.dispatch(add('tax', 'File taxes', { dueDate: '2026-03-03' }));
    await sandbox.dispatch(add('call', 'Call Bob'));
    await sandbox.dispatch({ type: 'CompleteTodo', data: { todoId: 'milk', completedOn: '2026-03-02' } });
    await sandbox.settle();
    expect(sandbox.query.outstandingTodos().map((t) => t.todoId)).toEqual(['tax', 'call']);
    expect(sandbox.query.scheduledTodos().map((t) => t.todoId)).toEqual(['tax']);
    expect(sandbox.query.completedTodos()).toEqual([
      { todoId: 'milk', title: 'Buy milk', completedOn: '2026-03-02' },
    ]);
    const notified = (await sandbox.events()).filter((e) => e.type === 'StakeholderNotifiedOfTodoCompletion');
    expect(notified).toHaveLength(1);
    expect(notified[0].metadata.actor).toMatch(/^saga:/);
  });

  it('rejects with the contract’s errors, in order, and appends nothing', async () => {
    const sandbox = createSandbox({ domain: 'todo' });
    expect(
      await sandbox.dispatch({ type: 'CompleteTodo', data: { todoId: 'x', completedOn: '2026-03-02' } }),
    ).toMatchObject({
      kind: 'rejected',
      error: { code: 'TodoNotFound' },
    });
    expect(await sandbox.dispatch(add('x', ''))).toMatchObject({
      kind: 'rejected',
      error: { code: 'InvalidCommand' },
    });
    expect(await sandbox.events()).toEqual([]);
  });

  it('refuses a setting it does not have', () => {
    expect(() => createSandbox({ domain: 'todo', monthlyLimit: 3 })).toThrow(
      /settings.monthlyLimit: not a setting of this domain \(it has none\)/,
    );
  });
});
