import type { DomainEvent, RecordedEvent } from '../../core/event.ts';
import { streamIdOfEvent } from '../../domains/scheduling/ids.ts';
import { createScheduling } from '../../domains/scheduling/index.ts';
import type { Message } from '../scenarios/model/scenarioFile.ts';
import { createDomainRuntime as createSandbox } from '../../domains/index.ts';
import {
  appendHistory,
  SCRATCH_ACTOR,
  settleAndRead,
  type ReadSide,
  type ScratchOutcome,
} from '../shared/scratchSandbox.ts';

/**
 * One change of a what-if branch. Events are named by their position in the original log. A move or an insert
 * says where either by `before` (the original position of the event it goes just before; null = the end of the
 * branch) or by `to`/`at` (an index, 0-based, in the branch as the edits before have left it).
 */
export type WhatIfEdit =
  | { kind: 'skip'; position: number }
  | { kind: 'move'; position: number; to: number }
  | { kind: 'move'; position: number; before: number | null }
  | { kind: 'change'; position: number; data: Record<string, unknown> }
  | { kind: 'insertCommand'; at: number; command: Message }
  | { kind: 'insertCommand'; before: number | null; command: Message };

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

export interface WhatIfInput {
  /** The original log in global order. It is only read. */
  events: readonly RecordedEvent[];
  /** Fork after this position (1-based; the head when omitted). */
  position?: number;
  /** Keep the original's events after the fork position in the branch too (default false). */
  includeRest?: boolean;
  edits: readonly WhatIfEdit[];
  now: string;
  monthlyLimit?: number;
}

/** One side of the comparison, replayed on its own scratch sandbox. */
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

const describeEvent = (event: DomainEvent) => {
  const data = event.data as Record<string, unknown>;
  const subject = data.slotId ?? data.dayId ?? data.patientId ?? data.doctorId;
  return typeof subject === 'string' ? `${event.type} ${subject}` : event.type;
};

/** Pure: the branch's steps after the edits, or the first edit that names nothing there. */
export function applyEdits(
  events: readonly RecordedEvent[],
  edits: readonly WhatIfEdit[],
): { kind: 'ok'; steps: WhatIfStep[] } | { kind: 'invalid'; message: string } {
  let steps: WhatIfStep[] = events.map((event) => ({
    kind: 'event',
    from: event.position,
    event: { type: event.type, data: structuredClone(event.data) },
    isChanged: false,
    group: event.metadata.commandId,
  }));
  const indexOf = (position: number, within: readonly WhatIfStep[]) =>
    within.findIndex((step) => step.kind === 'event' && step.from === position);
  for (const [n, edit] of edits.entries()) {
    const where = `Edit ${n + 1} (${edit.kind})`;
    const notThere = (position: number) => ({
      kind: 'invalid' as const,
      message: `${where}: event ${position} is not in the branch (any more)`,
    });
    if (edit.kind === 'insertCommand') {
      const at = 'at' in edit ? edit.at : edit.before === null ? steps.length : indexOf(edit.before, steps);
      if ('before' in edit && edit.before !== null && at < 0) return notThere(edit.before);
      if (at < 0 || at > steps.length)
        return { kind: 'invalid', message: `${where}: there is no step ${at + 1} to insert at` };
      steps = [...steps.slice(0, at), { kind: 'command', command: edit.command }, ...steps.slice(at)];
      continue;
    }
    const index = indexOf(edit.position, steps);
    if (index < 0) return notThere(edit.position);
    const step = steps[index] as Extract<WhatIfStep, { kind: 'event' }>;
    if (edit.kind === 'skip') steps = steps.filter((_, i) => i !== index);
    else if (edit.kind === 'change')
      steps[index] = {
        ...step,
        event: { type: step.event.type, data: structuredClone(edit.data) },
        isChanged: true,
      };
    else {
      const rest = steps.filter((_, i) => i !== index);
      if ('before' in edit && edit.before === edit.position)
        return { kind: 'invalid', message: `${where}: event ${edit.position} cannot move before itself` };
      const to = 'to' in edit ? edit.to : edit.before === null ? rest.length : indexOf(edit.before, rest);
      if ('before' in edit && edit.before !== null && to < 0) return notThere(edit.before);
      if (to < 0 || to > rest.length || ('to' in edit && to >= steps.length))
        return {
          kind: 'invalid',
          message: `${where}: there is no step ${to + 1} to move event ${edit.position} to`,
        };
      steps = [...rest.slice(0, to), step, ...rest.slice(to)];
    }
  }
  return { kind: 'ok', steps };
}

type EventData = { slotId?: string; dayId?: string };

/**
 * Pure: the first event that makes its stream invalid in the branch's order, in words; null when every stream
 * still reads as a history its aggregate could have recorded (it starts with its creation, a slot is scheduled
 * before it is booked, booked once at a time, and only a booked slot has its booking cancelled).
 */
export function invalidStream(steps: readonly WhatIfStep[]): string | null {
  const created = new Set<string>();
  const scheduled = new Set<string>();
  const booked = new Set<string>();
  const creation: Record<string, string> = { doctorday: 'DayScheduled', patient: 'PatientRegistered' };
  for (const [index, step] of steps.entries()) {
    if (step.kind !== 'event') continue;
    const { event } = step;
    const streamId = streamIdOfEvent(event);
    const where = `Step ${index + 1} (${describeEvent(event)}, event ${step.from} of the original)`;
    const needed = creation[streamId.split('-')[0]];
    if (needed && !created.has(streamId) && event.type !== needed)
      return `${where} would open stream ${streamId}, which must start with ${needed}`;
    if (needed && created.has(streamId) && event.type === needed)
      return `${where} would record ${needed} a second time in stream ${streamId}`;
    created.add(streamId);
    const slot = (event.data as EventData).slotId ?? '';
    if (event.type === 'SlotScheduled') scheduled.add(slot);
    if (event.type === 'SlotScheduleCancelled') scheduled.delete(slot);
    if (event.type === 'SlotBooked') {
      if (!scheduled.has(slot))
        return `${where} books slot ${slot} before it is scheduled in stream ${streamId}`;
      if (booked.has(slot))
        return `${where} books slot ${slot} while it is still booked in stream ${streamId}`;
      booked.add(slot);
    }
    if (event.type === 'SlotBookingCancelled') {
      if (!booked.has(slot))
        return `${where} cancels a booking of slot ${slot} that is not booked in stream ${streamId}`;
      booked.delete(slot);
    }
  }
  return null;
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
 * The sagas folded purely beside a scratch runtime, to tell when it must settle: only when a saga would react.
 * Why: settling saves every saga's state; doing it after each of 10k units made a long log's replay 3× slower.
 */
function sagaWatch(now: string, monthlyLimit?: number) {
  const sagas = createScheduling({ monthlyLimit: monthlyLimit ?? 10 }).sagas;
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

/**
 * Replays one side on scratch sandboxes:
 * 1. the write side and the sagas: each unit in order, and the sagas react to it before the next one, as the live
 *    runtime would without latency (their reactions land in the log between the users' events);
 * 2. the read side: the projections fold the finished log once, over the same store.
 * Why two sandboxes: settling saves every subscriber's state; with the projections there too, that would copy
 * every read model each time a saga reacts.
 */
async function replay(steps: readonly WhatIfStep[], now: string, monthlyLimit?: number): Promise<WhatIfSide> {
  const writer = createSandbox({ now, monthlyLimit, followStore: false, runProjections: false });
  const wouldReact = sagaWatch(now, monthlyLimit);
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
      const result = await appendHistory(writer, unit.events, `what-if-${appended}`, (_, i) => groups[i]);
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
  const writerFailures = writer.failures().map((failure) => `${failure.subscriber}: ${failure.message}`);
  writer.close();
  const reader = createSandbox({
    now,
    monthlyLimit,
    store: writer.store,
    followStore: false,
    runSagas: false,
  });
  const { projections: _projections, failures, ...outcome } = await settleAndRead(reader, monthlyLimit);
  return { ...outcome, failures: [...writerFailures, ...failures], commands };
}

const lines = (side: WhatIfSide) => ({
  days: Object.fromEntries(Object.entries(side.readSide.days).map(([k, v]) => [k, JSON.stringify(v)])),
  monthlyBookings: side.readSide.monthlyBookings,
  mailbox: Object.fromEntries(Object.entries(side.readSide.mailbox).map(([k, v]) => [k, v.length])),
});

/** Pure: how the branch differs from the original, one readable line each. */
export function differencesOf(original: WhatIfSide, branch: WhatIfSide): string[] {
  const differences: string[] = [];
  const a = lines(original);
  const b = lines(branch);
  const compare = (what: string, left: Record<string, unknown>, right: Record<string, unknown>) => {
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      if (JSON.stringify(left[key]) === JSON.stringify(right[key])) continue;
      differences.push(
        `${what} ${key}: ${left[key] === undefined ? 'none' : JSON.stringify(left[key])} → ${right[key] === undefined ? 'none' : JSON.stringify(right[key])}`,
      );
    }
  };
  for (const day of new Set([...Object.keys(a.days), ...Object.keys(b.days)])) {
    const left = original.readSide.days[day];
    const right = branch.readSide.days[day];
    if (JSON.stringify(left) === JSON.stringify(right)) continue;
    if (!left || !right)
      differences.push(`Day ${day}: ${left ? 'only in the original' : 'only in the branch'}`);
    else {
      if (left.status !== right.status) differences.push(`Day ${day}: ${left.status} → ${right.status}`);
      const freed = left.booked.filter((slot) => !right.booked.includes(slot));
      const taken = right.booked.filter((slot) => !left.booked.includes(slot));
      if (freed.length > 0) differences.push(`Day ${day}: not booked in the branch: ${freed.join(', ')}`);
      if (taken.length > 0) differences.push(`Day ${day}: booked only in the branch: ${taken.join(', ')}`);
    }
  }
  compare('Monthly bookings of', a.monthlyBookings, b.monthlyBookings);
  compare('Messages to', a.mailbox, b.mailbox);
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
 * A what-if branch of a log: forks it at a position into a copy, applies the edits there, and replays both
 * the original and the branch on fresh in-memory sandboxes (events appended per stream in their new order,
 * so the streams are versioned again; inserted commands dispatched; sagas running), for side-by-side reading.
 * The original log is never written to.
 */
export async function runWhatIf(input: WhatIfInput): Promise<WhatIfResult> {
  const position = Math.max(0, Math.min(input.position ?? input.events.length, input.events.length));
  const forked = input.events.filter((event) => input.includeRest || event.position <= position);
  const userEvents = forked.filter((event) => !isSagaEvent(event));
  const edited = applyEdits(userEvents, input.edits);
  if (edited.kind === 'invalid') return edited;
  const problem = invalidStream(edited.steps);
  if (problem) return { kind: 'invalid', message: problem };
  const originalSteps = applyEdits(userEvents, []);
  if (originalSteps.kind === 'invalid') return originalSteps;
  const original = await replay(originalSteps.steps, input.now, input.monthlyLimit);
  const branch = await replay(edited.steps, input.now, input.monthlyLimit);
  return {
    kind: 'ok',
    steps: edited.steps,
    original,
    branch,
    differences: differencesOf(original, branch),
    sagaEventsLeftOut: forked.length - userEvents.length,
  };
}

export type { ReadSide };
