/** The practice's commands: each one's data schema is the single source of its TypeScript type. */
import { z } from 'zod';
import type { Command } from '../../core/boundedContext.ts';
import {
  dateRule,
  dayIdRule,
  emailRule,
  idRule,
  longTextRule,
  monthlyLimitRule,
  periodRule,
  slotTimeRule,
  textRule,
} from './rules.ts';

export const commandDataSchemas = {
  RegisterDoctor: z.object({
    doctorId: idRule,
    name: textRule,
    specialty: textRule,
    workingHours: z.array(periodRule).max(24, 'must have at most 24 periods').optional(),
  }),
  RegisterPatient: z.object({ patientId: idRule, name: textRule, email: emailRule, birthDate: dateRule }),
  ScheduleDay: z.object({
    doctorId: idRule,
    date: dateRule,
    slots: z
      .array(z.object({ startTime: slotTimeRule, slotId: idRule.optional() }), {
        error: 'must be a list of slots',
      })
      .max(144, 'must have at most 144 slots'),
  }),
  ScheduleSlot: z.object({ dayId: dayIdRule, startTime: slotTimeRule, slotId: idRule.optional() }),
  BookSlot: z.object({ dayId: dayIdRule, slotId: idRule, patientId: idRule }),
  BookDoubleSlot: z.object({ dayId: dayIdRule, slotId: idRule, patientId: idRule }),
  CancelSlotBooking: z.object({
    dayId: dayIdRule,
    slotId: idRule,
    reason: textRule,
    patientId: idRule.optional(),
  }),
  CancelDaySchedule: z.object({ dayId: dayIdRule, reason: textRule }),
  ArchiveDaySchedule: z.object({ dayId: dayIdRule }),
  SetMonthlyLimit: z.object({ monthlyLimit: monthlyLimitRule }),
  NotifyPatient: z.object({
    patientId: idRule,
    subject: textRule,
    body: longTextRule,
    causationEventId: idRule,
  }),
};

type Data<T extends keyof typeof commandDataSchemas> = z.output<(typeof commandDataSchemas)[T]>;

export type RegisterDoctor = Command<'RegisterDoctor', Data<'RegisterDoctor'>>;
export type RegisterPatient = Command<'RegisterPatient', Data<'RegisterPatient'>>;
export type ScheduleDay = Command<'ScheduleDay', Data<'ScheduleDay'>>;
export type ScheduleSlot = Command<'ScheduleSlot', Data<'ScheduleSlot'>>;
export type BookSlot = Command<'BookSlot', Data<'BookSlot'>>;
export type BookDoubleSlot = Command<'BookDoubleSlot', Data<'BookDoubleSlot'>>;
export type CancelSlotBooking = Command<'CancelSlotBooking', Data<'CancelSlotBooking'>>;
export type CancelDaySchedule = Command<'CancelDaySchedule', Data<'CancelDaySchedule'>>;
export type ArchiveDaySchedule = Command<'ArchiveDaySchedule', Data<'ArchiveDaySchedule'>>;
export type SetMonthlyLimit = Command<'SetMonthlyLimit', Data<'SetMonthlyLimit'>>;
export type NotifyPatient = Command<'NotifyPatient', Data<'NotifyPatient'>>;

export type PracticeCommand = RegisterDoctor | SetMonthlyLimit;
export type PatientCommand = RegisterPatient;
export type DayCommand =
  | ScheduleDay
  | ScheduleSlot
  | BookSlot
  | BookDoubleSlot
  | CancelSlotBooking
  | CancelDaySchedule
  | ArchiveDaySchedule;
export type MailboxCommand = NotifyPatient;

export type SchedulingCommand = PracticeCommand | PatientCommand | DayCommand | MailboxCommand;
export type SchedulingCommandType = SchedulingCommand['type'];

export const schedulingCommandTypes = Object.keys(commandDataSchemas) as readonly SchedulingCommandType[];
