import type { DomainEvent } from '../../core/event.ts';

import { z } from 'zod';
import {
  dateRule,
  dayIdRule,
  dayOfItsDoctor,
  emailRule,
  idRule,
  longTextRule,
  monthlyLimitRule,
  periodRule,
  slotTimeRule,
  textRule,
} from './rules.ts';
import { SLOT_MINUTES } from './time.ts';

/** Each event's data schema: the shape DOMAIN.md gives it, and the single source of its TypeScript type. */
export const eventDataSchemas = {
  DoctorRegistered: z.object({
    doctorId: idRule,
    name: textRule,
    specialty: textRule,
    workingHours: z
      .array(periodRule, { error: 'must be a list of periods' })
      .min(1, 'must name a period')
      .max(24, 'must have at most 24 periods'),
  }),
  MonthlyLimitSet: z.object({ monthlyLimit: monthlyLimitRule }),
  PatientRegistered: z.object({ patientId: idRule, name: textRule, email: emailRule, birthDate: dateRule }),
  DayScheduled: z.object({ dayId: dayIdRule, doctorId: idRule, date: dateRule }).superRefine(dayOfItsDoctor),
  SlotScheduled: z
    .object({
      dayId: dayIdRule,
      slotId: idRule,
      doctorId: idRule,
      date: dateRule,
      startTime: slotTimeRule,
      durationMinutes: z.literal(SLOT_MINUTES, { error: `must be ${SLOT_MINUTES}` }),
    })
    .superRefine(dayOfItsDoctor),
  SlotBooked: z.object({
    dayId: dayIdRule,
    slotId: idRule,
    patientId: idRule,
    pairedSlotId: idRule.optional(),
  }),
  SlotBookingCancelled: z.object({ dayId: dayIdRule, slotId: idRule, patientId: idRule, reason: textRule }),
  SlotScheduleCancelled: z.object({ dayId: dayIdRule, slotId: idRule }),
  DayScheduleCancelled: z.object({ dayId: dayIdRule, reason: textRule }),
  DayScheduleArchived: z.object({ dayId: dayIdRule }),
  PatientNotified: z.object({
    patientId: idRule,
    subject: textRule,
    body: longTextRule,
    causationEventId: idRule,
  }),
};

type Data<T extends keyof typeof eventDataSchemas> = z.output<(typeof eventDataSchemas)[T]>;

/** A doctor's working period, `from` inclusive, `to` exclusive. */
export type WorkingPeriod = Data<'DoctorRegistered'>['workingHours'][number];
export type WorkingHours = WorkingPeriod[];

export type DoctorRegistered = DomainEvent<'DoctorRegistered', Data<'DoctorRegistered'>>;
export type MonthlyLimitSet = DomainEvent<'MonthlyLimitSet', Data<'MonthlyLimitSet'>>;
export type PatientRegistered = DomainEvent<'PatientRegistered', Data<'PatientRegistered'>>;
export type DayScheduled = DomainEvent<'DayScheduled', Data<'DayScheduled'>>;
export type SlotScheduled = DomainEvent<'SlotScheduled', Data<'SlotScheduled'>>;
export type SlotBooked = DomainEvent<'SlotBooked', Data<'SlotBooked'>>;
export type SlotBookingCancelled = DomainEvent<'SlotBookingCancelled', Data<'SlotBookingCancelled'>>;
export type SlotScheduleCancelled = DomainEvent<'SlotScheduleCancelled', Data<'SlotScheduleCancelled'>>;
export type DayScheduleCancelled = DomainEvent<'DayScheduleCancelled', Data<'DayScheduleCancelled'>>;
export type DayScheduleArchived = DomainEvent<'DayScheduleArchived', Data<'DayScheduleArchived'>>;
export type PatientNotified = DomainEvent<'PatientNotified', Data<'PatientNotified'>>;

export type PracticeEvent = DoctorRegistered | MonthlyLimitSet;
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

export const schedulingEventTypes = Object.keys(eventDataSchemas) as readonly SchedulingEventType[];
