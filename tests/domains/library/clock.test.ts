import { describe, expect, it } from 'vitest';
import { library } from '../../../src/domains/library/index.ts';

const onClockMoved = (from: string, to: string) =>
  (library.context.onClockMoved?.(from, to) ?? []).map((command) => (command.data as { date: string }).date);

describe('when the clock moves', () => {
  it('runs the daily sheet once for each midnight passed, oldest first', () => {
    expect(onClockMoved('2026-03-02T09:00', '2026-03-05T08:00')).toEqual([
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
  });

  it('counts a midnight reached exactly, and not again when leaving it', () => {
    expect(onClockMoved('2026-03-02T09:00', '2026-03-03T00:00')).toEqual(['2026-03-03']);
    expect(onClockMoved('2026-03-03T00:00', '2026-03-03T09:00')).toEqual([]);
  });

  it('runs nothing within a day, when moving back, or across a month end wrongly', () => {
    expect(onClockMoved('2026-03-02T09:00', '2026-03-02T23:59')).toEqual([]);
    expect(onClockMoved('2026-03-05T09:00', '2026-03-02T09:00')).toEqual([]);
    expect(onClockMoved('2026-02-28T12:00', '2026-03-01T12:00')).toEqual(['2026-03-01']);
  });

  it('sends RunDailySheet commands the context accepts', () => {
    const [command] = library.context.onClockMoved?.('2026-03-02T09:00', '2026-03-03T09:00') ?? [];
    expect(command).toEqual({ type: 'RunDailySheet', data: { date: '2026-03-03' } });
    expect(library.context.validate(command).kind).toBe('valid');
  });
});
