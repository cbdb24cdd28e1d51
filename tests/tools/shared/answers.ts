/** Reading a generic read side in tests: one answer, and the doctor practice's days as lists of slots. */
import type { ReadSide } from '../../../src/tools/shared/readSide.ts';

/** The answer to one question of a read side (undefined when it was not asked). */
export const answerOf = (readSide: ReadSide, query: string, ...args: string[]): unknown =>
  readSide.answers.find((a) => a.query === query && a.args.join('|') === args.join('|'))?.answer;

type Day = { status: string; slots: { startTime: string; status: string; patientId?: string }[] } | null;

/** A practice day's booked slots, `time patient`, as its doctorDay read model says. */
export const bookedOn = (readSide: ReadSide, dayId: string): string[] =>
  ((answerOf(readSide, 'doctorDay', dayId) as Day)?.slots ?? [])
    .filter((slot) => slot.status === 'booked')
    .map((slot) => `${slot.startTime} ${slot.patientId}`);

/** A practice day's free slot times, as its doctorDay read model says. */
export const freeOn = (readSide: ReadSide, dayId: string): string[] =>
  ((answerOf(readSide, 'doctorDay', dayId) as Day)?.slots ?? [])
    .filter((slot) => slot.status === 'available')
    .map((slot) => slot.startTime);
