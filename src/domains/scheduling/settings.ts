/** The practice's settings and their defaults. */

/** Bookings a patient may hold per month before the overbooking saga cancels the latest (until the practice sets another). */
export const DEFAULT_MONTHLY_LIMIT = 10;
