/** What the library does when the virtual clock moves. Pure. */
import { addDays, isInstant } from '../../core/clock.ts';
import type { RunDailySheet } from './commands.ts';

/**
 * Pure: one `RunDailySheet` for each midnight the clock passes going from `from` to `to`, oldest first. Reaching
 * midnight exactly counts; leaving it does not (it was passed on the way there). Moving back runs nothing.
 */
export function onClockMoved(from: string, to: string): RunDailySheet[] {
  if (!isInstant(from) || !isInstant(to) || to <= from) return [];
  const runs: RunDailySheet[] = [];
  for (
    let midnight = addDays(`${from.slice(0, 10)}T00:00`, 1);
    midnight <= to;
    midnight = addDays(midnight, 1)
  )
    runs.push({ type: 'RunDailySheet', data: { date: midnight.slice(0, 10) } });
  return runs;
}
