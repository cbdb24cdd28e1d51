/**
 * The what-if of a live log, for any domain: fork the log at a position, edit the branch (the shared edit model,
 * `edits.ts`), replay the original and the branch on scratch sandboxes of the log's own domain and settings, and
 * compare their read sides, saga reactions and broken invariants.
 */
import type { DomainModule } from '../../core/domain/domainModule.ts';
import type { Message } from '../../core/domain/scenario.ts';
import type { DomainEvent, RecordedEvent } from '../../core/event.ts';
import type { CommandRecord } from '../../store/eventStore.ts';
import { answersOf, questionsOf, readSideChanges, type ReadSide } from '../shared/readSide.ts';
import {
  appendHistory,
  SCRATCH_ACTOR,
  sagaReactionsOf,
  scratchSandbox,
  subjectOf,
  violationsOf,
  type ScratchOutcome,
} from '../shared/scratchSandbox.ts';
import { applyEdits, type WhatIfEdit } from './edits.ts';

export type { ReadSide };

/** A change of a live log's branch: events named by their position in the log; inserts are commands. */
export type LogEdit = WhatIfEdit<Message>;

/** One step of a branch: an event of the original (maybe changed) or a command dispatched there. */
export type WhatIfStep =
  | {
      kind: 'event';
      from: number;
      event: DomainEvent;
      isChanged: boolean;
      /** The command that recorded it in the original: its events are appended together when they stay adjacent. */
      group: string;
    }
  | { kind: 'command'; command: Message };

/** What a what-if replays: the log, where it forks, the edits, the clock. The domain comes apart (a worker resolves it by name). */
export interface WhatIfInput {
  /** The original log in global order. It is only read. */
  events: readonly RecordedEvent[];
  /** Fork after this position (1-based; the head when omitted). */
  position?: number;
  /** Keep the original's events after the fork position in the branch too (default false). */
  includeRest?: boolean;
  edits: readonly LogEdit[];
  now: string;
  /** The log's command records: the original's saga reactions, as they were (none listed without them). */
  commands?: readonly CommandRecord[];
}

/** One side of the comparison: the original as recorded, the branch replayed on its own scratch sandbox. */
export type WhatIfSide = Omit<ScratchOutcome, 'projections'> & {
  /** What each inserted command did. */
  commands: string[];
};

export type WhatIfResult =
  | {
      kind: 'ok';
      steps: WhatIfStep[];
      original: WhatIfSide;
      branch: WhatIfSide;
      /** How the branch's read models, saga outcomes and broken invariants differ, one line each. */
      differences: string[];
      /** Events the sagas recorded in the original: left out of both sides, the sagas run again instead. */
      sagaEventsLeftOut: number;
    }
  | { kind: 'invalid'; message: string };

/** Saga reactions carry the triggering event as causation; a user's command is its own cause. */
export const isSagaEvent = (event: RecordedEvent): boolean =>
  event.metadata.causationId !== event.metadata.commandId;

/** Pure: an event in a few words: the domain's own description, or its type and the ids it names. */
export const eventName = (domain: DomainModule, event: DomainEvent): string =>
  domain.describeEvent?.(event) ?? `${event.type} ${subjectOf(domain, event)}`.trim();

/** Pure: the branch's steps after the edits, or the first edit that names nothing there. */
export function applyLogEdits(
  events: readonly RecordedEvent[],
  edits: readonly LogEdit[],
): { kind: 'ok'; steps: WhatIfStep[] } | { kind: 'invalid'; message: string } {
  const originals = events.map((event) => ({
    position: event.position,
    item: {
      event: { type: event.type, data: structuredClone(event.data) } as DomainEvent,
      group: event.metadata.commandId,
    },
  }));
  const branch = applyEdits(originals, edits, (item, data) => ({
    ...item,
    event: { type: item.event.type, data },
  }));
  if (branch.kind === 'invalid') return branch;
  return {
    kind: 'ok',
    steps: branch.steps.map((step): WhatIfStep =>
      step.kind === 'inserted'
        ? { kind: 'command', command: step.item }
        : { kind: 'event', from: step.from, isChanged: step.isChanged, ...step.item },
    ),
  };
}

/**
 * Pure: the first event that makes its stream a history its aggregate could not have recorded, in the branch's
 * order, in words (the domain's `historyProblems`); null when every stream still reads as one, or the domain has
 * no such rules.
 */
export function invalidStream(domain: DomainModule, steps: readonly WhatIfStep[]): string | null {
  if (!domain.historyProblems) return null;
  const streams = new Map<string, { events: DomainEvent[]; stepIndex: number[] }>();
  steps.forEach((step, index) => {
    if (step.kind !== 'event') return;
    const streamId = domain.streamOfEvent(step.event);
    const stream = streams.get(streamId) ?? { events: [], stepIndex: [] };
    stream.events.push(step.event);
    stream.stepIndex.push(index);
    streams.set(streamId, stream);
  });
  let first: { index: number; problem: string } | null = null;
  for (const [streamId, stream] of streams)
    for (const { index, problem } of domain.historyProblems(streamId, stream.events)) {
      const stepIndex = stream.stepIndex[index];
      if (stepIndex !== undefined && (!first || stepIndex < first.index))
        first = { index: stepIndex, problem };
    }
  if (!first) return null;
  const step = steps[first.index] as Extract<WhatIfStep, { kind: 'event' }>;
  return `Step ${first.index + 1} (${eventName(domain, step.event)}, event ${step.from} of the original) ${first.problem}`;
}

/** A run of the branch played at once: the events one command recorded, or one inserted command. */
type Unit =
  { kind: 'events'; events: DomainEvent[]; groups: string[] } | { kind: 'command'; command: Message };

/** Pure: the steps cut into units: consecutive events recorded by the same command stay together. */
export function unitsOf(steps: readonly WhatIfStep[]): Unit[] {
  const units: Unit[] = [];
  for (const step of steps) {
    const last = units.at(-1);
    if (step.kind === 'command') units.push({ kind: 'command', command: step.command });
    else if (last?.kind === 'events' && last.groups.at(-1) === step.group) {
      last.events.push(step.event);
      last.groups.push(step.group);
    } else units.push({ kind: 'events', events: [step.event], groups: [step.group] });
  }
  return units;
}

/**
 * The domain's sagas folded purely beside a scratch runtime, to tell when it must settle: only when a saga would
 * react. Why: settling saves every saga's state; doing it after each of 10k units made a long log's replay 3×
 * slower.
 */
function sagaWatch(domain: DomainModule, now: string) {
  const { sagas } = domain.context;
  let states = sagas.map((saga) => saga.initialState());
  return (events: readonly RecordedEvent[]): boolean => {
    let wouldReact = false;
    for (const event of events)
      states = states.map((state, i) => {
        const handled = sagas[i].handle(state, event, { now });
        wouldReact ||= handled.reactions.length > 0;
        return handled.state;
      });
    return wouldReact;
  };
}

/** A side replayed: its log, projections (to ask questions of), reactions, violations, failures and commands. */
type Replayed = Omit<ScratchOutcome, 'readSide'> & { commands: string[] };

/**
 * Replays one side on scratch sandboxes of the domain (under its settings):
 * 1. the write side and the sagas: each unit in order, and the sagas react to it before the next one, as the live
 *    runtime would without latency (their reactions land in the log between the users' events);
 * 2. the read side: the projections fold the finished log once, over the same store.
 * Why two sandboxes: settling saves every subscriber's state; with the projections there too, that would copy
 * every read model each time a saga reacts.
 */
async function replay(domain: DomainModule, steps: readonly WhatIfStep[], now: string): Promise<Replayed> {
  const writer = scratchSandbox(domain, now, { runProjections: false });
  const wouldReact = sagaWatch(domain, now);
  const commands: string[] = [];
  let appended = 0;
  let seen = 0;
  const letSagasReact = async () => {
    for (;;) {
      const fresh = await writer.store.readAll({ fromPosition: seen + 1 });
      if (fresh.length === 0) return;
      seen = fresh.at(-1)?.position ?? seen;
      // The reactions' own events are read on the next round: they may make a saga react again.
      if (wouldReact(fresh)) await writer.settle();
    }
  };
  for (const unit of unitsOf(steps)) {
    if (unit.kind === 'events') {
      const { groups } = unit;
      const result = await appendHistory(
        domain,
        writer,
        unit.events,
        `what-if-${appended}`,
        (_, i) => groups[i],
      );
      if (result.kind === 'failed') throw new Error(result.message);
      appended += unit.events.length;
    } else {
      const result = await writer.dispatch(unit.command, { actor: SCRATCH_ACTOR });
      commands.push(
        result.kind === 'accepted'
          ? `${unit.command.type}: accepted (${result.events.map((e) => e.type).join(', ') || 'nothing recorded'})`
          : `${unit.command.type}: rejected with ${result.error.code}: ${result.error.message}`,
      );
    }
    await letSagasReact();
  }
  await writer.settle();
  const failures = writer.failures().map((failure) => `${failure.subscriber}: ${failure.message}`);
  const reactions = sagaReactionsOf(domain, await writer.commands());
  writer.close();
  const reader = scratchSandbox(domain, now, { store: writer.store, runSagas: false });
  await reader.settle();
  const events = await reader.events();
  const projections = Object.fromEntries(
    reader.projections().map(({ name }) => [name, structuredClone(reader.projectionState(name))]),
  );
  failures.push(...reader.failures().map((failure) => `${failure.subscriber}: ${failure.message}`));
  reader.close();
  return { events, projections, reactions, violations: violationsOf(domain, events), failures, commands };
}

/** Whether a command's outcome was known once the log reached `position`. */
const isKnownBy = (command: CommandRecord, position: number) =>
  command.outcome.kind === 'accepted' && command.outcome.lastPosition !== null
    ? command.outcome.lastPosition <= position
    : command.headPosition <= position;

/**
 * The original as it was recorded, not replayed: the forked log (the sagas' events included) folded by the
 * domain's projections, so its read side is exactly the live log's as of the fork (the same events, ids and
 * metadata), and its saga reactions are the recorded ones.
 */
async function asRecorded(
  domain: DomainModule,
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
  position: number,
  now: string,
): Promise<Replayed> {
  const reader = scratchSandbox(domain, now, { runSagas: false });
  await reader.ready;
  let index = 0;
  while (index < events.length) {
    const { streamId, metadata } = events[index];
    let end = index + 1;
    while (
      end < events.length &&
      events[end].streamId === streamId &&
      events[end].metadata.commandId === metadata.commandId
    )
      end++;
    const batch = events
      .slice(index, end)
      .map(({ id, type, data, metadata: m }) => ({ id, type, data, metadata: m }));
    const result = await reader.store.append(streamId, batch, { expectedVersion: 'any' });
    if (result.kind === 'failed') throw new Error(result.error.message);
    index = end;
  }
  await reader.settle();
  const recorded = await reader.events();
  const projections = Object.fromEntries(
    reader.projections().map(({ name }) => [name, structuredClone(reader.projectionState(name))]),
  );
  const failures = reader.failures().map((failure) => `${failure.subscriber}: ${failure.message}`);
  reader.close();
  return {
    events: recorded,
    projections,
    reactions: sagaReactionsOf(
      domain,
      commands.filter((command) => isKnownBy(command, position)),
    ),
    violations: violationsOf(domain, recorded),
    failures,
    commands: [],
  };
}

/**
 * Pure: the ids of a side's events as what they are in their streams (`doctorday-…@v3`), so answers that quote an
 * event id (a message's cause) compare equal when the same event was recorded again under a new id.
 */
const eventKeys = (events: readonly RecordedEvent[]): Map<string, string> =>
  new Map(events.map((event) => [event.id, `${event.streamId}@v${event.version}`]));

/** Pure: how the branch differs from the original, one readable line each. */
export function differencesOf(domain: DomainModule, original: WhatIfSide, branch: WhatIfSide): string[] {
  const differences = readSideChanges(domain, original.readSide, branch.readSide, {
    before: eventKeys(original.events),
    after: eventKeys(branch.events),
  });
  const reactions = (side: WhatIfSide) => side.reactions.map((r) => `${r.saga}: ${r.command} (${r.subject})`);
  if (JSON.stringify(reactions(original)) !== JSON.stringify(reactions(branch)))
    differences.push(
      `Saga reactions: ${original.reactions.length} in the original, ${branch.reactions.length} in the branch`,
    );
  const broken = (side: WhatIfSide) => side.violations.map((v) => v.invariant);
  if (JSON.stringify(broken(original)) !== JSON.stringify(broken(branch)))
    differences.push(
      `Broken invariants: ${broken(original).join(', ') || 'none'} in the original, ${broken(branch).join(', ') || 'none'} in the branch`,
    );
  return differences;
}

/**
 * A what-if branch of a log of `domain` (the domain under the settings the log was recorded with): forks it at a
 * position into a copy, applies the edits there, and replays the branch on a fresh in-memory sandbox (events
 * appended per stream in their new order, so the streams are versioned again; inserted commands dispatched; sagas
 * running), beside the original as recorded (its read side the live log's own as of the fork), for side-by-side
 * reading. Both sides answer the same questions of the domain's queries. The original log is never written to.
 */
export async function runWhatIf(domain: DomainModule, input: WhatIfInput): Promise<WhatIfResult> {
  const position = Math.max(0, Math.min(input.position ?? input.events.length, input.events.length));
  const forked = input.events.filter((event) => input.includeRest || event.position <= position);
  const userEvents = forked.filter((event) => !isSagaEvent(event));
  const edited = applyLogEdits(userEvents, input.edits);
  if (edited.kind === 'invalid') return edited;
  const problem = invalidStream(domain, edited.steps);
  if (problem) return { kind: 'invalid', message: problem };
  const replayed = [
    await asRecorded(domain, forked, input.commands ?? [], position, input.now),
    await replay(domain, edited.steps, input.now),
  ];
  // Why one set of questions: an answer only one side's log names (a day only the branch schedules) is asked of both.
  const { questions, leftOut } = questionsOf(domain, [...replayed[0].events, ...replayed[1].events]);
  const [original, branch] = replayed.map(({ projections, ...side }): WhatIfSide => ({
    ...side,
    readSide: { answers: answersOf(domain, questions, (name) => projections[name], input.now), leftOut },
  }));
  return {
    kind: 'ok',
    steps: edited.steps,
    original,
    branch,
    differences: differencesOf(domain, original, branch),
    sagaEventsLeftOut: forked.length - userEvents.length,
  };
}
