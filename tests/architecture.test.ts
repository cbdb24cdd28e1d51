import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const PURE_LAYERS = [
  'src/core',
  'src/domains/scheduling',
  'src/domains/todo',
  'src/domains/library',
  'src/tools/race-lab/model',
];
const FORBIDDEN_IMPORTS =
  /from\s+['"](dexie|svelte(?:\/[^'"]*)?|d3-[a-z]+|comlink|lz-string)['"]|import\(\s*['"](dexie|svelte)/;
const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(\s*\)/, 'new Date() (the current time)'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bcrypto\.randomUUID\s*\(/, 'crypto.randomUUID()'],
  [/\b(setTimeout|setInterval|setImmediate|requestAnimationFrame)\s*\(/, 'a timer'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\b(window|document|localStorage|indexedDB|fetch)\s*[.(]/, 'the DOM or I/O'],
];
const LAYER_RULES: Record<string, string[]> = {
  'src/core': ['src/domains', 'src/tools', 'src/store', 'src/runtime', 'src/ui'],
  'src/store': ['src/domains', 'src/tools', 'src/runtime', 'src/ui'],
};

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|js|svelte)$/.test(name) ? [path] : [];
  });
}

/** Strips comments so a JSDoc that *mentions* Date.now() is not a violation. */
const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

function violations(): string[] {
  const found: string[] = [];
  for (const layer of PURE_LAYERS) {
    for (const file of filesUnder(layer).filter((f) => !f.includes('/board/'))) {
      const source = code(readFileSync(file, 'utf8'));
      if (FORBIDDEN_IMPORTS.test(source))
        found.push(`${file} imports dexie, svelte or another shell library`);
      for (const [pattern, what] of FORBIDDEN_CALLS)
        if (pattern.test(source)) found.push(`${file} uses ${what}`);
    }
  }
  for (const [layer, forbidden] of Object.entries(LAYER_RULES)) {
    for (const file of filesUnder(layer)) {
      const source = code(readFileSync(file, 'utf8'));
      for (const match of source.matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
        const target = relative('.', join(file, '..', match[1]));
        const bad = forbidden.find((f) => target.startsWith(f + '/'));
        if (bad) found.push(`${file} imports ${target}: ${layer} may not depend on ${bad}`);
      }
    }
  }
  return found;
}

describe('the architecture', () => {
  it('keeps core, domain and simulation pure and every layer pointing down', () => {
    expect(violations()).toEqual([]);
  });

  it('finds at least one source file in each pure layer it checks', () => {
    expect(filesUnder('src/core').length).toBeGreaterThan(0);
    expect(filesUnder('src/domains').length).toBeGreaterThan(0);
  });
});
