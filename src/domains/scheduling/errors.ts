import type { DomainError } from '../../core/decider.ts';
import { dateOfDay, doctorIdOfDay } from './ids.ts';

export const schedulingErrorCodes = [
  'InvalidCommand',
  'DoctorAlreadyRegistered',
  'PracticeFull',
  'PatientAlreadyRegistered',
  'DoctorNotRegistered',
  'PatientNotRegistered',
  'DayScheduleAlreadyArchived',
  'DayScheduleAlreadyCancelled',
  'DayAlreadyScheduled',
  'DayNotScheduled',
  'SlotInPast',
  'SlotOutsideWorkingHours',
  'SlotOverlapped',
  'DailyLimitExceeded',
  'SlotIdAlreadyUsed',
  'SlotNotScheduled',
  'SlotAlreadyBooked',
  'NoAdjacentSlot',
  'SlotNotBooked',
  'SlotBookedByAnotherPatient',
] as const;

export type SchedulingErrorCode = (typeof schedulingErrorCodes)[number];

/** A rejection of the scheduling context: the broken rule, a sentence, and the facts. */
export interface SchedulingError extends DomainError<SchedulingErrorCode> {
  code: SchedulingErrorCode;
}

const error = (
  code: SchedulingErrorCode,
  message: string,
  facts: Record<string, unknown>,
): SchedulingError => ({
  code,
  message,
  ...facts,
});

const dayName = (dayId: string) => `the schedule of ${doctorIdOfDay(dayId)} on ${dateOfDay(dayId)}`;
const slotName = (dayId: string, startTime: string) => `Slot ${startTime} on ${dateOfDay(dayId)}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const invalidCommand = (commandType: string, field: string, problem: string) =>
  error('InvalidCommand', `${commandType} is invalid: ${field} ${problem}`, { commandType, field, problem });

export const doctorAlreadyRegistered = (doctorId: string, name: string) =>
  error('DoctorAlreadyRegistered', `Doctor ${doctorId} (${name}) is already registered`, { doctorId });

export const practiceFull = (doctorId: string, doctorCount: number, maxDoctors: number) =>
  error(
    'PracticeFull',
    `The practice already has ${doctorCount} doctors, the most it can employ, so ${doctorId} cannot join`,
    { doctorId, doctorCount, maxDoctors },
  );

export const patientAlreadyRegistered = (patientId: string, name: string) =>
  error('PatientAlreadyRegistered', `Patient ${patientId} (${name}) is already registered`, { patientId });

export const doctorNotRegistered = (doctorId: string) =>
  error('DoctorNotRegistered', `Doctor ${doctorId} is not registered at the practice`, { doctorId });

export const patientNotRegistered = (patientId: string) =>
  error('PatientNotRegistered', `Patient ${patientId} is not registered at the practice`, { patientId });

export const dayScheduleAlreadyArchived = (dayId: string) =>
  error('DayScheduleAlreadyArchived', `${capitalised(dayName(dayId))} is archived and can no longer change`, {
    dayId,
  });

export const dayScheduleAlreadyCancelled = (dayId: string) =>
  error('DayScheduleAlreadyCancelled', `${capitalised(dayName(dayId))} was cancelled`, { dayId });

export const dayAlreadyScheduled = (dayId: string) =>
  error('DayAlreadyScheduled', `${capitalised(dayName(dayId))} is already scheduled`, { dayId });

export const dayNotScheduled = (dayId: string) =>
  error('DayNotScheduled', `${capitalised(dayName(dayId))} has not been scheduled`, { dayId });

export const slotInPast = (dayId: string, startTime: string, now: string) =>
  error(
    'SlotInPast',
    `${slotName(dayId, startTime)} has already started (it is now ${now.replace('T', ' ')})`,
    {
      dayId,
      startTime,
      now,
    },
  );

export const slotOutsideWorkingHours = (dayId: string, startTime: string, workingHours: unknown) =>
  error('SlotOutsideWorkingHours', `${slotName(dayId, startTime)} falls outside the doctor's working hours`, {
    dayId,
    startTime,
    workingHours,
  });

export const slotOverlapped = (dayId: string, startTime: string, overlappedStartTime: string) =>
  error(
    'SlotOverlapped',
    `${slotName(dayId, startTime)} overlaps the slot at ${overlappedStartTime} on the same schedule`,
    { dayId, startTime, overlappedStartTime },
  );

export const dailyLimitExceeded = (dayId: string, slotCount: number, maxSlots: number) =>
  error(
    'DailyLimitExceeded',
    `${capitalised(dayName(dayId))} would have ${slotCount} slots; a doctor sees patients at most ${maxSlots} slots (6 hours) a day`,
    { dayId, slotCount, maxSlots },
  );

export const slotIdAlreadyUsed = (dayId: string, slotId: string) =>
  error('SlotIdAlreadyUsed', `Slot id ${slotId} is already used on ${dayName(dayId)}`, { dayId, slotId });

export const slotNotScheduled = (dayId: string, slotId: string) =>
  error('SlotNotScheduled', `Slot ${slotId} is not scheduled on ${dayName(dayId)}`, { dayId, slotId });

export const slotAlreadyBooked = (
  dayId: string,
  slotId: string,
  startTime: string,
  patientId: string,
  bookedBy: string,
) =>
  error(
    'SlotAlreadyBooked',
    `${slotName(dayId, startTime)} is already booked by ${bookedBy === patientId ? patientId : 'another patient'}`,
    { dayId, slotId, startTime, patientId, bookedBy },
  );

export const noAdjacentSlot = (dayId: string, slotId: string, startTime: string, nextStartTime: string) =>
  error(
    'NoAdjacentSlot',
    `${slotName(dayId, startTime)} has no slot right after it (${nextStartTime}) to make a double slot`,
    { dayId, slotId, startTime, nextStartTime },
  );

export const slotNotBooked = (dayId: string, slotId: string) =>
  error('SlotNotBooked', `Slot ${slotId} on ${dateOfDay(dayId)} has no booking to cancel`, { dayId, slotId });

export const slotBookedByAnotherPatient = (
  dayId: string,
  slotId: string,
  startTime: string,
  patientId: string,
) =>
  error(
    'SlotBookedByAnotherPatient',
    `${slotName(dayId, startTime)} is booked by another patient, not by ${patientId}`,
    { dayId, slotId, startTime, patientId },
  );
