import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../../src/tools/rules-lab/sandbox/compile.ts';
import todoSource from '../../../../src/tools/rules-lab/exercises/todo.rules.txt?raw';

const errorsOf = (source: string) => {
  const result = compileRules(source);
  if (result.kind !== 'errors') throw new Error('expected errors');
  return result.diagnostics;
};

describe('compiling a rules module', () => {
  it('turns the to-do exercise into CommonJS that requires the public entry, with a source map', () => {
    const result = compileRules(todoSource);
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result.diagnostics));
    expect(result.module.js).toContain('require("eventscope")');
    expect(result.module.js).not.toContain('type TodoState');
    expect(result.module.js).not.toContain('sourceMappingURL');
    expect(JSON.parse(result.module.sourceMap)).toMatchObject({ version: 3 });
  });

  it('reports a syntax error at its line and column, and gives no code', () => {
    const source = "import { z } from 'eventscope';\n\nconst broken = ;\n";
    const [error, ...others] = errorsOf(source);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ source: 'syntax', severity: 'error', line: 3, column: 16 });
    expect(error.message).toBe('Expression expected.');
    expect(source.slice(error.from, error.to)).toBe(';');
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["export * from './other.ts';", './other.ts'],
    ["const lib = require('child_process');", 'child_process'],
    ["const lazy = import('https://example.com/evil.js');", 'https://example.com/evil.js'],
  ])('refuses an import of what the sandbox does not have: %s', (line, specifier) => {
    const source = `import { defineDomain } from 'eventscope';\n${line}\n`;
    const [error] = errorsOf(source);
    expect(error).toMatchObject({ source: 'imports', line: 2 });
    expect(error.message).toContain(`“${specifier}” cannot be imported here`);
    expect(source.slice(error.from, error.to)).toBe(`'${specifier}'`);
  });

  it('accepts imports of the public entry, zod and fast-check', () => {
    const source =
      "import { z } from 'zod';\nimport fc from 'fast-check';\nimport { defineDomain } from 'eventscope';\n";
    expect(compileRules(source).kind).toBe('ok');
  });
});
