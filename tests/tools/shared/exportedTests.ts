import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One `it` of an exported test file, collected instead of registered. */
export interface ExportedTest {
  name: string;
  run: () => unknown;
}

let collected: ExportedTest[] | null = null;

/** Stands in for vitest's `describe` while an exported file loads: runs the block at once. */
export function describe(_name: string, block: () => void): void {
  block();
}

/** Stands in for vitest's `it` while an exported file loads: keeps the test for `loadExportedTests`. */
export function it(name: string, run: () => unknown): void {
  if (!collected) throw new Error('it() called outside loadExportedTests');
  collected.push({ name, run });
}

const root = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const harness = fileURLToPath(import.meta.url);
let count = 0;

/**
 * Writes an exported test source to a file of its own, with its project imports pointing at this repository
 * and only `vitest` swapped for this harness, imports it (real TypeScript, real module resolution) and returns
 * the tests it declares.
 */
export async function loadExportedTests(
  source: (root: string) => string,
): Promise<{ tests: ExportedTest[]; text: string }> {
  const text = source(root).replace(`from 'vitest';`, `from ${JSON.stringify(harness)};`);
  const directory = mkdtempSync(join(tmpdir(), 'eventscope-exported-'));
  const file = join(directory, `scenario-${++count}.test.ts`);
  writeFileSync(file, text);
  collected = [];
  try {
    await import(/* @vite-ignore */ file);
    return { tests: collected, text };
  } finally {
    collected = null;
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Loads an exported source and runs each of its tests in order; throws what the first failing one throws. */
export async function runExportedSource(source: (root: string) => string): Promise<string[]> {
  const { tests } = await loadExportedTests(source);
  for (const test of tests) await test.run();
  return tests.map((test) => test.name);
}
