import type { RecordedEvent } from '../../../core/event.ts';
import type { CommandRecord, ExpectedVersion } from '../../../store/eventStore.ts';

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

/**
 * Everything the layout needs. Kept up to date as the log grows (`extendTimelineIndex` costs what was appended,
 * not the log's length), so opening the timeline on a long log only lays out and draws.
 */
export interface TimelineIndex {
  head: number;
  /** In global order: `events[p - 1].position === p`. */
  events: readonly RecordedEvent[];
  /** Ordered by x. */
  commands: CommandMark[];
  /** How many command records (by `seq`) are indexed. */
  commandCount: number;
  eventById: Map<string, RecordedEvent>;
  commandById: Map<string, CommandMark>;
  /** Commands a given event triggered (saga reactions), by event id. */
  reactionsByEvent: Map<string, string[]>;
  /** Stream groups (aggregate types) in first-seen order, each with its streams in first-seen order. */
  groups: { id: string; streamIds: string[] }[];
  groupOfStream: (streamId: string) => string;
  /** Saga names seen as command actors, in first-seen order. */
  sagaNames: string[];
  /** Each stream's events in version order (for conflict winners). */
  streams: Map<string, RecordedEvent[]>;
  /** Rejections already stacked at each head position. */
  rejectionsAt: Map<number, number>;
  /**
   * Events per block of `BLOCK` positions (block b holds positions b·BLOCK … b·BLOCK + BLOCK − 1), per stream and
   * per stream group: the density view of a long log reads these instead of every event.
   */
  blocks: {
    streams: Map<string, number[]>;
    groups: Map<string, number[]>;
    groupOf: Map<string, string>;
    /** Command marks per block of x, per command lane. */
    commandLanes: Map<string, number[]>;
  };
  /** Bumped by every extension: a new index object with the same (grown) tables. */
  revision: number;
}

/** Positions per density block: at 100k events on a 1,100 px plot a block is under a pixel wide. */
export const BLOCK = 64;

const versionNumber = (v: ExpectedVersion) => (v === 'no-stream' ? 0 : v === 'any' ? null : v);

/** An empty index, to be extended as the log grows; streams are grouped in lanes by `groupOfStream` (the domain's `streamGroupOf`). */
export const emptyTimelineIndex = (groupOfStream: (streamId: string) => string): TimelineIndex => ({
  head: 0,
  events: [],
  commands: [],
  commandCount: 0,
  eventById: new Map(),
  commandById: new Map(),
  reactionsByEvent: new Map(),
  groups: [],
  groupOfStream,
  sagaNames: [],
  streams: new Map(),
  rejectionsAt: new Map(),
  blocks: { streams: new Map(), groups: new Map(), groupOf: new Map(), commandLanes: new Map() },
  revision: 0,
});

/** Whether `events` and `commands` continue what `index` holds (the same log, grown), rather than replace it. */
const continues = (
  index: TimelineIndex,
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
) =>
  events.length >= index.head &&
  commands.length >= index.commandCount &&
  (index.head === 0 || events[index.head - 1]?.id === index.events[index.head - 1]?.id) &&
  (index.commandCount === 0 || index.commandById.has(commands[index.commandCount - 1]?.commandId ?? ''));

/**
 * Indexes what `events` and `commands` hold beyond what `index` already has, and returns the grown index as a
 * new object (for change detection). Why mutation: the tables are shared with the previous object, so an
 * append costs what was appended; the previous object must not be used afterwards. A log that does not
 * continue the indexed one (reset, import, another tab's log) is indexed from scratch.
 */
export function extendTimelineIndex(
  index: TimelineIndex,
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
): TimelineIndex {
  if (!continues(index, events, commands))
    return extendTimelineIndex(emptyTimelineIndex(index.groupOfStream), events, commands);
  const { eventById, streams, groups, groupOfStream } = index;
  for (let p = index.head; p < events.length; p++) {
    const event = events[p];
    eventById.set(event.id, event);
    let stream = streams.get(event.streamId);
    if (!stream) {
      stream = [];
      streams.set(event.streamId, stream);
      const groupId = groupOfStream(event.streamId);
      index.blocks.groupOf.set(event.streamId, groupId);
      let group = groups.find((g) => g.id === groupId);
      if (!group) {
        group = { id: groupId, streamIds: [] };
        groups.push(group);
      }
      group.streamIds.push(event.streamId);
    }
    stream.push(event);
    countIn(index.blocks.streams, event.streamId, event.position);
    countIn(index.blocks.groups, index.blocks.groupOf.get(event.streamId)!, event.position);
  }
  // Why stop at a command past the events: its record can be read before the events it appended or reacted to;
  // it is indexed by the next extension, when its cause and its events are there to link to.
  let count = index.commandCount;
  while (count < commands.length && isCovered(commands[count], events.length))
    insertMark(index, markOf(index, commands[count++]));
  if (events.length === index.head && count === index.commandCount) return index;
  return { ...index, head: events.length, events, commandCount: count, revision: index.revision + 1 };
}

function countIn(blocks: Map<string, number[]>, key: string, position: number): void {
  const block = Math.floor(position / BLOCK);
  let row = blocks.get(key);
  if (!row) blocks.set(key, (row = []));
  // Why zeros pushed: a packed array of small integers stays fast to read; a holey one does not.
  while (row.length <= block) row.push(0);
  row[block]++;
}

const isCovered = (record: CommandRecord, head: number) =>
  record.headPosition <= head &&
  (record.outcome.kind !== 'accepted' || (record.outcome.lastPosition ?? 0) <= head);

/** Pure: indexes a whole log and its command records for drawing. Reads them, changes nothing. */
export const buildTimelineIndex = (
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
  groupOfStream: (streamId: string) => string,
): TimelineIndex => extendTimelineIndex(emptyTimelineIndex(groupOfStream), events, commands);

function markOf(index: TimelineIndex, record: CommandRecord): CommandMark {
  const lane: CommandLane = record.actor?.startsWith('saga:') ? (record.actor as CommandLane) : 'commands';
  if (lane !== 'commands' && !index.sagaNames.includes(lane.slice(5))) index.sagaNames.push(lane.slice(5));
  const causeEventId = index.eventById.has(record.causationId) ? record.causationId : null;
  if (causeEventId) {
    const reactions = index.reactionsByEvent.get(causeEventId);
    if (reactions) reactions.push(record.commandId);
    else index.reactionsByEvent.set(causeEventId, [record.commandId]);
  }
  const conflicts = record.attempts.map((attempt) => {
    const expected = versionNumber(attempt.expectedVersion);
    const winner = expected === null ? undefined : index.streams.get(attempt.streamId)?.[expected];
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
  const stacked = index.rejectionsAt.get(record.headPosition) ?? 0;
  index.rejectionsAt.set(record.headPosition, stacked + 1);
  return {
    ...base,
    x: record.headPosition + 0.5 + Math.min(stacked, 3) * 0.12,
    outcome: record.outcome.kind,
    eventIds: [],
  };
}

/** Keeps `commands` ordered by x, then seq: a binary search, so an append costs log n whatever the order. */
function insertMark(index: TimelineIndex, mark: CommandMark): void {
  const marks = index.commands;
  const before = (m: CommandMark) => m.x < mark.x || (m.x === mark.x && m.seq < mark.seq);
  let [lo, hi] = [0, marks.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(marks[mid])) lo = mid + 1;
    else hi = mid;
  }
  if (lo === marks.length) marks.push(mark);
  else marks.splice(lo, 0, mark);
  index.commandById.set(mark.id, mark);
  countIn(index.blocks.commandLanes, mark.lane, Math.floor(mark.x));
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

/** A mark's place in drawing order: by x, a command before the events at its x, commands by seq. */
type MarkKey = [x: number, kind: 0 | 1, seq: number];
const after = (a: MarkKey, b: MarkKey) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * Pure: the mark next to `id` in drawing order (left to right: events by position, commands by x, a command
 * before the events it appended), `direction` +1 or −1; with no `id`, the first or last mark. Null at either end.
 * Why: keyboard users select marks one by one, including rejected commands, which sit between events.
 */
export function adjacentMark(index: TimelineIndex, id: string | null, direction: 1 | -1): string | null {
  const event = id ? index.eventById.get(id) : undefined;
  const command = id ? index.commandById.get(id) : undefined;
  const current: MarkKey | null = event
    ? [event.position, 1, 0]
    : command
      ? [command.x, 0, command.seq]
      : null;
  const { commands, events } = index;
  let commandAt: number;
  let position: number;
  if (direction > 0) {
    if (!current) {
      commandAt = 0;
      position = 1;
    } else {
      commandAt = bisectCommands(commands, current[0]);
      while (commandAt < commands.length && after(keyOf(commands[commandAt]), current) <= 0) commandAt++;
      position = current[1] === 1 ? current[0] + 1 : Math.ceil(current[0]);
    }
  } else {
    if (!current) {
      commandAt = commands.length - 1;
      position = events.length;
    } else {
      commandAt = bisectCommands(commands, current[0] + 1) - 1;
      while (commandAt >= 0 && after(keyOf(commands[commandAt]), current) >= 0) commandAt--;
      position = current[1] === 1 ? current[0] - 1 : Math.ceil(current[0]) - 1;
    }
  }
  const nextCommand = commands[commandAt];
  const nextEvent = position >= 1 && position <= events.length ? events[position - 1] : undefined;
  if (!nextCommand) return nextEvent?.id ?? null;
  if (!nextEvent) return nextCommand.id;
  const order = after(keyOf(nextCommand), [nextEvent.position, 1, 0]);
  return (direction > 0 ? order < 0 : order > 0) ? nextCommand.id : nextEvent.id;
}

const keyOf = (mark: CommandMark): MarkKey => [mark.x, 0, mark.seq];

/** The first command whose x is at least `x`. */
function bisectCommands(commands: readonly CommandMark[], x: number): number {
  let [lo, hi] = [0, commands.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (commands[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
