import type { RecordedEvent } from '../core/event.ts';
import type { CommandRecord, ExpectedVersion } from '../store/eventStore.ts';

/** Where a command lands: the user commands lane, or the lane of the saga that sent it. */
export type CommandLane = 'commands' | `saga:${string}`;

/** One conflict a command met: the other writer got there first. */
export interface ConflictMark {
  streamId: string;
  expectedVersion: ExpectedVersion;
  actualVersion: number;
  /** The first event the other writer appended past the expected version (null if not in the log). */
  winnerEventId: string | null;
}

/** A command on the timeline: accepted, rejected, and whether it met conflicts before its outcome. */
export interface CommandMark {
  id: string;
  seq: number;
  type: string;
  /** In global-position units: an accepted command sits over its first event, a rejection just after the head it saw. */
  x: number;
  lane: CommandLane;
  outcome: 'accepted' | 'rejected';
  conflicts: ConflictMark[];
  /** The event that triggered it (saga reactions), or null for user commands. */
  causeEventId: string | null;
  eventIds: string[];
  record: CommandRecord;
}

/** Everything the layout needs, computed once per log (linear in its size). */
export interface TimelineIndex {
  head: number;
  /** In global order: `events[p - 1].position === p`. */
  events: readonly RecordedEvent[];
  /** Ordered by x. */
  commands: CommandMark[];
  eventById: Map<string, RecordedEvent>;
  commandById: Map<string, CommandMark>;
  /** Commands a given event triggered (saga reactions), by event id. */
  reactionsByEvent: Map<string, string[]>;
  /** Stream groups (aggregate types) in first-seen order, each with its streams in first-seen order. */
  groups: { id: string; streamIds: string[] }[];
  groupOfStream: (streamId: string) => string;
  /** Saga names seen as command actors, in first-seen order. */
  sagaNames: string[];
}

/** Pure: the aggregate type of a stream: `doctorday-ana_2026-03-03` → `doctorday`, `practice` → `practice`. */
export const aggregateTypeOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

const versionNumber = (v: ExpectedVersion) => (v === 'no-stream' ? 0 : v === 'any' ? null : v);

/** Pure: indexes a log and its command records for drawing. Reads them, changes nothing. */
export function buildTimelineIndex(
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
  groupOfStream: (streamId: string) => string = aggregateTypeOf,
): TimelineIndex {
  const eventById = new Map<string, RecordedEvent>();
  const groups = new Map<string, string[]>();
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    eventById.set(event.id, event);
    let stream = streams.get(event.streamId);
    if (!stream) {
      stream = [];
      streams.set(event.streamId, stream);
      const group = groupOfStream(event.streamId);
      const members = groups.get(group) ?? [];
      members.push(event.streamId);
      groups.set(group, members);
    }
    stream.push(event);
  }

  const sagaNames: string[] = [];
  const reactionsByEvent = new Map<string, string[]>();
  const rejectionsAt = new Map<number, number>();
  const marks = commands.map((record): CommandMark => {
    const lane: CommandLane = record.actor?.startsWith('saga:') ? (record.actor as CommandLane) : 'commands';
    if (lane !== 'commands' && !sagaNames.includes(lane.slice(5))) sagaNames.push(lane.slice(5));
    const causeEventId = eventById.has(record.causationId) ? record.causationId : null;
    if (causeEventId)
      reactionsByEvent.set(causeEventId, [...(reactionsByEvent.get(causeEventId) ?? []), record.commandId]);
    const conflicts = record.attempts.map((attempt) => {
      const expected = versionNumber(attempt.expectedVersion);
      const winner = expected === null ? undefined : streams.get(attempt.streamId)?.[expected];
      return { ...attempt, winnerEventId: winner?.id ?? null };
    });
    const base = {
      id: record.commandId,
      seq: record.seq,
      type: record.type,
      lane,
      conflicts,
      causeEventId,
      record,
    };
    if (record.outcome.kind === 'accepted' && record.outcome.firstPosition !== null)
      return {
        ...base,
        x: record.outcome.firstPosition,
        outcome: 'accepted',
        eventIds: record.outcome.eventIds,
      };
    // Why an offset per rejection: several commands can be turned down at the same head.
    const stacked = rejectionsAt.get(record.headPosition) ?? 0;
    rejectionsAt.set(record.headPosition, stacked + 1);
    return {
      ...base,
      x: record.headPosition + 0.5 + Math.min(stacked, 3) * 0.12,
      outcome: record.outcome.kind,
      eventIds: [],
    };
  });
  marks.sort((a, b) => a.x - b.x || a.seq - b.seq);

  return {
    head: events.length,
    events,
    commands: marks,
    eventById,
    commandById: new Map(marks.map((m) => [m.id, m])),
    reactionsByEvent,
    groups: [...groups].map(([id, streamIds]) => ({ id, streamIds })),
    groupOfStream,
    sagaNames,
  };
}

/**
 * Pure: the whole causal chain of a mark (an event id or a command id): the commands and events that led to it
 * through `causationId`, and everything it led to (its events, the saga reactions they triggered, their events…).
 */
export function causalChain(index: TimelineIndex, markId: string): Set<string> {
  const chain = new Set<string>();
  const visit = (id: string, direction: 'up' | 'down') => {
    const command = index.commandById.get(id);
    const event = command ? undefined : index.eventById.get(id);
    if (!command && !event) return;
    chain.add(id);
    const next: string[] = [];
    if (command) {
      if (direction === 'up' && command.causeEventId) next.push(command.causeEventId);
      if (direction === 'down') next.push(...command.eventIds);
    } else if (event) {
      if (direction === 'up') next.push(event.metadata.commandId);
      if (direction === 'down') next.push(...(index.reactionsByEvent.get(event.id) ?? []));
    }
    for (const n of next) if (!chain.has(n)) visit(n, direction);
  };
  visit(markId, 'up');
  chain.delete(markId);
  visit(markId, 'down');
  // Why siblings: the command that led here appended other events too; they belong to the same story.
  for (const id of [...chain]) {
    const command = index.commandById.get(id);
    command?.eventIds.forEach((e) => chain.add(e));
  }
  return chain;
}
