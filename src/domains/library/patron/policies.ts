/** The lending rules of the DDD-by-examples library. Pure. */
import type { PatronType } from '../rules.ts';

/** The most books a regular patron may hold at once. */
export const MAX_HOLDS = 5;

/** A patron with this many overdue checkouts at a branch may not place holds there. */
export const MAX_OVERDUE_CHECKOUTS_AT_BRANCH = 2;

/** Pure: does the hold limit apply to this patron? (Researchers may hold any number of books.) */
export const hasHoldLimit = (patronType: PatronType): boolean => patronType === 'Regular';

/** Pure: is an instant (a hold's or a checkout's end) before now? An end at exactly now has not passed yet. */
export const isPast = (end: string, now: string): boolean => end < now;
