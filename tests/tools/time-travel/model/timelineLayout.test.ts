import { beforeAll, describe, expect, it } from 'vitest';
import { zoomIdentity } from 'd3-zoom';
import { createDomainRuntime as createSandbox } from '../../../../src/domains/index.ts';
import { type Runtime as Sandbox } from '../../../../src/runtime/index.ts';
import { createDeterministicScheduler } from '../../../../src/core/scheduler/deterministicScheduler.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  slotTimes,
} from '../../../../src/domains/scheduling/builders.ts';
import type { RecordedEvent } from '../../../../src/core/event.ts';
import type { CommandRecord } from '../../../../src/store/eventStore.ts';
import { causalLog, conflictLog } from '../../../fixtures/sampleLogs.ts';
import {
  buildTimelineIndex,
  causalChain,
  type TimelineIndex,
} from '../../../../src/tools/time-travel/model/timelineIndex.ts';
import {
  defaultCollapsed,
  layoutLanes,
  layoutTimeline,
  positionScale,
} from '../../../../src/tools/time-travel/model/timelineLayout.ts';
import { scheduling } from '../../../../src/domains/index.ts';

/** The doctor practice's lanes: its streams grouped as the domain groups them. */
const groupOf = (streamId: string) => scheduling.streamGroupOf(streamId);

const WIDTH = 1000;
const progress = (sandbox: Sandbox) => ({
  projections: sandbox.projections().map(({ name, checkpoint }) => ({ name, checkpoint })),
  sagas: sandbox.sagas().map(({ name, checkpoint }) => ({ name, checkpoint })),
});

async function indexOf(sandbox: Sandbox): Promise<TimelineIndex> {
  return buildTimelineIndex(await sandbox.events(), await sandbox.commands(), groupOf);
}

describe('the timeline layout', () => {
  describe('for a log with saga chains', () => {
    let sandbox: Sandbox;
    let index: TimelineIndex;
    beforeAll(async () => {
      sandbox = await causalLog();
      index = await indexOf(sandbox);
    });

    it('groups streams by aggregate type, one lane per stream, then projections and sagas', () => {
      const lanes = layoutLanes(index, { ...progress(sandbox), collapsed: new Set() });
      expect(index.groups.map((g) => g.id)).toEqual(['practice', 'patient', 'doctorday', 'mailbox']);
      expect(lanes[0].id).toBe('commands');
      expect(lanes.filter((l) => l.kind === 'stream')).toHaveLength(
        index.groups.flatMap((g) => g.streamIds).length,
      );
      expect(lanes.filter((l) => l.kind === 'projection').map((l) => l.label)).toEqual(
        sandbox.projections().map((p) => p.name),
      );
      expect(lanes.filter((l) => l.kind === 'saga').map((l) => l.label)).toEqual([
        'overbooking',
        'dayCancellationNotifier',
      ]);
      lanes.slice(1).forEach((lane, i) => expect(lane.y).toBe(lanes[i].y + lanes[i].height));
    });

    it('folds a collapsed group into one lane holding all its streams’ events', () => {
      const lanes = layoutLanes(index, { ...progress(sandbox), collapsed: new Set(['doctorday']) });
      expect(lanes.some((l) => l.id.startsWith('stream:doctorday-'))).toBe(false);
      const layout = layoutTimeline(index, {
        lanes,
        x: positionScale(index.head, WIDTH),
        width: WIDTH,
        ...progress(sandbox),
      });
      const group = lanes.find((l) => l.id === 'group:doctorday')!;
      const onDays = layout.events.filter((e) => e.streamId.startsWith('doctorday-'));
      expect(onDays.length).toBeGreaterThan(0);
      onDays.forEach((e) => expect(e.y).toBe(group.y + group.height / 2));
    });

    it('puts saga reactions on their saga’s lane and links them to the event that triggered them', () => {
      const lanes = layoutLanes(index, { ...progress(sandbox), collapsed: new Set() });
      const layout = layoutTimeline(index, {
        lanes,
        x: positionScale(index.head, WIDTH),
        width: WIDTH,
        ...progress(sandbox),
      });
      const reactions = layout.commands.filter((c) => c.mark.lane === 'saga:overbooking');
      expect(reactions.map((c) => c.type)).toEqual(
        expect.arrayContaining(['CancelSlotBooking', 'NotifyPatient']),
      );
      for (const reaction of reactions)
        expect(layout.edges).toContainEqual(expect.objectContaining({ kind: 'triggers', to: reaction.id }));
      expect(layout.mode).toBe('marks');
      expect(layout.events).toHaveLength(index.head);
      expect(layout.edges.filter((e) => e.kind === 'emits')).toHaveLength(index.head);
    });

    it('gives the whole causal chain of a compensation: the booking, the saga’s cancel, the email', () => {
      const compensation = index.events.find(
        (e) => e.type === 'SlotBookingCancelled' && (e.data as { reason: string }).reason === 'overbooking',
      )!;
      const chain = causalChain(index, compensation.id);
      const types = [...chain].map((id) => index.commandById.get(id)?.type ?? index.eventById.get(id)!.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'BookDoubleSlot',
          'SlotBooked',
          'CancelSlotBooking',
          'NotifyPatient',
          'PatientNotified',
        ]),
      );
      expect(types).not.toContain('DayScheduled');
      const booking = index.commandById.get(
        index.eventById.get(compensation.metadata.causationId)!.metadata.commandId,
      )!;
      expect(booking.type).toBe('BookDoubleSlot');
      expect(causalChain(index, booking.id)).toContain(compensation.id);
    });

    it('draws the checkpoint of each projection and saga, with the lag to the head', () => {
      const lanes = layoutLanes(index, { projections: [{ name: 'doctorDays', checkpoint: 10 }], sagas: [] });
      const x = positionScale(index.head, WIDTH);
      const layout = layoutTimeline(index, {
        lanes,
        x,
        width: WIDTH,
        projections: [{ name: 'doctorDays', checkpoint: 10 }],
        sagas: [],
      });
      expect(layout.checkpoints).toEqual([
        {
          laneId: 'projection:doctorDays',
          checkpoint: 10,
          x: x(10.5),
          lagWidth: x(index.head + 0.5) - x(10.5),
          lagHistory: '',
          maxLag: 0,
        },
      ]);
    });

    it('produces only the marks inside the visible window when zoomed in', () => {
      const lanes = layoutLanes(index, { ...progress(sandbox), collapsed: new Set() });
      const x = zoomIdentity.translate(-400, 0).scale(3).rescaleX(positionScale(index.head, WIDTH));
      const layout = layoutTimeline(index, { lanes, x, width: WIDTH, ...progress(sandbox) });
      expect(layout.events.length).toBeGreaterThan(0);
      expect(layout.events.length).toBeLessThan(index.head);
      expect(layout.events.map((e) => e.position)).toEqual(
        index.events.map((e) => e.position).filter((p) => x(p) >= 0 && x(p) <= WIDTH),
      );
      layout.commands.forEach((c) => expect(c.x).toBeGreaterThanOrEqual(0));
      layout.commands.forEach((c) => expect(c.x).toBeLessThanOrEqual(WIDTH));
    });
  });

  describe('for concurrent writers', () => {
    it('marks the retried command and names both writers with the expected and actual versions', async () => {
      const sandbox = await conflictLog();
      const index = await indexOf(sandbox);
      const retried = index.commands.filter((c) => c.conflicts.length > 0);
      expect(retried.length).toBeGreaterThan(0);
      const lanes = layoutLanes(index, { ...progress(sandbox), collapsed: new Set() });
      const layout = layoutTimeline(index, {
        lanes,
        x: positionScale(index.head, WIDTH),
        width: WIDTH,
        ...progress(sandbox),
      });
      const conflicts = layout.edges.filter((e) => e.kind === 'conflict');
      expect(conflicts.length).toBeGreaterThan(0);
      for (const edge of conflicts) {
        const winner = index.eventById.get(edge.from)!;
        const loser = index.commandById.get(edge.to)!;
        expect(winner.metadata.commandId).not.toBe(loser.id);
        expect(edge.label).toMatch(/^expected v\d+ · actual v\d+$/);
      }
    });
  });

  describe('for a log of 100,000 events', () => {
    const big = syntheticLog(100_000);
    const index = buildTimelineIndex(big.events, big.commands, groupOf);
    const lanes = layoutLanes(index, { projections: [], sagas: [] });

    it('collapses the big groups and draws density paths, one per lane, instead of 100k marks', () => {
      expect(defaultCollapsed(index)).toContain('doctorday');
      const layout = layoutTimeline(index, {
        lanes,
        x: positionScale(index.head, WIDTH),
        width: WIDTH,
        projections: [],
        sagas: [],
      });
      expect(layout.mode).toBe('density');
      expect(layout.events).toHaveLength(0);
      expect(layout.density.map((d) => d.laneId).sort()).toEqual([
        'commands',
        'group:doctorday',
        'group:patient',
      ]);
    });

    it('reads density blocks zoomed out, yet puts each lane’s bars where its events are (within a bin)', () => {
      // A log whose patient events sit in two narrow bursts: bars anywhere else would be wrong.
      const events = big.events.map((event, i) => {
        const isBurst = (i >= 40_000 && i < 40_300) || (i >= 77_700 && i < 77_710);
        return { ...event, streamId: isBurst ? `patient-p${i % 3}` : `doctorday-d${i % 50}` };
      });
      const skewed = buildTimelineIndex(events, [], groupOf);
      const skewedLanes = layoutLanes(skewed, { projections: [], sagas: [] });
      const x = zoomIdentity.translate(-123, 0).scale(1.3).rescaleX(positionScale(skewed.head, WIDTH));
      const layout = layoutTimeline(skewed, {
        lanes: skewedLanes,
        x,
        width: WIDTH,
        projections: [],
        sagas: [],
      });
      const binOf = (px: number) => Math.floor(px / 3);
      const near = (set: Set<number>, b: number) => set.has(b) || set.has(b - 1) || set.has(b + 1);
      for (const lane of skewedLanes.filter((l) => l.kind === 'stream' || l.isCollapsed)) {
        // The oracle: each visible event's own bin.
        const expected = new Set<number>();
        for (let p = layout.from; p <= layout.to; p++) {
          const streamId = events[p - 1].streamId;
          const laneId = skewedLanes.some((l) => l.id === `stream:${streamId}`)
            ? `stream:${streamId}`
            : `group:${skewed.groupOfStream(streamId)}`;
          if (laneId === lane.id) expected.add(binOf(x(p)));
        }
        const path = layout.density.find((d) => d.laneId === lane.id)?.path ?? '';
        const drawn = new Set([...path.matchAll(/M([\d.]+),/g)].map((m) => binOf(Number(m[1]) + 0.1)));
        expect(
          [...expected].filter((b) => !near(drawn, b)),
          lane.id,
        ).toEqual([]);
        expect(
          [...drawn].filter((b) => !near(expected, b)),
          lane.id,
        ).toEqual([]);
      }
      expect(skewedLanes.map((l) => l.id)).toContain('stream:patient-p0');
    });

    it('still draws the highlighted chain as marks in density mode', () => {
      const chain = causalChain(index, big.events[50_000].id);
      const layout = layoutTimeline(index, {
        lanes,
        x: positionScale(index.head, WIDTH),
        width: WIDTH,
        projections: [],
        sagas: [],
        highlighted: chain,
      });
      expect(layout.events.length + layout.commands.length).toBe(chain.size);
    });

    it('draws individual marks once zoomed in to a few hundred positions', () => {
      const x = zoomIdentity
        .translate(-WIDTH * 400, 0)
        .scale(500)
        .rescaleX(positionScale(index.head, WIDTH));
      const layout = layoutTimeline(index, { lanes, x, width: WIDTH, projections: [], sagas: [] });
      expect(layout.mode).toBe('marks');
      expect(layout.visibleEvents).toBeLessThan(300);
      expect(layout.events[0].position).toBe(layout.from);
    });
  });
});

/** A synthetic log (pure layout test): one command per two events across 500 day streams. */
function syntheticLog(count: number): { events: RecordedEvent[]; commands: CommandRecord[] } {
  const events: RecordedEvent[] = [];
  const commands: CommandRecord[] = [];
  const versions = new Map<string, number>();
  for (let p = 1; p <= count; p += 2) {
    const commandId = `cmd-${p}`;
    const streamId = p % 7 === 0 ? `patient-${p % 50}` : `doctorday-d${p % 500}`;
    const ids: string[] = [];
    for (const q of [p, p + 1].filter((q) => q <= count)) {
      const version = (versions.get(streamId) ?? 0) + 1;
      versions.set(streamId, version);
      ids.push(`evt-${q}`);
      events.push({
        id: `evt-${q}`,
        position: q,
        streamId,
        version,
        type: 'SlotBooked',
        data: {},
        metadata: {
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt: '2026-03-02T08:00',
        },
      });
    }
    commands.push({
      seq: commands.length + 1,
      commandId,
      type: 'BookSlot',
      data: {},
      correlationId: commandId,
      causationId: commandId,
      issuedAt: '2026-03-02T08:00',
      outcome: { kind: 'accepted', eventIds: ids, firstPosition: p, lastPosition: p + ids.length - 1 },
      attempts: [],
      headPosition: p + ids.length - 1,
    });
  }
  return { events, commands };
}

describe('the sample logs', () => {
  it('never reuse an id across the sandboxes that wrote one log', async () => {
    const sandbox = await conflictLog();
    const ids = [
      ...(await sandbox.events()).map((e) => e.id),
      ...(await sandbox.commands()).map((c) => c.commandId),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('projection and saga lanes over recorded progress', () => {
  it('place the checkpoint as of the viewed position and draw the lag the subscriber had as the log grew', async () => {
    const sandbox = createSandbox({ scheduler: createDeterministicScheduler() });
    const { anaSilva, tomBaker, mariaLopez } = people;
    const date = '2026-03-03';
    for (const command of [
      registerDoctor(anaSilva),
      registerPatient(tomBaker),
      registerPatient(mariaLopez),
      scheduleDay({ ...anaSilva, date, slots: slotTimes('09:00', 2).map((startTime) => ({ startTime })) }),
    ]) {
      await sandbox.dispatch(command);
      await sandbox.settle();
    }
    const before = sandbox.head();
    // Dispatched together: both append before the read side is delivered anything, so when the second
    // booking came in the first was not applied yet (a backlog of one).
    await Promise.all(
      [tomBaker, mariaLopez].map((p, i) =>
        sandbox.dispatch(bookSlot({ ...anaSilva, ...p, date, startTime: slotTimes('09:00', 2)[i] })),
      ),
    );
    await sandbox.settle();
    const index = await indexOf(sandbox);
    const projections = sandbox.projections().map(({ name, checkpoint }) => ({
      name,
      checkpoint,
      history: sandbox.progressHistory(`projection:${name}`),
    }));
    const lanes = layoutLanes(index, { projections, sagas: [] });
    const x = positionScale(index.head, WIDTH);
    const doctorDays = (lagUntil?: number) =>
      layoutTimeline(index, { lanes, x, width: WIDTH, projections, sagas: [], lagUntil }).checkpoints.find(
        (c) => c.laneId === 'projection:doctorDays',
      )!;

    const live = doctorDays();
    expect(live).toMatchObject({ checkpoint: index.head, lagWidth: 0, maxLag: 1 });
    expect(live.lagHistory.match(/M/g)).toHaveLength(1);
    // Viewing the log as it was after the first booking: the projection was still where the race began.
    const past = doctorDays(before + 1);
    expect(past.checkpoint).toBe(before);
    expect(past.lagWidth).toBeCloseTo(x(before + 1.5) - x(before + 0.5));
    // Without history the lane falls back to the live checkpoint, capped at the viewed position.
    const plain = layoutTimeline(index, {
      lanes,
      x,
      width: WIDTH,
      projections: projections.map(({ name, checkpoint }) => ({ name, checkpoint })),
      sagas: [],
      lagUntil: before + 1,
    }).checkpoints.find((c) => c.laneId === 'projection:doctorDays')!;
    expect(plain).toMatchObject({ checkpoint: before + 1, lagHistory: '', maxLag: 0 });
  });
});
