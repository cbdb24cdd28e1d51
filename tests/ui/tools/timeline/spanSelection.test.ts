import { beforeAll, describe, expect, it } from 'vitest';
import { spanTestSource } from '../../../../src/tools/span-export/spanTestSource.ts';
import { chainSpan, testPreview } from '../../../../src/ui/tools/timeline/spanSelection.ts';
import {
  buildTimelineIndex,
  type TimelineIndex,
} from '../../../../src/tools/time-travel/model/timelineIndex.ts';
import { causalLog, smallLog } from '../../../fixtures/sampleLogs.ts';
import { type Runtime as Sandbox } from '../../../../src/runtime/index.ts';
import { scheduling } from '../../../../src/domains/index.ts';

/** The doctor practice's lanes: its streams grouped as the domain groups them. */
const groupOf = (streamId: string) => scheduling.streamGroupOf(streamId);

async function indexOf(build: () => Promise<Sandbox>): Promise<TimelineIndex> {
  const sandbox = await build();
  const index = buildTimelineIndex(await sandbox.events(), await sandbox.commands(), groupOf);
  sandbox.close();
  return index;
}

let causal: TimelineIndex;
let small: TimelineIndex;
beforeAll(async () => {
  causal = await indexOf(causalLog);
  small = await indexOf(smallLog);
});

describe('chainSpan', () => {
  it('spans a double booking, the saga’s cancellations and the notifications they caused', () => {
    const doubleBooking = causal.commands.find((c) => c.type === 'BookDoubleSlot')!;
    expect(chainSpan(causal, doubleBooking.id)).toEqual([19, 24]);
  });

  it('spans a rejection by the head it saw', () => {
    const rejected = small.commands.find((c) => c.outcome === 'rejected')!;
    expect(chainSpan(small, rejected.id)).toEqual([12, 12]);
  });

  it('is null for a mark the log does not hold', () => {
    expect(chainSpan(causal, 'cmd-unknown')).toBeNull();
  });
});

describe('testPreview', () => {
  it('folds the log into one line and keeps the tests', () => {
    const source = spanTestSource(
      scheduling,
      [...small.events],
      small.commands.map((c) => c.record),
      12,
      13,
    );
    if (source.kind !== 'source') throw new Error(source.reason);
    const preview = testPreview(source.text, 1_000);
    expect(preview).toContain('  /* … 13 events, one a line … */\n];');
    expect(preview).not.toContain('/* #1 */');
    expect(preview).toContain('it("after #12 Maria Lopez: BookSlot is rejected with SlotAlreadyBooked"');
  });

  it('says how many lines it left out', () => {
    expect(testPreview('a\nb\nc\nd', 2)).toBe('a\nb\n… 2 more lines');
  });
});
