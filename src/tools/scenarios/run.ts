/**
 * Running a scenario of any domain: the When's decision through the Given/When/Then engine, then the expected
 * read models on a scratch sandbox after the sagas reacted; and the scenario as a vitest file.
 */
import type { DomainModule } from '../../core/domain/domainModule.ts';
import type { ExpectedRows, ScenarioSpec } from '../../core/domain/scenario.ts';
import { SpecFailure, type SpecResult } from '../../core/testing/givenWhenThen.ts';
import {
  appendHistory,
  SCRATCH_ACTOR,
  scratchSandbox,
  settleAndRead,
  type ScratchOutcome,
} from '../shared/scratchSandbox.ts';
import { inlineLiteral, literal } from '../shared/sourceText.ts';
import { givenHistory, runQuery, scenarioDomain, scenarioSpec } from './engine.ts';

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
  /** Expected read models not checked yet: they are read after the sagas, on a scratch sandbox. */
  pendingRows?: string[];
  /** After a run on a scratch sandbox: what its sagas did and which invariants its log breaks. */
  scratch?: Pick<ScratchOutcome, 'reactions' | 'violations' | 'failures'>;
}

/** What a scenario needs to be played on a sandbox. */
export type PlayableScenario = Pick<ScenarioSpec, 'now' | 'settings' | 'given' | 'when' | 'thenRows'>;

const rowsLabel = (rows: ExpectedRows) => `Read model ${rows.query}(${rows.args.join(', ')})`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Decides the When through the Given/When/Then engine of `domain` (under the scenario's settings) and checks the
 * Then events or rejection. No saga runs there, so the expected read models are left pending for
 * `runScenarioOnSandbox`.
 */
export function runScenario(domain: DomainModule, scenario: ScenarioSpec): ScenarioRun {
  const configured = scenarioDomain(domain, scenario);
  // 1. Given: past events, and the events each given command is decided into.
  const history = givenHistory(configured, scenario.given, scenario.now);
  if (history.kind === 'rejected') {
    return {
      pass: false,
      verdict: `Failed before the When: Given step ${history.index + 1} was rejected (${history.code}): ${history.message}`,
      checks: [],
      actual: null,
    };
  }
  // 2. When: the command decided against that history.
  const outcome = scenarioSpec(configured, scenario.now).given(history.events).when(scenario.when);
  const { decision } = outcome;
  const actual =
    decision.kind === 'accepted'
      ? { events: decision.events.map((event) => event.type) }
      : { rejection: decision.error.code, message: decision.error.message };
  // 3. Then: the events or the rejection.
  const thenResult: SpecResult =
    'rejection' in scenario.then
      ? outcome.thenRejects(scenario.then.rejection)
      : outcome.thenEvents(scenario.then.events);
  const checks: ScenarioCheck[] = [
    {
      label: 'rejection' in scenario.then ? `Rejected with ${scenario.then.rejection}` : 'These events',
      pass: thenResult.pass,
      diff: thenResult.diff,
    },
  ];
  const pendingRows = (scenario.thenRows ?? []).map(rowsLabel);
  const pass = thenResult.pass && pendingRows.length === 0;
  return {
    pass,
    verdict: verdictOf(scenario, actual, checks, pass, pendingRows),
    checks,
    actual,
    pendingRows,
  };
}

/**
 * Plays a scenario on a fresh in-memory sandbox of `domain` (under the scenario's settings): its Given history
 * appended to the streams, the When dispatched, everything settled, so the sagas have reacted. Checks each
 * expected read model against that sandbox.
 */
export async function rowsAfterSagas(
  domain: DomainModule,
  scenario: PlayableScenario,
): Promise<
  { kind: 'ok'; checks: ScenarioCheck[]; outcome: ScratchOutcome } | { kind: 'failed'; message: string }
> {
  const configured = scenarioDomain(domain, scenario);
  // 1. Given: the same history as the engine's.
  const history = givenHistory(configured, scenario.given, scenario.now);
  if (history.kind === 'rejected')
    return {
      kind: 'failed',
      message: `Given step ${history.index + 1} was rejected (${history.code}): ${history.message}`,
    };
  // 2. Append it to the streams of a sandbox under the scenario's settings.
  const sandbox = scratchSandbox(configured, scenario.now);
  const { groups } = history;
  const appended = await appendHistory(configured, sandbox, history.events, 'given', (_, i) => groups[i]);
  if (appended.kind === 'failed') {
    sandbox.close();
    return { kind: 'failed', message: appended.message };
  }
  // 3. When, then settle: projections and sagas catch up, reactions included.
  await sandbox.settle();
  await sandbox.dispatch(scenario.when, { actor: SCRATCH_ACTOR });
  const outcome = await settleAndRead(configured, sandbox);
  // 4. Then: each expected read model, answered by the sandbox's projections.
  const read = (name: string) => outcome.projections[name];
  const { given } = scenarioSpec(configured, scenario.now);
  const checks = (scenario.thenRows ?? []).map((rows) => {
    // Why the engine's `thenQuery` over no events: it only compares; the rows come from the sandbox.
    const actualRows = runQuery(configured, rows, scenario.now)(read);
    const result = given([]).thenQuery(() => actualRows, rows.expected);
    return { label: `${rowsLabel(rows)} after the sagas`, pass: result.pass, diff: result.diff };
  });
  return { kind: 'ok', checks, outcome };
}

/**
 * Runs a scenario as the app does: the When's decision through the Given/When/Then engine (`runScenario`), and
 * the expected read models on a scratch sandbox after the sagas reacted (`rowsAfterSagas`).
 */
export async function runScenarioOnSandbox(
  domain: DomainModule,
  scenario: ScenarioSpec,
): Promise<ScenarioRun> {
  const engineRun = runScenario(domain, scenario);
  if (!engineRun.actual) return engineRun;
  const played = await rowsAfterSagas(domain, scenario);
  if (played.kind === 'failed')
    return {
      ...engineRun,
      pass: false,
      pendingRows: [],
      verdict: `Failed before the When: ${played.message}`,
    };
  const checks = [engineRun.checks[0], ...played.checks];
  const pass = checks.every((check) => check.pass);
  return {
    pass,
    verdict: verdictOf(scenario, engineRun.actual, checks, pass, []),
    checks,
    actual: engineRun.actual,
    pendingRows: [],
    scratch: {
      reactions: played.outcome.reactions,
      violations: played.outcome.violations,
      failures: played.outcome.failures,
    },
  };
}

/**
 * For exported tests: plays the scenario on a scratch sandbox (`rowsAfterSagas`) and throws a `SpecFailure`
 * with each differing read model's diff, or an `Error` if it failed before the When.
 */
export async function thenRowsAfterSagas(domain: DomainModule, scenario: PlayableScenario): Promise<void> {
  const played = await rowsAfterSagas(domain, scenario);
  if (played.kind === 'failed') throw new Error(`Failed before the When: ${played.message}`);
  const wrong = played.checks.filter((check) => !check.pass);
  if (wrong.length === 0) return;
  throw new SpecFailure({
    pass: false,
    diff: wrong.map((check) => `${check.label}\n${check.diff}`).join('\n\n'),
    expected: wrong.map((check) => check.label),
    actual: played.outcome.readSide,
  });
}

function verdictOf(
  scenario: ScenarioSpec,
  actual: NonNullable<ScenarioRun['actual']>,
  checks: ScenarioCheck[],
  pass: boolean,
  pendingRows: readonly string[],
): string {
  const what = scenario.when.type;
  const happened =
    'rejection' in actual
      ? `${what} was rejected with ${actual.rejection}: ${actual.message}`
      : actual.events.length === 0
        ? `${what} was accepted and recorded nothing`
        : `${what} was accepted and recorded ${plural(actual.events.length, 'event')}: ${actual.events.join(', ')}`;
  if (pass) return `Passed: ${happened}, as expected.`;
  if (checks[0].pass && pendingRows.length > 0)
    return `Checking: ${happened}, as expected; ${plural(pendingRows.length, 'read model')} still to read after the sagas, on a scratch sandbox.`;
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

/** How an exported file gets its domain: a built-in by name (the default), or a module of the user's own. */
export interface DomainImport {
  /** The module path, from the exported file. */
  from: string;
  /** The name it exports the domain module under. */
  name: string;
}

/** Where an exported test file stands, and how it gets its domain. */
export interface ExportOptions {
  /** The path from the test file to the repository root (default: a file two folders under it). */
  root?: string;
  /** For a domain that is not built in: where the file imports it from. */
  domainImport?: DomainImport;
}

/** Pure: the lines that bind `domain` in an exported file, under `settings` (untrusted values only as literals). */
export function exportedDomainLines(
  domainName: string,
  settings: Readonly<Record<string, unknown>> | undefined,
  options: ExportOptions,
): { imports: string[]; lines: string[] } {
  const hasSettings = settings !== undefined && Object.keys(settings).length > 0;
  const configure = hasSettings ? `.configure(${inlineLiteral(settings)})` : '';
  if (options.domainImport)
    return {
      imports: [
        `import { ${options.domainImport.name} as module } from ${inlineLiteral(options.domainImport.from)};`,
      ],
      lines: [`const domain = module${configure};`],
    };
  return {
    imports: [],
    lines: [
      `const domainName = ${inlineLiteral(domainName)};`,
      `const builtIn = domainNamed(domainName);`,
      `if (!builtIn) throw new Error(\`Eventscope has no built-in domain named \${domainName}\`);`,
      `const domain = builtIn${configure};`,
    ],
  };
}

/**
 * Pure: a vitest source for the scenario of `domain`, written with Eventscope's public entry only: the When's
 * decision through the Given/When/Then engine, and the expected read models after the sagas on a scratch
 * sandbox (`thenRowsAfterSagas`), as the app's run checks them. Every text of the scenario is a string literal.
 */
export function scenarioTestSource(
  domain: DomainModule,
  scenario: ScenarioSpec,
  options: ExportOptions = {},
): string {
  const root = options.root ?? '../..';
  const rows = scenario.thenRows ?? [];
  const then =
    'rejection' in scenario.then
      ? `.thenRejects(${inlineLiteral(scenario.then.rejection)});`
      : `.thenEvents(${literal(scenario.then.events, '    ')});`;
  const title =
    'rejection' in scenario.then
      ? `rejects ${scenario.when.type} with ${scenario.then.rejection}`
      : `accepts ${scenario.when.type}`;
  const bound = exportedDomainLines(domain.name, scenario.settings, options);
  const names = [
    ...(options.domainImport ? [] : ['domainNamed']),
    'givenHistory',
    'scenarioSpec',
    ...(rows.length > 0 ? ['thenRowsAfterSagas'] : []),
    'type GivenItem',
  ];
  return [
    `import { describe, it } from 'vitest';`,
    `import { ${names.join(', ')} } from ${inlineLiteral(`${root}/src/index.ts`)};`,
    ...bound.imports,
    ``,
    `// A scenario exported from Eventscope: its id, domain, settings, clock, Given and When are the constants below.`,
    `export const scenarioId = ${inlineLiteral(scenario.id)};`,
    ...bound.lines,
    `const now = ${inlineLiteral(scenario.now)};`,
    `const given: GivenItem[] = ${literal(scenario.given)};`,
    `const when = ${literal(scenario.when)};`,
    ``,
    `describe(${inlineLiteral(scenario.title)}, () => {`,
    `  it(${inlineLiteral(title)}, () => {`,
    `    const history = givenHistory(domain, given, now);`,
    `    if (history.kind !== 'ok') throw new Error(\`Given step \${history.index + 1} was rejected: \${history.message}\`);`,
    `    scenarioSpec(domain, now, { throwOnFailure: true }).given(history.events).when(when)${then}`,
    `  });`,
    ...(rows.length > 0
      ? [
          ``,
          `  it('shows the expected read models after the sagas reacted, on a scratch sandbox', async () => {`,
          `    await thenRowsAfterSagas(domain, {`,
          `      now,`,
          `      settings: domain.settingValues,`,
          `      given,`,
          `      when,`,
          `      thenRows: ${literal(rows, '      ')},`,
          `    });`,
          `  });`,
        ]
      : []),
    `});`,
    ``,
  ].join('\n');
}
