/** The practice's field rules: the kernel's shared rules plus the practice's own (day ids, the slot grid, periods). */
import { z } from 'zod';
import { dateRule, idRule, longTextRule, textRule, timeRule } from '../../core/rules.ts';
import { dayIdOf, parseDayId } from './ids.ts';
import { isDate, isOnSlotGrid, minutesOf } from './time.ts';

export { dateRule, idRule, longTextRule, textRule, timeRule };

export const dayIdRule = idRule.refine((value) => {
  const parsed = parseDayId(value);
  return parsed !== null && isDate(parsed.date);
}, 'must be <doctorId>_<YYYY-MM-DD>');
export const slotTimeRule = timeRule.refine(isOnSlotGrid, 'must be on the 10-minute grid (09:00, 09:10, …)');
export const periodRule = z
  .object({ from: timeRule, to: timeRule })
  .refine(({ from, to }) => minutesOf(from) < minutesOf(to), 'must end after it starts');
export const emailRule = z.email({ error: 'must be an email address' }).max(320, 'is too long');
/** The monthly limit: bookings per patient per month. */
export const monthlyLimitRule = z
  .number({ error: 'must be a whole number, 1 or more' })
  .int('must be a whole number, 1 or more')
  .min(1, 'must be a whole number, 1 or more')
  .max(10_000, 'must be at most 10000');

/** Why a check of its own: a day's id names its doctor and date, and projections read them from either. */
export const dayOfItsDoctor = (
  data: { dayId: string; doctorId: string; date: string },
  context: z.RefinementCtx,
) => {
  if (data.dayId !== dayIdOf(data.doctorId, data.date))
    context.addIssue({
      code: 'custom',
      path: ['dayId'],
      message: `must be ${dayIdOf(data.doctorId, data.date)}`,
    });
};
