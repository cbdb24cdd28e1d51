import { BoardState } from '../src/domains/scheduling/board/boardState.svelte.ts';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { DAY } from './fixtures.ts';

/** A board over a real app, on the fixtures' day, acting as `actorKey` with the slot at `time` selected. */
export function boardOf(app: AppState, actorKey = '', time?: string): BoardState {
  const board = new BoardState(app);
  board.date = DAY;
  board.actorKey = actorKey;
  if (time) {
    const column = board.columns.find((c) => c.day?.slots.some((s) => s.startTime === time));
    const slot = column?.day?.slots.find((s) => s.startTime === time);
    if (column && slot)
      board.select({ dayId: column.dayId, slotId: slot.slotId, startTime: time, doctorId: column.doctorId });
  }
  return board;
}

export const boardLoader = (make: () => Promise<AppState>, actorKey = '', time?: string) => ({
  loaders: [async () => ({ board: boardOf(await make(), actorKey, time) })],
});
