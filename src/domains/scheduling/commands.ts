import type { Command } from '../../core/boundedContext.ts';
import type { WorkingHours } from './events.ts';

export type RegisterDoctor = Command<
  'RegisterDoctor',
  { doctorId: string; name: string; specialty: string; workingHours?: WorkingHours }
>;
export type RegisterPatient = Command<
  'RegisterPatient',
  { patientId: string; name: string; email: string; birthDate: string }
>;
export type ScheduleDay = Command<
  'ScheduleDay',
  { doctorId: string; date: string; slots: { startTime: string; slotId?: string }[] }
>;
export type ScheduleSlot = Command<'ScheduleSlot', { dayId: string; startTime: string; slotId?: string }>;
export type BookSlot = Command<'BookSlot', { dayId: string; slotId: string; patientId: string }>;
export type BookDoubleSlot = Command<'BookDoubleSlot', { dayId: string; slotId: string; patientId: string }>;
export type CancelSlotBooking = Command<
  'CancelSlotBooking',
  { dayId: string; slotId: string; reason: string; patientId?: string }
>;
export type CancelDaySchedule = Command<'CancelDaySchedule', { dayId: string; reason: string }>;
export type ArchiveDaySchedule = Command<'ArchiveDaySchedule', { dayId: string }>;
export type NotifyPatient = Command<
  'NotifyPatient',
  { patientId: string; subject: string; body: string; causationEventId: string }
>;

export type PracticeCommand = RegisterDoctor;
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

export const schedulingCommandTypes: readonly SchedulingCommandType[] = [
  'RegisterDoctor',
  'RegisterPatient',
  'ScheduleDay',
  'ScheduleSlot',
  'BookSlot',
  'BookDoubleSlot',
  'CancelSlotBooking',
  'CancelDaySchedule',
  'ArchiveDaySchedule',
  'NotifyPatient',
];
