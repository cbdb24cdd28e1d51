/**
 * Every kind of exported test file, saved two folders below the repository root and run as the README says:
 * exactly `npx vitest run <file>`, in a child process of its own. Hostile texts (from a link or an imported log)
 * must stay inert: the file passes and what they say never runs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../../src/core/domain/scenario.ts';
import { scheduling } from '../../../src/domains/index.ts';
import { createRuntime } from '../../../src/runtime/index.ts';
import { scenarioTestSource } from '../../../src/tools/scenarios/run.ts';
import { spanTestSource } from '../../../src/tools/span-export/spanTestSource.ts';
import { tally } from '../../fixtures/tallyDomain.ts';
import { causalLog, conflictLog } from '../../fixtures/sampleLogs.ts';

const root = resolve(import.meta.dirname, '../../..');
const folder = `exported-${process.pid}`;
const dir = join(root, 'tests', folder);
const marker = join(dir, 'hostile-code-ran');
const fileOf = (name: string) => join(dir, `${name}.test.ts`);
const tallyImport = { from: '../../tests/fixtures/tallyDomain.ts', name: 'tally' };

/** Code that, were it ever run, would leave the marker file: every way out of a string or a comment is tried. */
const payload = `await import("node:fs").then((fs) => fs.writeFileSync(${JSON.stringify(marker)}, "ran"));`;
const hostile = [
  `x\u2028${payload}//`,
  `y\u2029${payload}//`,
  `z\n${payload}//`,
  `w*/ ${payload} /*`,
  `v\`\${${payload}}\``,
  `u"; ${payload} "`,
];

/** Runs one file exactly as the README says; the exit code and what vitest printed. */
async function npxVitestRun(file: string): Promise<{ code: number; output: string }> {
  // Why a clean environment: the child must be a vitest of its own, not a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['vitest', 'run', relative(root, file)], {
      cwd: root,
      env: { ...env, NODE_ENV: 'test', NO_COLOR: '1' },
      timeout: 240_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const files: Record<string, () => Promise<string>> = {
  async scenarioRejection() {
    const scenario = scheduling.scenarios.find((s) => s.id === 'slot-already-booked') as ScenarioSpec;
    return scenarioTestSource(scheduling, scenario);
  },
  async scenarioRowsAndSettings() {
    const scenario = scheduling.scenarios.find((s) => s.id === 'overbooking-accepted-first') as ScenarioSpec;
    expect(scenario.settings).toEqual({ monthlyLimit: 3 });
    return scenarioTestSource(scheduling, scenario);
  },
  async spanOfSagas() {
    const sandbox = await causalLog();
    const events = await sandbox.events();
    const source = spanTestSource(
      scheduling.configure({ monthlyLimit: 2 }),
      events,
      await sandbox.commands(),
      17,
      events.length,
    );
    sandbox.close();
    if (source.kind !== 'source') throw new Error(source.reason);
    expect(source.text).toContain('saga reacts to');
    return source.text;
  },
  async spanOfConflicts() {
    const sandbox = await conflictLog();
    const events = await sandbox.events();
    const source = spanTestSource(scheduling, events, await sandbox.commands(), 12, events.length);
    sandbox.close();
    if (source.kind !== 'source') throw new Error(source.reason);
    expect(source.text).toContain('await annotate("A conflict first: it expected doctorday-');
    return source.text;
  },
  async hostileScenario() {
    const scenario: ScenarioSpec = {
      id: hostile[0],
      title: hostile[1],
      tags: hostile,
      description: hostile.join(' '),
      now: '2026-05-04T09:00',
      given: hostile.map((counterId) => ({
        kind: 'command' as const,
        command: { type: 'Count', data: { counterId, by: 1 } },
      })),
      when: { type: 'Count', data: { counterId: hostile[2], by: 2 } },
      then: { events: [{ type: 'Counted', data: { counterId: hostile[2], by: 2 } }] },
      thenRows: hostile.map((counterId, i) => ({
        query: 'total',
        args: [counterId],
        expected: i === 2 ? 3 : 1,
      })),
    };
    const text = scenarioTestSource(tally, scenario, { domainImport: tallyImport });
    expect(text).not.toMatch(/[\u2028\u2029]/);
    return text;
  },
  async hostileSpan() {
    const sandbox = createRuntime(tally);
    for (const [i, counterId] of hostile.entries()) {
      await sandbox.dispatch({ type: 'Count', data: { counterId, by: 1 } }, { actor: hostile[i] });
      await sandbox.dispatch({ type: 'Count', data: { counterId, by: -5 } }, { actor: hostile[i] });
    }
    await sandbox.settle();
    const events = await sandbox.events();
    const commands = await sandbox.commands();
    sandbox.close();
    // The first count's record is lost, as in an imported log: its events are listed as not checked.
    const source = spanTestSource(tally, events, commands.slice(1), 1, events.length, {
      domainImport: tallyImport,
    });
    if (source.kind !== 'source') throw new Error(source.reason);
    expect(source.notes.length).toBeGreaterThan(0);
    expect(source.text).not.toMatch(/[\u2028\u2029]/);
    expect(
      source.text.split('\n').filter((line) => /^\s*\/\//.test(line) && line.includes('node:fs')),
    ).toEqual([]);
    return source.text;
  },
};

describe('an exported test file, run with exactly `npx vitest run <file>`', () => {
  const runs = new Map<string, { code: number; output: string }>();

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    for (const [name, source] of Object.entries(files)) writeFileSync(fileOf(name), await source());
    // Two at a time: each is a vitest of its own, and the machine is shared.
    const names = Object.keys(files);
    for (let i = 0; i < names.length; i += 2)
      await Promise.all(
        names.slice(i, i + 2).map(async (name) => runs.set(name, await npxVitestRun(fileOf(name)))),
      );
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(files))('passes: %s', (name) => {
    const run = runs.get(name);
    expect(run?.output).toMatch(/Test Files\s+1 passed \(1\)/);
    expect(run?.output).not.toMatch(/failed/);
    expect(run?.code).toBe(0);
  });

  it('never runs what a hostile text says', () => {
    expect(runs.get('hostileScenario')?.output).toMatch(/Tests\s+\d+ passed/);
    expect(runs.get('hostileSpan')?.output).toMatch(/\d+ todo/);
    expect(existsSync(marker)).toBe(false);
  });
});
