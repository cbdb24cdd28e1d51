import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defineDomain, DomainDefinitionError } from '../../../src/index.ts';
import { streamOfEvent, todoCommands, todoDecider, todoEvents } from '../../../src/domains/todo/index.ts';

const TUTORIAL = 'docs/BRING-YOUR-OWN-DOMAIN.md';
const tutorial = readFileSync(TUTORIAL, 'utf8');

/** The tutorial's code excerpts: blocks that open with the path of the file they are copied from. */
const excerpts = [...tutorial.matchAll(/```ts\n\/\/ (src\/\S+)\n([\s\S]*?)```/g)].map(([, path, body]) => ({
  path,
  lines: body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== '// …'),
}));

/** Pure: the first excerpt line not found, in order, among the file's lines (null when all are). */
function missingLine(path: string, lines: string[]): string | null {
  const source = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim());
  let at = 0;
  for (const line of lines) {
    const found = source.indexOf(line, at);
    if (found === -1) return line;
    at = found + 1;
  }
  return null;
}

describe('the bring-your-own-domain tutorial', () => {
  it('has excerpts of the todo domain', () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(10);
  });

  it.each(excerpts.map((excerpt, index) => [index + 1, excerpt.path, excerpt] as const))(
    'excerpt %i matches %s',
    (_, path, { lines }) => {
      expect(missingLine(path, lines)).toBeNull();
    },
  );

  it('would notice an excerpt that drifted from the code', () => {
    expect(missingLine('src/domains/todo/todo/rules.ts', ['const mustBeOutstanding = [mustExist];'])).toBe(
      'const mustBeOutstanding = [mustExist];',
    );
  });

  it('shows the DomainDefinitionError that defineDomain really throws', () => {
    const define = () =>
      defineDomain({
        name: 'Todo',
        title: 'Todo list',
        summary: '',
        commands: todoCommands,
        events: todoEvents,
        deciders: [todoDecider],
        streamOfEvent,
      });
    expect(define).toThrow(DomainDefinitionError);
    try {
      define();
    } catch (error) {
      expect(tutorial).toContain(`${(error as Error).name}: ${(error as Error).message}`);
    }
  });
});
