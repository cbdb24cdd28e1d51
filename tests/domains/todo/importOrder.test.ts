import { expect, it } from 'vitest';

it('loads when the todo module is imported before the public entry (the import cycle is harmless)', async () => {
  const { todo } = await import('../../../src/domains/todo/index.ts');
  const entry = await import('../../../src/index.ts');
  expect(todo.name).toBe('todo');
  expect(entry.domainNamed('todo')).toBe(todo);
  expect(entry.builtInDomainNames).toContain('todo');
});
