import type { DomainEvent } from '../../core/event.ts';

/** A doctor's working period, `from` inclusive, `to` exclusive. */
export interface WorkingPeriod {
  from: string;
  to: string;
}

export type WorkingHours = WorkingPeriod[];

export type DoctorRegistered = DomainEvent<
  'DoctorRegistered',
  { doctorId: string; name: string; specialty: string; workingHours: WorkingHours }
>;
export type PatientRegistered = DomainEvent<
  'PatientRegistered',
  { patientId: string; name: string; email: string; birthDate: string }
>;
export type DayScheduled = DomainEvent<'DayScheduled', { dayId: string; doctorId: string; date: string }>;
export type SlotScheduled = DomainEvent<
  'SlotScheduled',
  {
    dayId: string;
    slotId: string;
    doctorId: string;
    date: string;
    startTime: string;
    durationMinutes: number;
  }
>;
export type SlotBooked = DomainEvent<
  'SlotBooked',
  { dayId: string; slotId: string; patientId: string; pairedSlotId?: string }
>;
export type SlotBookingCancelled = DomainEvent<
  'SlotBookingCancelled',
  { dayId: string; slotId: string; patientId: string; reason: string }
>;
export type SlotScheduleCancelled = DomainEvent<'SlotScheduleCancelled', { dayId: string; slotId: string }>;
export type DayScheduleCancelled = DomainEvent<'DayScheduleCancelled', { dayId: string; reason: string }>;
export type DayScheduleArchived = DomainEvent<'DayScheduleArchived', { dayId: string }>;
export type PatientNotified = DomainEvent<
  'PatientNotified',
  { patientId: string; subject: string; body: string; causationEventId: string }
>;

export type PracticeEvent = DoctorRegistered;
export type PatientEvent = PatientRegistered;
export type DayEvent =
  | DayScheduled
  | SlotScheduled
  | SlotBooked
  | SlotBookingCancelled
  | SlotScheduleCancelled
  | DayScheduleCancelled
  | DayScheduleArchived;
export type MailboxEvent = PatientNotified;

export type SchedulingEvent = PracticeEvent | PatientEvent | DayEvent | MailboxEvent;
export type SchedulingEventType = SchedulingEvent['type'];

/** The reason the day-cancellation cascade gives each booking it cancels. */
export const DAY_CANCELLED = 'day-cancelled';
/** The reason the overbooking saga gives its compensation. */
export const OVERBOOKING = 'overbooking';

export const schedulingEventTypes: readonly SchedulingEventType[] = [
  'DoctorRegistered',
  'PatientRegistered',
  'DayScheduled',
  'SlotScheduled',
  'SlotBooked',
  'SlotBookingCancelled',
  'SlotScheduleCancelled',
  'DayScheduleCancelled',
  'DayScheduleArchived',
  'PatientNotified',
];

/** Pure: narrows an event of unknown type to one scheduling event type. */
export function isEvent<T extends SchedulingEventType>(
  event: { type: string; data: unknown },
  type: T,
): event is Extract<SchedulingEvent, { type: T }> {
  return event.type === type;
}
