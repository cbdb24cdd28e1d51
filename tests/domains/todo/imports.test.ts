import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const DOMAIN = 'src/domains/todo';
const PUBLIC_ENTRY = 'src/index.ts';

const files = (readdirSync(DOMAIN, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(DOMAIN, name));

const target = (file: string, specifier: string) =>
  specifier.startsWith('.') ? relative('.', join(dirname(file), specifier)) : specifier;

/** Every module a file imports, re-exports or loads dynamically, as TypeScript reads it, that is not allowed. */
const strayImports = (file: string, source: string) =>
  ts
    .preProcessFile(source, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter(
      (specifier) =>
        target(file, specifier) !== PUBLIC_ENTRY && !target(file, specifier).startsWith(`${DOMAIN}/`),
    )
    .map((specifier) => `${file} imports ${specifier}`);

/** The modules a file re-exports from. */
const reExports = (file: string, source: string) =>
  [...source.matchAll(/^\s*export\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm)].map(([, specifier]) =>
    target(file, specifier),
  );

const TESTS = 'tests/domains/todo';
const DOMAIN_ENTRY = `${DOMAIN}/index.ts`;

describe('the todo domain’s imports', () => {
  it('reads every file of the domain', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain(join(DOMAIN, 'todo/decider.ts'));
  });

  it('come from the public entry or from the domain itself, nothing else', () => {
    expect(files.flatMap((file) => strayImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('never re-export the public entry (it will import this domain: a re-export would make the cycle matter)', () => {
    expect(
      files.filter((file) => reExports(file, readFileSync(file, 'utf8')).includes(PUBLIC_ENTRY)),
    ).toEqual([]);
  });

  it('would report a deep import, a package, a dynamic import and a re-export of the entry', () => {
    const file = join(DOMAIN, 'todo/decider.ts');
    const source = [
      "import { isDate } from '../../../core/clock.ts';",
      "import { createMachine } from 'xstate';",
      "const lazy = () => import('../../../runtime/createRuntime.ts');",
      "export { z } from '../../../index.ts';",
    ].join('\n');
    expect(strayImports(file, source)).toEqual([
      `${file} imports ../../../core/clock.ts`,
      `${file} imports xstate`,
      `${file} imports ../../../runtime/createRuntime.ts`,
    ]);
    expect(reExports(file, source)).toEqual([PUBLIC_ENTRY]);
  });

  it('are matched by its tests: Eventscope only through the public entry and the domain’s own entry', () => {
    const tests = readdirSync(TESTS).map((name) => join(TESTS, name));
    const strays = tests.flatMap((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map(({ fileName }) => target(file, fileName))
        .filter((module) => module.startsWith('src/') && module !== PUBLIC_ENTRY && module !== DOMAIN_ENTRY)
        .map((module) => `${file} imports ${module}`),
    );
    expect(strays).toEqual([]);
  });
});
