import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../src/core/event.ts';
import { scheduling } from '../../../src/domains/index.ts';
import { createRuntime, type Runtime as Sandbox } from '../../../src/runtime/index.ts';
import {
  SPAN_EXPORT_MAX_EVENTS,
  spanTestSource as spanTestSourceOf,
} from '../../../src/tools/span-export/spanTestSource.ts';
import type { CommandRecord } from '../../../src/store/eventStore.ts';
import { causalLog, conflictLog, smallLog } from '../../fixtures/sampleLogs.ts';
import { tally } from '../../fixtures/tallyDomain.ts';

/** The export of a scheduling log recorded under `monthlyLimit`. */
const spanTestSource = (
  events: readonly RecordedEvent[],
  commands: readonly CommandRecord[],
  from: number,
  to: number,
  options: { monthlyLimit: number; root?: string },
) =>
  spanTestSourceOf(scheduling.configure({ monthlyLimit: options.monthlyLimit }), events, commands, from, to, {
    root: options.root,
  });

interface Log {
  events: RecordedEvent[];
  commands: CommandRecord[];
  monthlyLimit: number;
}

async function logOf(build: () => Promise<Sandbox>, monthlyLimit: number): Promise<Log> {
  const sandbox = await build();
  const log = { events: await sandbox.events(), commands: await sandbox.commands(), monthlyLimit };
  sandbox.close();
  return log;
}

const positionOf = (log: Log, type: string, where: (data: Record<string, unknown>) => boolean) =>
  log.events.find((e) => e.type === type && where(e.data as Record<string, unknown>))!.position;

/** The same log with one event's data changed: what a corrupted or hand-edited log looks like. */
const corrupted = (log: Log, position: number, data: Record<string, unknown>): Log => ({
  ...log,
  events: log.events.map((e) =>
    e.position === position ? { ...e, data: { ...(e.data as object), ...data } } : e,
  ),
});

function source(log: Log, from: number, to: number, root?: string): string {
  const result = spanTestSource(log.events, log.commands, from, to, { monthlyLimit: log.monthlyLimit, root });
  if (result.kind !== 'source') throw new Error(result.reason);
  return result.text;
}

let small: Log;
let causal: Log;
let conflict: Log;
beforeAll(async () => {
  small = await logOf(smallLog, 10);
  causal = await logOf(causalLog, 2);
  conflict = await logOf(conflictLog, 10);
});

describe('spanTestSource', () => {
  describe('when the span holds a rejection', () => {
    it('decides it against the log up to the head it saw and expects the rule it broke', () => {
      const rejected = small.commands.find((c) => c.outcome.kind === 'rejected')!;
      const text = source(small, rejected.headPosition, small.events.length);
      expect(text).toContain(
        `it("after #${rejected.headPosition} Maria Lopez: BookSlot is rejected with SlotAlreadyBooked"`,
      );
      expect(text).toContain(`given(logUpTo(${rejected.headPosition}))`);
      expect(text).toContain('.thenRejects("SlotAlreadyBooked");');
    });

    it('gives the events before the span, one line each, with their streams and ids', () => {
      const text = source(small, 12, 13);
      expect(text).toContain(
        '  /* #1 */ {"id":"evt-1","streamId":"practice","type":"DoctorRegistered","data":{"doctorId":"ana-silva",',
      );
      expect(text.match(/^ {2}\/\* #\d+ \*\/ \{/gm)).toHaveLength(13);
    });
  });

  describe('when the span holds a saga reaction', () => {
    it('checks the reaction to its trigger and the reaction’s own decision, under the recorded monthly limit', () => {
      const trigger = positionOf(causal, 'SlotBooked', (d) => d.pairedSlotId !== undefined);
      const text = source(causal, trigger, trigger + 3);
      expect(text).toContain('const domainName = "scheduling";');
      expect(text).toContain('const domain = builtIn.configure({"monthlyLimit":2});');
      expect(text).toContain(
        `.whenEvent(log[${trigger - 1}], { saga: "overbooking", now: "2026-03-02T08:00" })`,
      );
      expect(text).toContain(
        `"#${trigger + 2} the overbooking saga: CancelSlotBooking appends SlotBookingCancelled"`,
      );
    });
  });

  describe('when the span holds a conflict, then a retry', () => {
    it('says so above the step and gives the log its last decision saw', () => {
      const retried = conflict.commands.find((c) => c.attempts.length > 0 && c.outcome.kind === 'accepted')!;
      const text = source(conflict, 12, conflict.events.length);
      expect(text).toContain(
        '    await annotate("A conflict first: it expected doctorday-ana-silva_2026-03-03 at v5, another writer had taken it to v6;',
      );
      expect(text).toContain(`given(logUpTo(${retried.headPosition - 1}))`);
    });
  });

  describe('when the command log misses the commands of some events', () => {
    it('names those events in a comment instead of skipping them silently', () => {
      // Only the rejection is left: the bookings at #12 and #13 lost their records.
      const partial = small.commands.filter((c) => c.outcome.kind === 'rejected');
      const result = spanTestSource(small.events, partial, 12, 13, { monthlyLimit: 10 });
      expect(result.kind).toBe('source');
      if (result.kind !== 'source') return;
      expect(result.notes).toEqual([
        '#12–13 (SlotBooked) have no command record: the command log does not hold the command that appended ' +
          'them (an imported log, or records lost), so nothing says what was decided.',
      ]);
      expect(result.text).toContain('  it.todo("Not checked: #12–13 (SlotBooked) have no command record');
      expect(result.tests).toBe(1);
    });

    it('refuses a span where no command’s outcome falls, and says why', () => {
      const result = spanTestSource(small.events, [], 1, 3, { monthlyLimit: 10 });
      expect(result).toEqual({
        kind: 'refused',
        reason: expect.stringMatching(
          /^No command's outcome falls in #1–3.*#1–3 \(DoctorRegistered, PatientRegistered\)/,
        ),
      });
    });
  });

  describe('when the span starts inside a command’s events', () => {
    it('says which command to widen the span to', () => {
      const result = spanTestSource(small.events, small.commands, 9, small.events.length, {
        monthlyLimit: 10,
      });
      expect(result.kind === 'source' && result.notes).toEqual([
        '#9–11 were appended by ScheduleDay (Dr Ana Silva), whose first event comes before the span; widen it to #7 to check them.',
      ]);
    });
  });

  describe('when the span is not a span of this log', () => {
    it.each([
      [0, 3],
      [5, 4],
      [1, 99],
      [1.5, 3],
    ])('refuses %s–%s', (from, to) => {
      expect(spanTestSource(small.events, small.commands, from, to, { monthlyLimit: 10 })).toEqual({
        kind: 'refused',
        reason: `A span runs from a position to a later one, both between 1 and 13 (got ${from}–${to}).`,
      });
    });

    it('refuses an empty log', () => {
      expect(spanTestSource([], [], 1, 1, { monthlyLimit: 10 }).kind).toBe('refused');
    });
  });

  describe('of another domain', () => {
    it('replays its decisions and its sagas’ reactions, and tells its rules from the runtime’s outcomes', async () => {
      const sandbox = createRuntime(tally.configure({ ringEvery: 2 }));
      for (const by of [2, 3, -9]) await sandbox.dispatch({ type: 'Count', data: { counterId: 'a', by } });
      await sandbox.settle();
      const events = await sandbox.events();
      const commands = await sandbox.commands();
      sandbox.close();
      const result = spanTestSourceOf(tally.configure({ ringEvery: 2 }), events, commands, 1, events.length);
      if (result.kind !== 'source') throw new Error(result.reason);
      expect(result.text).toContain('const domainName = "tally";');
      expect(result.text).toContain('const domain = builtIn.configure({"ringEvery":2});');
      expect(result.text).toContain('.thenRejects("BelowZero");');
      expect(result.text).toContain('#2 the bell saga reacts to Counted with Ring');
      expect(result.notes).toEqual([]);
    });
  });

  describe(`when the span ends past #${SPAN_EXPORT_MAX_EVENTS}`, () => {
    it('refuses with the size and the limit instead of writing an unreadable file', () => {
      const long = Array.from({ length: SPAN_EXPORT_MAX_EVENTS + 1 }, (_, i) => ({
        ...small.events[i % small.events.length],
        position: i + 1,
      }));
      const result = spanTestSource(long, small.commands, 4_990, 5_001, { monthlyLimit: 10 });
      expect(result).toEqual({
        kind: 'refused',
        reason:
          'This span ends at #5001, so its test would carry 5,001 events of log; a test file stays readable up to ' +
          '5,000. Pick a span that ends by #5,000, or export the log file instead.',
      });
    });
  });
});

interface JsonReport {
  testResults: {
    name: string;
    status: string;
    assertionResults: { title: string; status: string; failureMessages: string[] }[];
  }[];
}

/**
 * The exported files, run by vitest itself in a child process: one run for all of them (CPU is scarce).
 * They are written two folders below `tests/` so their imports resolve as a user's would, and removed after.
 */
describe('an exported span, run by vitest', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const dir = join(import.meta.dirname, `span-export-${process.pid}`);
  const relativeRoot = relative(dir, root);
  let report: JsonReport;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const files: Record<string, () => string> = {
    rejection: () => source(small, 12, small.events.length, relativeRoot),
    rejectionCorrupted: () =>
      source(
        corrupted(
          small,
          positionOf(small, 'SlotBooked', (d) => d.patientId === 'tom-baker'),
          {
            patientId: 'chen-wei',
          },
        ),
        12,
        small.events.length,
        relativeRoot,
      ),
    saga: () => source(causal, 17, causal.events.length, relativeRoot),
    sagaCorrupted: () =>
      source(
        corrupted(
          causal,
          positionOf(causal, 'SlotBookingCancelled', (d) => d.reason === 'overbooking'),
          {
            reason: 'patient-request',
          },
        ),
        17,
        causal.events.length,
        relativeRoot,
      ),
    sagaWrongLimit: () => source({ ...causal, monthlyLimit: 10 }, 17, causal.events.length, relativeRoot),
    conflict: () => source(conflict, 12, conflict.events.length, relativeRoot),
    conflictCorrupted: () =>
      source(
        corrupted(
          conflict,
          positionOf(conflict, 'SlotBooked', (d) => d.patientId === 'maria-lopez'),
          {
            slotId: 'ana-silva_2026-03-03_09:30',
          },
        ),
        12,
        conflict.events.length,
        relativeRoot,
      ),
  };
  const resultOf = (name: string) => {
    const file = report.testResults.find((r) => r.name === join(dir, `${name}.test.ts`));
    if (!file) throw new Error(`vitest did not run ${name}.test.ts`);
    return file;
  };
  const failedTitles = (name: string) =>
    resultOf(name)
      .assertionResults.filter((a) => a.status === 'failed')
      .map((a) => a.title);

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.test.ts`), text());
    const output = join(dir, 'report.json');
    // Why a clean environment: the child must be a vitest of its own, not a worker of this one.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
    await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--project',
        'unit',
        '--reporter=json',
        `--outputFile=${output}`,
        relative(root, dir),
      ],
      { cwd: root, env: { ...env, NODE_ENV: 'test' }, timeout: 150_000 },
    ).catch((error: { code?: number }) => {
      // Exit code 1 means some tests failed, which the corrupted files must do.
      if (error.code !== 1) throw error;
    });
    report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
  }, 180_000);

  it.each(['rejection', 'saga', 'conflict'])('passes for the %s span of the real log', (name) => {
    const file = resultOf(name);
    expect(file.assertionResults.length).toBeGreaterThan(0);
    expect(failedTitles(name)).toEqual([]);
    expect(file.status).toBe('passed');
  });

  it('fails the step whose event was changed, in the rejection span', () => {
    expect(failedTitles('rejectionCorrupted')).toEqual(['#12 Tom Baker: BookSlot appends SlotBooked']);
    expect(resultOf('rejectionCorrupted').assertionResults[0].failureMessages[0]).toContain(
      '-         "patientId": "chen-wei"',
    );
  });

  it('fails the cancellation and the saga’s reaction to it when its reason was changed', () => {
    expect(failedTitles('sagaCorrupted')).toEqual([
      '#21 the overbooking saga: CancelSlotBooking appends SlotBookingCancelled',
      '#21 the overbooking saga reacts to SlotBookingCancelled with NotifyPatient',
    ]);
  });

  it('fails the saga’s reactions when exported under another monthly limit', () => {
    expect(failedTitles('sagaWrongLimit')).toEqual([
      '#19 the overbooking saga reacts to SlotBooked with CancelSlotBooking',
      '#20 the overbooking saga reacts to SlotBooked with CancelSlotBooking',
      // The notification names the limit.
      '#21 the overbooking saga reacts to SlotBookingCancelled with NotifyPatient',
      '#22 the overbooking saga reacts to SlotBookingCancelled with NotifyPatient',
    ]);
  });

  it('fails the retried booking whose slot was changed, and only it', () => {
    expect(failedTitles('conflictCorrupted')).toEqual(['#13 Maria Lopez: BookSlot appends SlotBooked']);
  });
});
