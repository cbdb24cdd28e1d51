import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../../src/core/event.ts';
import type { CommandRecord } from '../../../../src/store/eventStore.ts';
import { causalLog, conflictLog } from '../../../fixtures/sampleLogs.ts';
import {
  adjacentMark,
  BLOCK,
  buildTimelineIndex,
  emptyTimelineIndex,
  extendTimelineIndex,
  type TimelineIndex,
} from '../../../../src/tools/time-travel/model/timelineIndex.ts';
import { scheduling } from '../../../../src/domains/index.ts';

/** The doctor practice's lanes: its streams grouped as the domain groups them. */
const groupOf = (streamId: string) => scheduling.streamGroupOf(streamId);

type Log = { events: RecordedEvent[]; commands: CommandRecord[] };

/** What the layout reads of an index, as plain data. */
const shape = (index: TimelineIndex) => ({
  head: index.head,
  events: index.events.map((e) => e.id),
  commands: index.commands.map(({ id, x, lane, outcome, causeEventId, eventIds, conflicts }) => ({
    id,
    x,
    lane,
    outcome,
    causeEventId,
    eventIds,
    conflicts,
  })),
  reactions: [...index.reactionsByEvent].sort(),
  groups: index.groups,
  sagaNames: index.sagaNames,
});

/** The log as the app sees it while it grows: the first `e` events and the commands recorded by then. */
const prefix = (log: Log, e: number, c: number): Log => ({
  events: log.events.slice(0, e),
  commands: log.commands.slice(0, c),
});

describe('the timeline index kept up to date as the log grows', () => {
  const logs: Record<string, Log> = {};
  beforeAll(async () => {
    for (const [name, make] of [
      ['causal', causalLog],
      ['conflict', conflictLog],
    ] as const) {
      const sandbox = await make();
      logs[name] = { events: await sandbox.events(), commands: await sandbox.commands() };
    }
  });

  it.each(['causal', 'conflict'])(
    'extending it in any steps gives the index built at once (%s log)',
    (name) => {
      const log = logs[name];
      const whole = shape(buildTimelineIndex(log.events, log.commands, groupOf));
      expect(whole.commands.length).toBe(log.commands.length);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(log.events.length), fc.nat(log.commands.length)), { maxLength: 8 }),
          (cuts) => {
            // Why sorted: the app reads a growing log; events and commands grow independently.
            const es = cuts.map(([e]) => e).sort((a, b) => a - b);
            const cs = cuts.map(([, c]) => c).sort((a, b) => a - b);
            let index = emptyTimelineIndex(groupOf);
            es.forEach((e, i) => {
              const grown = prefix(log, e, cs[i]);
              index = extendTimelineIndex(index, grown.events, grown.commands);
            });
            index = extendTimelineIndex(index, log.events, log.commands);
            expect(shape(index)).toEqual(whole);
            const order = index.commands.map((m) => [m.x, m.seq]);
            expect(order).toEqual([...order].sort(([x1, s1], [x2, s2]) => x1 - x2 || s1 - s2));
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it('keeps marks in x order when command records arrive out of it', () => {
    const log = logs.conflict;
    // Why reversed: records are written when outcomes are known, which need not follow log order.
    const reversed = [...log.commands].reverse().map((record, i) => ({ ...record, seq: i + 1 }));
    const index = buildTimelineIndex(log.events, reversed, groupOf);
    const xs = index.commands.map((m) => m.x);
    expect(new Set(xs).size).toBeGreaterThan(3);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('waits for a command’s events before drawing it, then links it to its cause', () => {
    const log = logs.causal;
    const reaction = log.commands.find((c) => c.actor?.startsWith('saga:'))!;
    expect(reaction.outcome.kind).toBe('accepted');
    const cause = log.events.find((e) => e.id === reaction.causationId)!;
    // The command record is read, but the log read just before ends before the reaction's events.
    const early = extendTimelineIndex(
      emptyTimelineIndex(groupOf),
      log.events.slice(0, cause.position),
      log.commands.slice(0, reaction.seq),
    );
    expect(early.commandById.has(reaction.commandId)).toBe(false);
    const later = extendTimelineIndex(early, log.events, log.commands);
    expect(later.commandById.get(reaction.commandId)?.causeEventId).toBe(cause.id);
    expect(later.reactionsByEvent.get(cause.id)).toContain(reaction.commandId);
  });

  it('returns the same index when nothing was appended, and a new one when something was', () => {
    const log = logs.causal;
    const index = buildTimelineIndex(log.events, log.commands, groupOf);
    expect(extendTimelineIndex(index, log.events, log.commands)).toBe(index);
    const shorter = buildTimelineIndex(log.events.slice(0, 5), [], groupOf);
    const grown = extendTimelineIndex(shorter, log.events.slice(0, 6), []);
    expect(grown).not.toBe(shorter);
    expect(grown.revision).toBe(shorter.revision + 1);
  });

  it('indexes a log that does not continue the indexed one (reset, import) from scratch', () => {
    const [causal, conflict] = [logs.causal, logs.conflict];
    const index = buildTimelineIndex(causal.events, causal.commands, groupOf);
    const replaced = extendTimelineIndex(index, conflict.events, conflict.commands);
    expect(shape(replaced)).toEqual(shape(buildTimelineIndex(conflict.events, conflict.commands, groupOf)));
    const reset = extendTimelineIndex(buildTimelineIndex(causal.events, causal.commands, groupOf), [], []);
    expect(shape(reset)).toEqual(shape(emptyTimelineIndex(groupOf)));
  });
});

describe('the density blocks', () => {
  it('count each stream’s and each group’s events per block of positions, as the log grows', async () => {
    const sandbox = await causalLog();
    const events = await sandbox.events();
    let index = emptyTimelineIndex(groupOf);
    for (let e = 0; e <= events.length; e += 7) index = extendTimelineIndex(index, events.slice(0, e), []);
    index = extendTimelineIndex(index, events, []);
    for (const [key, rows, keyOf] of [
      ['stream', index.blocks.streams, (e: RecordedEvent) => e.streamId],
      ['group', index.blocks.groups, (e: RecordedEvent) => index.groupOfStream(e.streamId)],
    ] as const) {
      const expected = new Map<string, number[]>();
      for (const event of events) {
        const row = expected.get(keyOf(event)) ?? [];
        const block = Math.floor(event.position / BLOCK);
        while (row.length <= block) row.push(0);
        row[block]++;
        expected.set(keyOf(event), row);
      }
      expect(new Map(rows), key).toEqual(expected);
    }
  });

  it('count command marks per block of x, per command lane', async () => {
    const sandbox = await causalLog();
    const index = buildTimelineIndex(await sandbox.events(), await sandbox.commands(), groupOf);
    const expected = new Map<string, number[]>();
    for (const mark of index.commands) {
      const row = expected.get(mark.lane) ?? [];
      const block = Math.floor(Math.floor(mark.x) / BLOCK);
      while (row.length <= block) row.push(0);
      row[block]++;
      expected.set(mark.lane, row);
    }
    expect(expected.size).toBeGreaterThan(1);
    expect(new Map(index.blocks.commandLanes)).toEqual(expected);
  });
});

describe('stepping through marks with the keyboard', () => {
  it.each([
    ['causal', causalLog],
    ['conflict', conflictLog],
  ] as const)(
    'visits every event and command once, in drawing order, both ways (%s log)',
    async (_, make) => {
      const sandbox = await make();
      const index = buildTimelineIndex(await sandbox.events(), await sandbox.commands(), groupOf);
      // The oracle: all marks sorted by x, a command before the events at its x, commands by seq.
      const expected = [
        ...index.events.map((e) => ({ id: e.id, key: [e.position, 1, 0] })),
        ...index.commands.map((c) => ({ id: c.id, key: [c.x, 0, c.seq] })),
      ]
        .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
        .map((m) => m.id);
      expect(
        index.commands.some(
          (c) => c.outcome === 'rejected' || c.lane !== 'commands' || c.conflicts.length > 0,
        ),
      ).toBe(true);
      const walk = (direction: 1 | -1) => {
        const seen: string[] = [];
        for (let id = adjacentMark(index, null, direction); id; id = adjacentMark(index, id, direction)) {
          seen.push(id);
          if (seen.length > expected.length) break;
        }
        return seen;
      };
      expect(walk(1)).toEqual(expected);
      expect(walk(-1)).toEqual([...expected].reverse());
    },
  );
});
