import { describe, expect, it } from 'vitest';
import { buildRules } from '../../../../src/tools/rules-lab/sandbox/buildRules.ts';
import type { BuildResult } from '../../../../src/tools/rules-lab/protocol.ts';
import todoSource from '../../../../src/tools/rules-lab/exercises/todo.rules.txt?raw';
import librarySource from '../fixtures/library.rules.txt?raw';
import { functionLoader } from '../functionLoader.ts';

const build = async (source: string) => (await buildRules(source, functionLoader)).result;
const expectKind = <K extends BuildResult['kind']>(result: BuildResult, kind: K) => {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<BuildResult, { kind: K }>;
};
/** The text a diagnostic points at. */
const at = (source: string, d: { from: number; to: number }) => source.slice(d.from, d.to);

describe('building a rules module', () => {
  it('runs the to-do exercise and tells what its domain defines', async () => {
    const built = await buildRules(todoSource, functionLoader);
    const result = expectKind(built.result, 'domain');
    expect(result.domain).toMatchObject({ name: 'todo', title: 'To-do list', hasRace: false });
    expect(result.domain.commands.map((c) => c.type)).toEqual(['AddTodo', 'CompleteTodo', 'RemoveTodo']);
    expect(result.domain.events.map((e) => e.type)).toEqual(['TodoAdded', 'TodoCompleted', 'TodoRemoved']);
    expect(
      built.module?.context.validate({ type: 'AddTodo', data: { todoId: 't1', title: 'Milk' } }).kind,
    ).toBe('valid');
  });

  it('gives the module, whose decider decides and rejects as written', async () => {
    const { module } = await buildRules(todoSource, functionLoader);
    const command = { type: 'CompleteTodo', data: { todoId: 't1' } };
    const decision = module!.context.decide(command, { stream: [], guards: {}, now: '2026-03-02T08:00' });
    expect(decision).toEqual({
      kind: 'rejected',
      error: { code: 'TodoNotOpen', message: 'To-do t1 is not open.' },
    });
  });

  it('runs a 300-line domain with projections, a saga, queries and an invariant', async () => {
    const result = expectKind(await build(librarySource), 'domain');
    expect(result.domain).toMatchObject({
      name: 'library',
      projections: ['loans', 'catalogue'],
      sagas: ['overdueReminders'],
      queries: ['loansOf'],
      invariants: ['neverMoreLoansThanCopies'],
    });
    expect(result.domain.commands).toContainEqual({
      type: 'LendBook',
      description: 'Lends one copy to a member.',
    });
  });

  it('does not run a module that does not compile', async () => {
    const source = "throw new Error('ran');\nconst = 1;";
    const result = expectKind(await build(source), 'compileErrors');
    expect(result.diagnostics[0]).toMatchObject({ source: 'syntax', line: 2 });
  });

  describe('when defineDomain refuses the definition, each problem is at its place', () => {
    it('a command no decider decides: at its name in commands', async () => {
      const source = todoSource.replace(
        "commands: ['AddTodo', 'CompleteTodo', 'RemoveTodo']",
        "commands: ['AddTodo', 'CompleteTodo']",
      );
      const result = expectKind(await build(source), 'definitionErrors');
      expect(result.domain).toBe('todo');
      expect(result.diagnostics).toHaveLength(1);
      const [problem] = result.diagnostics;
      expect(problem.message).toBe("commands.RemoveTodo has no decider (add it to one decider's commands)");
      expect(problem.source).toBe('domain');
      expect(at(source, problem)).toBe('RemoveTodo');
      expect(problem.line).toBe(source.slice(0, problem.from).split('\n').length);
    });

    it("a command a decider decides but commands does not define: at it in the decider's list, through the variable", async () => {
      const source = todoSource.replace("'RemoveTodo'],", "'RemoveTodo', 'ArchiveTodo'],");
      const result = expectKind(await build(source), 'definitionErrors');
      const [problem] = result.diagnostics;
      expect(problem.message).toBe('deciders[0] (todo) decides ArchiveTodo, which commands does not define');
      expect(at(source, problem)).toBe("'ArchiveTodo'");
    });

    it('a bad name and a decider part that is not a function: each at its own place', async () => {
      const source = todoSource
        .replace("name: 'todo',\n  title", "name: 'To Do',\n  title")
        .replace("  initialState: () => ({ status: 'none' }),", '  initialState: 42 as never,');
      const result = expectKind(await build(source), 'definitionErrors');
      const byMessage = new Map(result.diagnostics.map((d) => [d.message, at(source, d)]));
      expect(byMessage.get('name must be a lower-case id like "todo" (letters, digits, -; at most 32)')).toBe(
        'name',
      );
      expect(byMessage.get('deciders[0] (todo).initialState must be a function')).toBe('initialState');
    });
  });

  it('reports what the module threw while running, at its line', async () => {
    const source =
      "import { defineDomain } from 'eventscope';\n\nconst limit: number = 3;\nif (limit > 2) throw new RangeError(`limit ${limit} is too high`);\n";
    const result = expectKind(await build(source), 'thrown');
    expect(result.message).toBe('RangeError: limit 3 is too high');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ source: 'runtime', line: 4, message: 'RangeError: limit 3 is too high' }),
    ]);
  });

  it('reports an Emmett-style thrown domain error by its code and message', async () => {
    const result = expectKind(await build("throw { code: 'Nope', message: 'Not today.' };"), 'thrown');
    expect(result.message).toBe('Nope: Not today.');
  });

  it('survives a thrown value that throws when read', async () => {
    const source = 'throw new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 2; } });';
    const result = expectKind(await build(source), 'thrown');
    expect(result.message).toBe('Threw a value that cannot be shown.');
  });

  it('gives a module only the public entry, zod and fast-check, even through a computed require', async () => {
    const source =
      "declare const require: (name: string) => unknown;\nconst name = ['f', 's'].join('');\nrequire(name);\n";
    const result = expectKind(await build(source), 'thrown');
    expect(result.message).toBe('Error: Cannot import “fs” here: only eventscope, zod, fast-check.');
  });

  it('waits for a default-exported promise of a domain', async () => {
    const source = todoSource
      .replace('export default defineDomain({', 'export default Promise.resolve().then(() => defineDomain({')
      .replace(/\}\);\s*$/, '}));\n');
    expect(expectKind(await build(source), 'domain').domain.name).toBe('todo');
  });

  it('says how to export a domain when the module exports none', async () => {
    const result = expectKind(await build('export const answer = 42;'), 'noDomain');
    expect(result.message).toBe(
      'Your module exports no domain: end it with `export default defineDomain({ … })`.',
    );
  });
});
