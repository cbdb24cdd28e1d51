/** Stream ids and identifiers of the scheduling context (DOMAIN.md conventions). Pure. */

export const PRACTICE_STREAM = 'practice';

/** Pure: `<doctorId>_<date>`. */
export const dayIdOf = (doctorId: string, date: string): string => `${doctorId}_${date}`;

/** Pure: the default slot id `<dayId>_<HH:MM>`. */
export const slotIdOf = (dayId: string, startTime: string): string => `${dayId}_${startTime}`;

/** Pure: `doctorday-<dayId>`. */
export const dayStream = (dayId: string): string => `doctorday-${dayId}`;

/** Pure: `patient-<patientId>`. */
export const patientStream = (patientId: string): string => `patient-${patientId}`;

/** Pure: `mailbox-<patientId>`. */
export const mailboxStream = (patientId: string): string => `mailbox-${patientId}`;

/** Pure: `practice`: every doctor lives in one stream, so the practice-size rule is exact. */
export const practiceStream = (): string => PRACTICE_STREAM;

const DAY_ID = /^(.+)_(\d{4}-\d{2}-\d{2})$/;

/** Pure: the doctor and date a day id names, or null when it is not `<doctorId>_<YYYY-MM-DD>`. */
export function parseDayId(dayId: string): { doctorId: string; date: string } | null {
  const match = DAY_ID.exec(dayId);
  return match ? { doctorId: match[1], date: match[2] } : null;
}

// Why slicing rather than parsing: projections and sagas call these on every booking event.
const hasDateSuffix = (dayId: string) => dayId.length > 11 && dayId.charCodeAt(dayId.length - 11) === 95; // '_'

/** Pure: the doctor part of a day id (before the final `_YYYY-MM-DD`). */
export const doctorIdOfDay = (dayId: string): string => (hasDateSuffix(dayId) ? dayId.slice(0, -11) : dayId);

/** Pure: the date part of a day id. */
export const dateOfDay = (dayId: string): string => (hasDateSuffix(dayId) ? dayId.slice(-10) : '');

/** Pure: the start time a default slot id ends with, if it has one. */
export function startTimeOfSlotId(slotId: string): string | null {
  const match = /_(\d{2}:\d{2})$/.exec(slotId);
  return match ? match[1] : null;
}

/** Pure: the stream a scheduling event belongs to, from its data alone. */
export function streamIdOfEvent(event: { type: string; data: unknown }): string {
  const data = event.data as { dayId?: string; patientId?: string };
  switch (event.type) {
    case 'DoctorRegistered':
      return PRACTICE_STREAM;
    case 'PatientRegistered':
      return patientStream(data.patientId ?? '');
    case 'PatientNotified':
      return mailboxStream(data.patientId ?? '');
    default:
      return dayStream(data.dayId ?? '');
  }
}
