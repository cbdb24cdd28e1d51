import { beforeAll, describe, expect, it } from 'vitest';
import { typeFiles } from '../../../../src/tools/rules-lab/build/sandboxBundle.ts';
import { RulesTypeChecker } from '../../../../src/tools/rules-lab/sandbox/typecheck.ts';
import todoSource from '../../../../src/tools/rules-lab/exercises/todo.rules.txt?raw';
import librarySource from '../fixtures/library.rules.txt?raw';

let checker: RulesTypeChecker;
beforeAll(() => {
  checker = new RulesTypeChecker(typeFiles(process.cwd()));
}, 60_000);

describe('type-checking a rules module against the public entry', () => {
  it('finds nothing wrong with the to-do exercise (a typed Emmett-style decider)', () => {
    expect(checker.check(todoSource)).toEqual([]);
  });

  it('finds nothing wrong with a 300-line domain using projections, a saga, queries and invariants', () => {
    expect(checker.check(librarySource)).toEqual([]);
  });

  it("reports that a decider's state does not fit its evolve, at evolve", () => {
    const source = todoSource.replace(
      "return { status: 'open', title: event.data.title };",
      "return { status: 'open', title: 42 };",
    );
    const [error] = checker.check(source);
    expect(error.message).toContain("Type 'number' is not assignable to type 'string'.");
    expect(source.slice(error.from, error.to)).toBe('evolve');
  });

  it("reports a type error at its place, in TypeScript's words", () => {
    const source = todoSource.replace(
      '`There already is a to-do ${command.data.todoId}.`',
      '`There already is a to-do ${command.data.todoID}.`',
    );
    const [error, ...others] = checker.check(source);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ source: 'types', severity: 'error' });
    expect(error.message).toContain(
      "Property 'todoID' does not exist on type '{ todoId: string; title: string; }'.",
    );
    expect(source.slice(error.from, error.to)).toBe('todoID');
    expect(error.line).toBe(source.slice(0, error.from).split('\n').length);
  });

  it('knows the public entry by name: a misspelt export is an error', () => {
    const [error] = checker.check("import { defineDomian } from 'eventscope';\n");
    expect(error.message).toContain("has no exported member named 'defineDomian'");
  });

  it('checks zod schemas through the public entry', () => {
    const [error] = checker.check(
      "import { z } from 'eventscope';\nconst n: number = z.string().parse('x');\n",
    );
    expect(error).toMatchObject({ line: 2 });
    expect(error.message).toContain("Type 'string' is not assignable to type 'number'.");
  });

  it('has no DOM: rules run in a worker, so `document` does not exist', () => {
    const [error] = checker.check('export const title = document.title;\n');
    expect(error.message).toContain("Cannot find name 'document'");
  });
});
