import { type Decision, accept, reject } from '../../../core/decider.ts';
import type { StreamDecider } from '../../kit/index.ts';
import type { DailySheetCommand } from '../commands.ts';
import { type LibraryError, dailySheetNotDue } from '../errors.ts';
import type { DailySheetEvent } from '../events.ts';
import { type Keyed, emptyKeyed, has, withEntry } from '../keyed.ts';
import { DAILY_SHEET_STREAM } from '../streams.ts';

/** The dates the daily sheet has run for. */
export interface DailySheetState {
  dates: Keyed<true>;
}

/** Pure: a sheet that has never run. */
export const initialState = (): DailySheetState => ({ dates: emptyKeyed() });

/** Pure: the sheet after one event. */
export function evolve(state: DailySheetState, event: DailySheetEvent): DailySheetState {
  return event.type === 'DailySheetRun' ? { dates: withEntry(state.dates, event.data.date, true) } : state;
}

/** Pure: has the sheet run for this date? */
export const hasRun = (state: DailySheetState, date: string): boolean => has(state.dates, date);

/** Pure: runs the sheet for a day that has started; a second run for the same date records nothing. */
export function runDailySheet(
  command: DailySheetCommand,
  state: DailySheetState,
  now: string,
): Decision<DailySheetEvent, LibraryError> {
  const { date } = command.data;
  if (date > now.slice(0, 10)) return reject(dailySheetNotDue(date, now));
  if (hasRun(state, date)) return accept<DailySheetEvent>();
  return accept<DailySheetEvent>({ type: 'DailySheetRun', data: { date } });
}

/** The daily sheet's runs, in stream `dailysheet`: one run per date, so the sheet is idempotent. */
export const dailySheetDecider: StreamDecider<DailySheetState, DailySheetCommand, DailySheetEvent> = {
  name: 'dailySheet',
  streamPrefix: DAILY_SHEET_STREAM,
  commands: ['RunDailySheet'],
  streamOf: () => DAILY_SHEET_STREAM,
  initialState,
  evolve,
  decide: (command, state, { now }) => runDailySheet(command, state, now),
};
