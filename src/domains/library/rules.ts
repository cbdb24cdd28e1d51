/** The library's own field rules, built on the shared ones (ids, text, instants): one rule for forms, files and dispatch. */
import { z } from 'zod';
import { idRule } from '../../core/rules.ts';

/** The longest hold or checkout, in days. */
export const MAX_DAYS = 60;

/** An ISBN-10 or ISBN-13 as digits, without spaces or hyphens (the last of an ISBN-10 may be X). */
export const isbnRule = idRule.regex(
  /^(?:\d{9}[\dX]|97[89]\d{10})$/,
  'must be an ISBN: 10 or 13 digits without spaces or hyphens, e.g. 9780321125217',
);

/** How many days a hold or a checkout lasts: 1 to 60. */
export const daysRule = z
  .number({ error: `must be a whole number of days from 1 to ${MAX_DAYS}` })
  .int(`must be a whole number of days from 1 to ${MAX_DAYS}`)
  .min(1, `must be a whole number of days from 1 to ${MAX_DAYS}`)
  .max(MAX_DAYS, `must be a whole number of days from 1 to ${MAX_DAYS}`);

/** A circulating copy may be held by anyone; a restricted one by researchers only. */
export const bookTypes = ['Circulating', 'Restricted'] as const;
export type BookType = (typeof bookTypes)[number];
/** `Circulating` or `Restricted`. */
export const bookTypeRule = z.enum(bookTypes, { error: 'must be Circulating or Restricted' });

/** A regular patron has limits a researcher does not. */
export const patronTypes = ['Regular', 'Researcher'] as const;
export type PatronType = (typeof patronTypes)[number];
/** `Regular` or `Researcher`. */
export const patronTypeRule = z.enum(patronTypes, { error: 'must be Regular or Researcher' });

/** A hold's number in its patron's record: the patron's first hold is 1, the next 2, and so on. */
export const holdNumberRule = z
  .number({ error: 'must be a whole number, 1 or more' })
  .int('must be a whole number, 1 or more')
  .min(1, 'must be a whole number, 1 or more');

/** Pure: null when `value` is an acceptable id, else what is wrong with it (for query arguments). */
export function idProblem(value: unknown): string | null {
  const parsed = idRule.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'must be an id');
}
