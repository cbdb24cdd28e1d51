/**
 * The tools know no domain: no file of theirs (model or UI) imports a domain's internals or names one of its
 * commands, events, sagas or streams. They take a `DomainModule` and read everything from it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduling } from '../../src/domains/index.ts';

const TOOL_FOLDERS = [
  'src/tools/scenarios',
  'src/tools/walkthroughs',
  'src/tools/what-if',
  'src/tools/time-travel',
  'src/tools/span-export',
  'src/tools/shared',
  'src/ui/tools/scenarios',
  'src/ui/tools/walkthroughs',
  'src/ui/tools/what-if',
  'src/ui/tools/timeline',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Strips comments, so a doc comment that gives an example (`SlotBooked`) is not a violation. */
const code = (source: string) =>
  source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

/** What a tool must not name: the doctor practice's commands, events, sagas and streams. */
const names = [
  ...Object.keys(scheduling.commands),
  ...Object.keys(scheduling.events),
  ...scheduling.context.sagas.map((saga) => saga.name),
];
const streamPrefixes = ['doctorday-', 'patient-', 'mailbox-', 'practice'];

function violations(): string[] {
  const found: string[] = [];
  for (const file of TOOL_FOLDERS.flatMap(filesUnder)) {
    const source = code(readFileSync(file, 'utf8'));
    if (/from\s+['"][^'"]*domains\/scheduling/.test(source))
      found.push(`${file} imports the scheduling domain`);
    for (const name of names)
      if (new RegExp(`['"\`]${name}['"\`]`).test(source)) found.push(`${file} names ${name}`);
    for (const prefix of streamPrefixes)
      if (new RegExp(`['"\`]${prefix}`).test(source)) found.push(`${file} names the stream ${prefix}`);
  }
  return found;
}

describe('the tools', () => {
  it('name no command, event, saga or stream of a domain, and import no domain’s internals', () => {
    expect(violations()).toEqual([]);
  });

  it('look at every file of theirs', () => {
    expect(TOOL_FOLDERS.flatMap(filesUnder).length).toBeGreaterThan(50);
    expect(names).toContain('BookSlot');
  });
});
