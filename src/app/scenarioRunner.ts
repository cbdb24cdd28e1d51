import type { SpecResult } from '../core/givenWhenThen.ts';
import {
  givenHistory,
  runQuery,
  scenarioSpec,
  type ExpectedRows,
  type ScenarioSpec,
} from '../domain/scheduling/scenarioFile.ts';
import {
  appendHistory,
  SCRATCH_ACTOR,
  scratchSandbox,
  settleAndRead,
  type ScratchOutcome,
} from './scratchSandbox.ts';

/** One checked expectation of a run, with its diff (`- expected` / `+ actual`) when it failed. */
export interface ScenarioCheck {
  label: string;
  pass: boolean;
  diff: string;
}

/** The outcome of running a scenario, in plain words for a product owner and as diffs for an engineer. */
export interface ScenarioRun {
  pass: boolean;
  /** One sentence: what happened, and whether that is what the scenario expects. */
  verdict: string;
  checks: ScenarioCheck[];
  /** What the When command did: the events it recorded or the rule it broke. */
  actual: { events: string[] } | { rejection: string; message: string } | null;
  /** After a run on a scratch sandbox: what its sagas did and which invariants its log breaks. */
  scratch?: Pick<ScratchOutcome, 'reactions' | 'violations' | 'failures'>;
}

const rowsLabel = (rows: ExpectedRows) => `Read model ${rows.query}(${rows.args.join(', ')})`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Runs a scenario through the Given/When/Then engine; the same path as its exported vitest source. */
export function runScenario(scenario: ScenarioSpec): ScenarioRun {
  // 1. Given: past events, and the events each given command is decided into.
  const history = givenHistory(scenario.given, scenario.now);
  if (history.kind === 'rejected') {
    return {
      pass: false,
      verdict: `Failed before the When: Given step ${history.index + 1} was rejected (${history.code}): ${history.message}`,
      checks: [],
      actual: null,
    };
  }
  // 2. When: the command decided against that history.
  const { given } = scenarioSpec(scenario.now);
  const outcome = given(history.events).when(scenario.when);
  const { decision } = outcome;
  const actual =
    decision.kind === 'accepted'
      ? { events: decision.events.map((event) => event.type) }
      : { rejection: decision.error.code, message: decision.error.message };
  // 3. Then: the events or the rejection, then each expected read model after the When.
  const thenResult: SpecResult =
    'rejection' in scenario.then
      ? outcome.thenRejects(scenario.then.rejection)
      : outcome.thenEvents(scenario.then.events);
  const after = [...history.events, ...(decision.kind === 'accepted' ? decision.events : [])];
  const checks: ScenarioCheck[] = [
    {
      label: 'rejection' in scenario.then ? `Rejected with ${scenario.then.rejection}` : 'These events',
      pass: thenResult.pass,
      diff: thenResult.diff,
    },
    ...(scenario.thenRows ?? []).map((rows) => {
      const result = given(after).thenQuery(runQuery(rows, scenario.now), rows.expected);
      return { label: rowsLabel(rows), pass: result.pass, diff: result.diff };
    }),
  ];
  const pass = checks.every((check) => check.pass);
  return { pass, verdict: verdictOf(scenario, actual, checks, pass), checks, actual };
}

/**
 * Runs a scenario twice: the When's decision through the Given/When/Then engine (as `runScenario`), and the
 * whole scenario on a fresh in-memory sandbox (Given history appended to its streams, the When dispatched,
 * everything settled) whose read models, with the sagas' reactions in them, answer the expected rows.
 */
export async function runScenarioOnSandbox(
  scenario: ScenarioSpec,
  options: { monthlyLimit?: number } = {},
): Promise<ScenarioRun> {
  const engineRun = runScenario(scenario);
  const history = givenHistory(scenario.given, scenario.now);
  if (history.kind === 'rejected') return engineRun;
  const sandbox = scratchSandbox(scenario.now, options.monthlyLimit);
  const appended = await appendHistory(sandbox, history.events);
  if (appended.kind === 'failed') {
    sandbox.close();
    return { ...engineRun, pass: false, verdict: `Failed before the When: ${appended.message}` };
  }
  await sandbox.settle();
  await sandbox.dispatch(scenario.when, { actor: SCRATCH_ACTOR });
  const outcome = await settleAndRead(sandbox, options.monthlyLimit);
  const read = (name: string) => outcome.projections[name];
  const { given } = scenarioSpec(scenario.now);
  const rowChecks = (scenario.thenRows ?? []).map((rows) => {
    // Why the engine's `thenQuery` over no events: it only compares; the rows come from the sandbox.
    const actualRows = runQuery(rows, scenario.now)(read);
    const result = given([]).thenQuery(() => actualRows, rows.expected);
    return { label: `${rowsLabel(rows)} after the sagas`, pass: result.pass, diff: result.diff };
  });
  const checks = [engineRun.checks[0], ...rowChecks];
  const pass = checks.every((check) => check.pass);
  const scratch = {
    reactions: outcome.reactions,
    violations: outcome.violations,
    failures: outcome.failures,
  };
  if (!engineRun.actual) return { ...engineRun, scratch };
  return {
    pass,
    verdict: verdictOf(scenario, engineRun.actual, checks, pass),
    checks,
    actual: engineRun.actual,
    scratch,
  };
}

function verdictOf(
  scenario: ScenarioSpec,
  actual: NonNullable<ScenarioRun['actual']>,
  checks: ScenarioCheck[],
  pass: boolean,
): string {
  const what = scenario.when.type;
  const happened =
    'rejection' in actual
      ? `${what} was rejected with ${actual.rejection}: ${actual.message}`
      : actual.events.length === 0
        ? `${what} was accepted and recorded nothing`
        : `${what} was accepted and recorded ${plural(actual.events.length, 'event')}: ${actual.events.join(', ')}`;
  if (pass) return `Passed: ${happened}, as expected.`;
  const expected =
    'rejection' in scenario.then
      ? `to be rejected with ${scenario.then.rejection}`
      : scenario.then.events.length === 0
        ? 'to be accepted and record nothing'
        : `to record ${scenario.then.events.map((event) => event.type).join(', ')}`;
  if (!checks[0].pass) return `Failed: the scenario expects ${what} ${expected}, but ${happened}.`;
  const wrong = checks.filter((check) => !check.pass).map((check) => check.label);
  return `Failed: ${happened} as expected, but ${wrong.join(' and ')} differs from what the scenario expects.`;
}

const literal = (value: unknown, indent: string) =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
const quoted = (text: string) => JSON.stringify(text);

/**
 * Pure: a vitest source for the scenario, written with the project's spec helpers (`givenWhenThen`).
 * `root` is the path from the test file to the repository root.
 */
export function scenarioTestSource(scenario: ScenarioSpec, root = '../..'): string {
  const then =
    'rejection' in scenario.then
      ? `outcome.thenRejects(${quoted(scenario.then.rejection)});`
      : `outcome.thenEvents(${literal(scenario.then.events, '    ')});`;
  const rows = (scenario.thenRows ?? []).map(
    (row) =>
      `    given(after).thenQuery(runQuery(${literal({ query: row.query, args: row.args }, '    ')}, now), ${literal(row.expected, '    ')});`,
  );
  const title =
    'rejection' in scenario.then
      ? `rejects ${scenario.when.type} with ${scenario.then.rejection}`
      : `accepts ${scenario.when.type}`;
  return [
    `import { describe, it } from 'vitest';`,
    `import { givenWhenThen } from '${root}/src/core/givenWhenThen.ts';`,
    `import { createScheduling, streamIdOfEvent } from '${root}/src/domain/scheduling/index.ts';`,
    `import { givenHistory, runQuery } from '${root}/src/domain/scheduling/scenarioFile.ts';`,
    ``,
    `// Scenario ${quoted(scenario.id)}, exported from Eventscope.`,
    `describe(${quoted(scenario.title)}, () => {`,
    `  it(${quoted(title)}, () => {`,
    `    const now = ${quoted(scenario.now)};`,
    `    const history = givenHistory(${literal(scenario.given, '    ')}, now);`,
    `    if (history.kind !== 'ok') throw new Error('Given step ' + (history.index + 1) + ' was rejected: ' + history.message);`,
    `    const { given } = givenWhenThen(createScheduling(), { now, streamIdOf: streamIdOfEvent, throwOnFailure: true });`,
    `    const outcome = given(history.events).when(${literal(scenario.when, '    ')});`,
    `    ${then}`,
    ...(rows.length > 0
      ? [
          `    const after = [...history.events, ...(outcome.decision.kind === 'accepted' ? outcome.decision.events : [])];`,
          ...rows,
        ]
      : []),
    `  });`,
    `});`,
    ``,
  ].join('\n');
}
