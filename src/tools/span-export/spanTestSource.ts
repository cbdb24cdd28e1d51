/**
 * A span of any domain's log as a vitest file: each decision of the span replayed with the Given/When/Then engine
 * against the log as it saw it. The file imports Eventscope's public entry only, names its domain, and holds
 * every text of the log (types, actors, codes, stream ids) in string literals, never in comments or code.
 */
import type { DomainModule } from '../../core/domain/domainModule.ts';
import type { RecordedEvent } from '../../core/event.ts';
import type { CommandRecord } from '../../store/eventStore.ts';
import { exportedDomainLines, type ExportOptions } from '../scenarios/run.ts';
import { inlineLiteral } from '../shared/sourceText.ts';

/** A test file stays readable (and its Given loads quickly) up to this many events of log. */
export const SPAN_EXPORT_MAX_EVENTS = 5_000;

/** Where the file stands and how it gets its domain (see `ExportOptions`). */
export type SpanTestOptions = ExportOptions;

/** A vitest file for a span, with what it checks; or why there is nothing to export. */
export type SpanTestSource =
  | {
      kind: 'source';
      text: string;
      fileName: string;
      /** How many `it` blocks the file holds. */
      tests: number;
      /** What the span holds that the file cannot check, also written as comments in the file. */
      notes: string[];
    }
  | { kind: 'refused'; reason: string };

type Step =
  | { kind: 'decision'; record: CommandRecord; events: RecordedEvent[]; at: number }
  | { kind: 'rejection'; record: CommandRecord; at: number };

/**
 * The outcomes the runtime gives, not a domain's rules (a conflict retried too often, a store failure, a bug):
 * a decider test cannot replay them.
 */
export const RUNTIME_OUTCOME_CODES: ReadonlySet<string> = new Set([
  'ConcurrencyConflict',
  'RuntimeError',
  'QuotaExceeded',
  'DatabaseClosed',
  'UpgradeBlocked',
  'VersionChanged',
  'InvalidAppend',
  'StoreFailed',
]);
const quoted = (text: string) => inlineLiteral(text);
const message = ({ type, data }: { type: string; data: unknown }) => inlineLiteral({ type, data });
const sagaOf = (record: CommandRecord) =>
  record.actor?.startsWith('saga:') ? record.actor.slice('saga:'.length) : null;
const actorLabel = (record: CommandRecord) => {
  const saga = sagaOf(record);
  return saga ? `the ${saga} saga` : (record.actor ?? 'a user');
};
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `[A, A, B]` → `A ×2, B`: a title stays one short line for a command that appends many events. */
function typeRuns(types: string[]): string {
  const runs: [string, number][] = [];
  for (const type of types) {
    const last = runs.at(-1);
    if (last && last[0] === type) last[1]++;
    else runs.push([type, 1]);
  }
  return runs.map(([type, count]) => (count === 1 ? type : `${type} ×${count}`)).join(', ');
}

/** A comment of several lines, none much wider than 110 characters (only ever for text written here). */
function commentLines(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length > 106) {
      lines.push(`${indent}// ${line}`);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  return [...lines, `${indent}// ${line}`];
}

/** `[3, 4, 5, 9]` → `#3–5, #9`. */
function positionRanges(positions: number[]): string {
  const ranges: [number, number][] = [];
  for (const p of positions) {
    const last = ranges.at(-1);
    if (last && last[1] === p - 1) last[1] = p;
    else ranges.push([p, p]);
  }
  return ranges.map(([a, b]) => (a === b ? `#${a}` : `#${a}–${b}`)).join(', ');
}

/**
 * Pure: a vitest file that replays positions `from`–`to` of a log with the project's Given/When/Then helpers.
 * Given: the events before `from`. Then, in log order, each command whose outcome falls in the span (accepted
 * ones by their first event, rejected ones and those that appended nothing by the head they saw, `from - 1`
 * included), decided against the log as that decision saw it, expecting what it actually appended or the rule
 * it actually broke; a saga's commands are also checked as the saga's reaction to their trigger event.
 */
export function spanTestSource(
  domain: DomainModule,
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
  from: number,
  to: number,
  options: SpanTestOptions = {},
): SpanTestSource {
  const head = events.length;
  if (head === 0) return { kind: 'refused', reason: 'The log is empty: dispatch a command first.' };
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > head || from > to)
    return {
      kind: 'refused',
      reason: `A span runs from a position to a later one, both between 1 and ${head} (got ${from}–${to}).`,
    };
  if (to > SPAN_EXPORT_MAX_EVENTS)
    return {
      kind: 'refused',
      reason:
        `This span ends at #${to}, so its test would carry ${to.toLocaleString('en')} events of log; ` +
        `a test file stays readable up to ${SPAN_EXPORT_MAX_EVENTS.toLocaleString('en')}. ` +
        `Pick a span that ends by #${SPAN_EXPORT_MAX_EVENTS.toLocaleString('en')}, or export the log file instead.`,
    };

  const positionOf = new Map(events.map((event) => [event.id, event.position]));
  const notes: string[] = [];
  const steps: Step[] = [];
  for (const record of commands) {
    const { outcome } = record;
    if (outcome.kind === 'accepted' && outcome.firstPosition !== null) {
      if (outcome.firstPosition < from || outcome.firstPosition > to) continue;
      const positions = outcome.eventIds.map((id) => positionOf.get(id));
      if (positions.some((p) => p === undefined)) {
        notes.push(
          `#${outcome.firstPosition} ${actorLabel(record)}: ${record.type} names events the log does not hold: not checked.`,
        );
        continue;
      }
      const appended = (positions as number[]).map((p) => events[p - 1]);
      steps.push({ kind: 'decision', record, events: appended, at: outcome.firstPosition });
      continue;
    }
    if (record.headPosition < from - 1 || record.headPosition > to) continue;
    // Why half a position: it was decided after the event at its head and before the next one was appended.
    const at = record.headPosition + 0.5;
    if (outcome.kind === 'accepted') steps.push({ kind: 'decision', record, events: [], at });
    else if (!RUNTIME_OUTCOME_CODES.has(outcome.code)) steps.push({ kind: 'rejection', record, at });
    else
      notes.push(
        `After #${record.headPosition}, ${actorLabel(record)}: ${record.type} was turned down with ${outcome.code}` +
          `${record.attempts.length > 0 ? ` after ${plural(record.attempts.length, 'conflict')}` : ''}: ` +
          `that is the runtime's outcome, not a rule of the domain, so a decider test cannot replay it.`,
      );
  }
  steps.sort((a, b) => a.at - b.at || a.record.seq - b.record.seq);
  notes.unshift(...uncoveredNotes(events, commands, steps, from, to));
  if (steps.length === 0)
    return {
      kind: 'refused',
      reason: `No command's outcome falls in #${from}–${to}, so there is no decision to replay.${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`,
    };

  const blocks: string[] = [];
  const sagaChecked = new Set<string>();
  for (const step of steps) {
    const saga = sagaOf(step.record);
    const trigger = positionOf.get(step.record.causationId);
    const key = `${saga}/${step.record.causationId}`;
    if (saga && trigger !== undefined && !sagaChecked.has(key)) {
      sagaChecked.add(key);
      blocks.push(reactionBlock(saga, events[trigger - 1], commands, step.record.issuedAt));
    }
    blocks.push(stepBlock(step));
  }

  const root = options.root ?? '../..';
  const bound = exportedDomainLines(domain.name, domain.settingValues, options);
  const text = [
    `import { describe, it } from 'vitest';`,
    `import { ${options.domainImport ? '' : 'domainNamed, '}givenWhenThen, type GivenEvent } from ${inlineLiteral(`${root}/src/index.ts`)};`,
    ...bound.imports,
    ``,
    `// Positions ${from}–${to} of an event log of ${plural(head, 'event')}, exported from Eventscope's timeline.`,
    ...commentLines(
      `Given: ${from === 1 ? 'an empty log' : `the log before #${from}`}. Then each command whose outcome falls in ` +
        `the span, in log order, decided against the log as that decision saw it, at the virtual clock it saw: ` +
        `it must append the events it appended, or break the rule it broke. A saga's commands are also checked ` +
        `as its reaction to their trigger. The domain runs under the settings the log was recorded with; what ` +
        `the span holds that this file cannot check is listed as tests to do.`,
    ),
    ...bound.lines,
    `const { given } = givenWhenThen(domain.context, { throwOnFailure: true });`,
    ``,
    `/** The log up to #${to}, one event a line. */`,
    `const log: GivenEvent[] = [`,
    ...events
      .slice(0, to)
      .map(
        (e) =>
          `  /* #${e.position} */ ${inlineLiteral({ id: e.id, streamId: e.streamId, type: e.type, data: e.data })},`,
      ),
    `];`,
    `/** The first \`count\` events of the log. */`,
    `const logUpTo = (count: number) => log.slice(0, count);`,
    ``,
    `describe(${quoted(`Positions ${from}–${to} of the event log`)}, () => {`,
    ...notes.map((note) => `  it.todo(${quoted(`Not checked: ${note}`)});`),
    ...(notes.length > 0 ? [``] : []),
    blocks.join('\n\n'),
    `});`,
    ``,
  ].join('\n');
  return {
    kind: 'source',
    text,
    fileName: `span-${from}-${to}.test.ts`,
    tests: blocks.length,
    notes,
  };
}

/** Events of the span that no step checks: appended by a command that starts before it, or by none recorded. */
function uncoveredNotes(
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
  steps: Step[],
  from: number,
  to: number,
): string[] {
  const covered = new Set(
    steps.flatMap((s) => (s.kind === 'decision' ? s.events : [])).map((e) => e.position),
  );
  const recordOf = new Map<string, CommandRecord>();
  for (const record of commands)
    if (record.outcome.kind === 'accepted')
      for (const id of record.outcome.eventIds) recordOf.set(id, record);
  const earlier = new Map<CommandRecord, number[]>();
  const orphans: number[] = [];
  for (let p = from; p <= to; p++) {
    if (covered.has(p)) continue;
    const record = recordOf.get(events[p - 1].id);
    if (record) earlier.set(record, [...(earlier.get(record) ?? []), p]);
    else orphans.push(p);
  }
  const notes = [...earlier].map(
    ([record, positions]) =>
      `${positionRanges(positions)} ${positions.length === 1 ? 'was' : 'were'} appended by ${record.type} ` +
      `(${actorLabel(record)}), whose first event comes before the span; widen it to #${record.outcome.kind === 'accepted' ? record.outcome.firstPosition : from} to check them.`,
  );
  if (orphans.length > 0)
    notes.push(
      `${positionRanges(orphans)} (${[...new Set(orphans.map((p) => events[p - 1].type))].join(', ')}) ` +
        `${orphans.length === 1 ? 'has' : 'have'} no command record: the command log does not hold the command that appended ` +
        `${orphans.length === 1 ? 'it' : 'them'} (an imported log, or records lost), so nothing says what was decided.`,
    );
  return notes;
}

function stepBlock(step: Step): string {
  const { record } = step;
  // Why the event's clock for an accepted command: `occurredAt` is the instant its decision saw; `issuedAt` is
  // read when the outcome is recorded, after the append.
  const now =
    step.kind === 'decision' ? (step.events[0]?.metadata.occurredAt ?? record.issuedAt) : record.issuedAt;
  const seen =
    step.kind === 'decision' && step.events.length > 0 ? step.events[0].position - 1 : record.headPosition;
  const where =
    step.kind === 'decision' && step.events.length > 0
      ? `#${positionRanges(step.events.map((e) => e.position)).slice(1)}`
      : `after #${record.headPosition}`;
  const what =
    step.kind === 'rejection'
      ? `is rejected with ${(record.outcome as { code: string }).code}`
      : step.events.length === 0
        ? 'is accepted and appends nothing'
        : `appends ${typeRuns(step.events.map((e) => e.type))}`;
  const then =
    step.kind === 'rejection'
      ? `.thenRejects(${quoted((record.outcome as { code: string }).code)});`
      : step.events.length === 0
        ? `.thenEvents([]);`
        : `.thenEvents([\n${step.events.map((e) => `        ${message(e)},`).join('\n')}\n      ]);`;
  const conflicts = record.attempts.map(
    (a) =>
      `A conflict first: it expected ${a.streamId} at v${a.expectedVersion === 'no-stream' ? 0 : a.expectedVersion}, ` +
      `another writer had taken it to v${a.actualVersion}; it reloaded and decided again. ` +
      `The Given is the log its last decision saw (#1–${seen}).`,
  );
  const lines = [
    ...(conflicts.length > 0
      ? [`  // Decided again after ${plural(conflicts.length, 'conflict')}: see its annotations.`]
      : []),
    `  it(${quoted(`${where} ${actorLabel(record)}: ${record.type} ${what}`)}, ${conflicts.length > 0 ? 'async ({ annotate })' : '()'} => {`,
    ...conflicts.map((conflict) => `    await annotate(${quoted(conflict)});`),
    `    given(logUpTo(${seen}))`,
    `      .when(${message(record)}, { now: ${quoted(now)} })`,
    `      ${then}`,
    `  });`,
  ];
  return lines.join('\n');
}

function reactionBlock(
  saga: string,
  trigger: RecordedEvent,
  commands: readonly CommandRecord[],
  now: string,
): string {
  const seen = new Set<string>();
  // Why every record of this trigger, not only the span's: the saga reacts with all of them at once.
  const reactions = commands.filter((record) => {
    if (record.actor !== `saga:${saga}` || record.causationId !== trigger.id || seen.has(record.commandId))
      return false;
    seen.add(record.commandId);
    return true;
  });
  return [
    `  it(${quoted(`#${trigger.position} the ${saga} saga reacts to ${trigger.type} with ${typeRuns(reactions.map((r) => r.type))}`)}, () => {`,
    `    given(logUpTo(${trigger.position - 1}))`,
    `      .whenEvent(log[${trigger.position - 1}], { saga: ${quoted(saga)}, now: ${quoted(now)} })`,
    `      .thenReactions([\n${reactions.map((r) => `        ${message(r)},`).join('\n')}\n      ]);`,
    `  });`,
  ].join('\n');
}
