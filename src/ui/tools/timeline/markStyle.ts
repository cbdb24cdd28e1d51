/** The colour family of an event type, for the timeline's marks (CSS custom properties of theme.css). */
export function eventTone(type: string): string {
  if (/Cancelled|Archived/.test(type)) return 'cancel';
  if (/Booked/.test(type)) return 'booked';
  if (/Scheduled/.test(type)) return 'scheduled';
  if (/Notified/.test(type)) return 'mail';
  return 'register';
}

/** A mark's accessible name. */
export const commandLabel = (type: string, outcome: string, conflicts: number): string =>
  `${type}: ${outcome}${conflicts > 0 ? ` after ${conflicts} conflict${conflicts === 1 ? '' : 's'}` : ''}`;
