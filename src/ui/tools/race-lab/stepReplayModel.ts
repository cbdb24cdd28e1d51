import type { RecordedEvent } from '../../../core/event.ts';
import type { TraceEntry } from '../../../core/scheduler/scheduler.ts';
import {
  cancelledDayHasNoActiveBooking,
  contiguousVersions,
  doubleSlotAtomicity,
  gaplessPositions,
  monthlyCap,
  slotExclusivity,
  type Violation,
} from '../../../domains/scheduling/invariants.ts';
import type { RaceOutcome } from '../../../tools/race-lab/model/race.ts';

export interface InvariantStatus {
  name: string;
  isHolding: boolean;
  /** Only promised once settled: a transient break is allowed (the saga compensates it later). */
  isSettledOnly: boolean;
  messages: string[];
}

/** The state of a replayed race after one scheduler step. */
export interface ReplayStep {
  entry: TraceEntry;
  /** Race events appended so far (the setup is left out). */
  events: RecordedEvent[];
  /** Events this step appended. */
  newEvents: RecordedEvent[];
  invariants: InvariantStatus[];
}

const invariantChecks = (monthlyLimit: number): [string, (log: RecordedEvent[]) => Violation[]][] => [
  ['slotExclusivity', slotExclusivity],
  ['doubleSlotAtomicity', doubleSlotAtomicity],
  ['contiguousVersions', contiguousVersions],
  ['gaplessPositions', gaplessPositions],
  ['cancelledDayHasNoActiveBooking', cancelledDayHasNoActiveBooking],
  ['monthlyCap', (log) => monthlyCap(log, monthlyLimit).violations],
];

/** Pure: every invariant of the domain over a log, each holding or broken with its reasons. */
export function invariantStatuses(log: RecordedEvent[], monthlyLimit: number): InvariantStatus[] {
  return invariantChecks(monthlyLimit).map(([name, check]) => {
    const messages = check(log).map((v) => v.message);
    return { name, isHolding: messages.length === 0, isSettledOnly: name === 'monthlyCap', messages };
  });
}

/**
 * Pure: the outcome's scheduler trace as steps, each with the log so far and the invariants over it.
 * An event belongs to the step that appended it (`appendSteps`); setup events are there from the start.
 */
export function replaySteps(outcome: RaceOutcome, monthlyLimit: number): ReplayStep[] {
  const setup = outcome.log.slice(0, outcome.setupHead);
  const raceEvents = outcome.log.slice(outcome.setupHead);
  const stepOf = (event: RecordedEvent) => outcome.appendSteps[event.position] ?? Infinity;
  return outcome.trace.map((entry) => {
    const events = raceEvents.filter((e) => stepOf(e) <= entry.step);
    return {
      entry,
      events,
      newEvents: events.filter((e) => stepOf(e) === entry.step),
      invariants: invariantStatuses([...setup, ...events], monthlyLimit),
    };
  });
}

/** Pure: who a trace entry's owner is, in the story's words (`op-1` is operation 1, run by its actor). */
export function ownerLabel(owner: string, actors: readonly string[]): string {
  const operation = /^(?:clock\/)?op-(\d+)$/.exec(owner);
  if (!operation) return owner;
  const index = Number(operation[1]);
  return `${owner.startsWith('clock/') ? 'clock' : (actors[index] ?? owner)} · op ${index + 1}`;
}
