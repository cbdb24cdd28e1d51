import { describe, it } from 'vitest';
import { dailySheetRun, runDailySheet } from '../../../../src/domains/library/builders.ts';
import { given } from '../spec.ts';

describe('RunDailySheet', () => {
  it('records the run for a day that has started', () => {
    given([])
      .when(runDailySheet('2026-03-02'))
      .thenEvents([dailySheetRun('2026-03-02')]);
  });

  it('runs for an earlier day too', () => {
    given([dailySheetRun('2026-03-02')])
      .when(runDailySheet('2026-02-27'))
      .thenEvents([dailySheetRun('2026-02-27')]);
  });

  it('records nothing on a second run for the same date', () => {
    given([dailySheetRun('2026-03-02')])
      .when(runDailySheet('2026-03-02'))
      .thenEvents([]);
  });

  it('rejects a day that has not started', () => {
    given([])
      .when(runDailySheet('2026-03-03'), { now: '2026-03-02T23:59' })
      .thenRejects('DailySheetNotDue', { date: '2026-03-03', now: '2026-03-02T23:59' });
  });

  it('rejects a date that is not real', () => {
    given([])
      .when(runDailySheet('2026-02-30'))
      .thenRejects('InvalidCommand', { field: 'data.date', problem: 'must be a real date YYYY-MM-DD' });
  });
});
