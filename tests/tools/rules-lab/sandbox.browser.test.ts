import { afterEach, describe, expect, it } from 'vitest';
import { RulesSandbox } from '../../../src/tools/rules-lab/sandboxHost.ts';
import todoSource from '../../../src/tools/rules-lab/exercises/todo.rules.txt?raw';
import librarySource from './fixtures/library.rules.txt?raw';

let sandbox: RulesSandbox | null = null;
const open = () => (sandbox = new RulesSandbox());
afterEach(() => sandbox?.dispose());

const describeCurrent = async (lab: RulesSandbox) => {
  const end = await lab.run({ kind: 'describe' });
  if (end.kind !== 'done') throw new Error(JSON.stringify(end));
  return end.result.domain?.title ?? null;
};

describe('the rules sandbox', () => {
  it('builds the to-do exercise in a hidden opaque-origin frame and keeps it as the current module', async () => {
    const lab = open();
    const end = await lab.run({ kind: 'build', source: todoSource });
    if (end.kind !== 'done' || end.result.kind !== 'domain') throw new Error(JSON.stringify(end));
    expect(end.result.domain.commands.map((c) => c.type)).toEqual(['AddTodo', 'CompleteTodo', 'RemoveTodo']);
    expect(await describeCurrent(lab)).toBe('To-do list');
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-rules-sandbox]');
    expect(frame?.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame?.hidden).toBe(true);
    expect(lab.stats.starts).toBe(1);
    expect(lab.stats.lastStartMs).toBeGreaterThan(0);
  });

  it('keeps the last good module while newer versions do not compile, are refused or throw', async () => {
    const lab = open();
    await lab.run({ kind: 'build', source: todoSource });
    const broken = await lab.run({
      kind: 'build',
      source: todoSource.replace('const todo:', 'const todo =:'),
    });
    expect(broken).toMatchObject({ kind: 'done', result: { kind: 'compileErrors' } });
    const refused = await lab.run({
      kind: 'build',
      source: todoSource.replace("name: 'todo',\n  title", "name: '',\n  title"),
    });
    expect(refused).toMatchObject({ kind: 'done', result: { kind: 'definitionErrors' } });
    const thrown = await lab.run({ kind: 'build', source: `${todoSource}\nthrow new Error('not yet');\n` });
    expect(thrown).toMatchObject({ kind: 'done', result: { kind: 'thrown', message: 'Error: not yet' } });
    expect(await describeCurrent(lab)).toBe('To-do list');
    await lab.run({ kind: 'build', source: todoSource.replace("'To-do list'", "'Chores'") });
    expect(await describeCurrent(lab)).toBe('Chores');
  });

  it('type-checks a module against the public entry, each error at its line', async () => {
    const lab = open();
    expect(await lab.run({ kind: 'typecheck', source: librarySource })).toMatchObject({
      kind: 'done',
      result: { diagnostics: [] },
    });
    const source = librarySource.replace('const MAX_LOANS = 3;', 'const MAX_LOANS: string = 3;');
    const end = await lab.run({ kind: 'typecheck', source });
    if (end.kind !== 'done') throw new Error(JSON.stringify(end));
    expect(end.result.diagnostics[0]).toMatchObject({
      source: 'types',
      line: source.split('\n').findIndex((line) => line.includes('MAX_LOANS: string')) + 1,
      message: "Type 'number' is not assignable to type 'string'.",
    });
  });

  it('type-checks in a worker of its own: a slow type check does not hold up a build', async () => {
    const lab = open();
    await lab.run({ kind: 'build', source: todoSource });
    const order: string[] = [];
    const checked = lab.run({ kind: 'typecheck', source: librarySource }).then((end) => {
      order.push('typecheck');
      return end;
    });
    const built = lab.run({ kind: 'build', source: librarySource }).then((end) => {
      order.push('build');
      return end;
    });
    expect(await built).toMatchObject({
      kind: 'done',
      result: { kind: 'domain', domain: { name: 'library' } },
    });
    expect(await checked).toMatchObject({ kind: 'done', result: { diagnostics: [] } });
    expect(order).toEqual(['build', 'typecheck']);
  });

  it('ends a type check running when a build is stopped, and checks again in the new sandbox', async () => {
    const lab = new RulesSandbox({ budgets: { userCodeMs: 1_000 } });
    sandbox = lab;
    await lab.run({ kind: 'build', source: todoSource });
    const checked = lab.run({ kind: 'typecheck', source: librarySource });
    const looped = await lab.run({ kind: 'build', source: 'while (true) {}\nexport {};\n' });
    expect(looped).toEqual({
      kind: 'stopped',
      message: 'Stopped: it ran longer than 1 s (an endless loop?). The sandbox was restarted.',
    });
    expect(await checked).toEqual({
      kind: 'crashed',
      message: 'The sandbox was restarted while this ran (another job was stopped).',
    });
    expect(await lab.run({ kind: 'typecheck', source: todoSource })).toMatchObject({
      kind: 'done',
      result: { diagnostics: [] },
    });
  });

  it('reports a worker that fails outside the lab’s hands as crashed, and starts a new sandbox for the next job', async () => {
    const lab = open();
    const end = await lab.run({
      kind: 'build',
      source: "export default new Promise(() => setTimeout(() => { throw new Error('later'); }, 10));\n",
    });
    expect(end).toEqual({ kind: 'crashed', message: "The sandbox's worker failed: Uncaught Error: later" });
    expect(await lab.run({ kind: 'build', source: todoSource })).toMatchObject({
      kind: 'done',
      result: { kind: 'domain' },
    });
    expect(lab.stats.starts).toBe(2);
  });

  it('ends the jobs of a closed sandbox as crashed and removes its frame', async () => {
    const lab = open();
    const pending = lab.run({ kind: 'build', source: 'while (true) {}\nexport {};\n' });
    const queued = lab.run({ kind: 'describe' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    lab.dispose();
    expect(await pending).toEqual({ kind: 'crashed', message: 'The sandbox was closed.' });
    expect(await queued).toEqual({ kind: 'crashed', message: 'The sandbox was closed.' });
    expect(document.querySelectorAll('iframe[data-rules-sandbox]')).toHaveLength(0);
  });
});
