import { DEFAULT_MONTHLY_LIMIT } from '../settings.ts';
import { own } from '../../../core/own.ts';
import type { Projection } from '../../../core/boundedContext.ts';
import { instantOf } from '../time.ts';
import { ageOn } from '../time.ts';
import type { AppointmentsState } from './appointments.ts';
import { appointmentsProjection } from './appointments.ts';
import type { DayStatus, DoctorDaysState, SlotStatus } from './doctorDays.ts';
import { doctorDaysProjection } from './doctorDays.ts';
import type { MailMessage, MailboxesState } from './mailboxes.ts';
import { mailboxesProjection } from './mailboxes.ts';
import type { MonthlyBookingsState } from './monthlyBookings.ts';
import { createMonthlyBookingsProjection, monthlyBookingsProjection } from './monthlyBookings.ts';
import type { PatientSlotsState } from './patientSlots.ts';
import { patientSlotsProjection } from './patientSlots.ts';

export {
  appointmentsProjection,
  doctorDaysProjection,
  mailboxesProjection,
  monthlyBookingsProjection,
  patientSlotsProjection,
};
export { slotKey } from './patientSlots.ts';
export type {
  AppointmentsState,
  DoctorDaysState,
  MailboxesState,
  MonthlyBookingsState,
  PatientSlotsState,
  MailMessage,
};

/** Every read model of the scheduling context, in the order the read-models panel lists them. */
export const schedulingProjections = (monthlyLimit = DEFAULT_MONTHLY_LIMIT): Projection[] =>
  [
    doctorDaysProjection,
    patientSlotsProjection,
    appointmentsProjection,
    mailboxesProjection,
    createMonthlyBookingsProjection(monthlyLimit),
  ] as Projection[];

/** Gives a projection's current state by its name. */
export type ReadProjection = (projectionName: string) => unknown;

export interface AvailableSlotsOfDoctor {
  doctorId: string;
  doctorName: string;
  slots: { dayId: string; slotId: string; startTime: string }[];
}

export interface PatientSlot {
  dayId: string;
  slotId: string;
  doctorId: string;
  doctorName: string;
  date: string;
  startTime: string;
}

export interface Appointment {
  slotId: string;
  dayId: string;
  date: string;
  startTime: string;
  patient: { patientId: string; name: string; age: number };
  doctor: { doctorId: string; name: string; specialty: string };
}

export interface DoctorDay {
  dayId: string;
  doctorId: string;
  date: string;
  status: DayStatus;
  slots: { slotId: string; startTime: string; status: SlotStatus; patientId?: string }[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pure: the free slots of a date, grouped by doctor (doctors by first free slot, then id), slots by time. */
function availableSlots(read: ReadProjection, date: string): AvailableSlotsOfDoctor[] {
  const state = read(doctorDaysProjection.name) as DoctorDaysState;
  const groups = new Map<string, AvailableSlotsOfDoctor>();
  for (const dayId of own(state.dayIdsByDate, date) ?? []) {
    const day = own(state.days, dayId);
    if (!day) continue;
    if (day.status !== 'scheduled') continue;
    for (const slot of Object.values(day.slots)) {
      if (slot.status !== 'available') continue;
      const group = groups.get(day.doctorId) ?? {
        doctorId: day.doctorId,
        doctorName: own(state.doctorNames, day.doctorId) ?? day.doctorId,
        slots: [],
      };
      group.slots.push({ dayId, slotId: slot.slotId, startTime: slot.startTime });
      groups.set(day.doctorId, group);
    }
  }
  const result = [...groups.values()];
  for (const group of result) group.slots.sort((a, b) => byText(a.startTime, b.startTime));
  return result.sort(
    (a, b) => byText(a.slots[0].startTime, b.slots[0].startTime) || byText(a.doctorId, b.doctorId),
  );
}

/** Pure: the patient's booked slots that start after now, by date and time. */
function patientSlots(read: ReadProjection, patientId: string, now: string): PatientSlot[] {
  const state = read(patientSlotsProjection.name) as PatientSlotsState;
  return Object.keys(own(state.bookings, patientId) ?? {})
    .map((key) => own(state.slots, key))
    .filter(
      (slot): slot is NonNullable<typeof slot> =>
        slot !== undefined && instantOf(slot.date, slot.startTime) > now.slice(0, 16),
    )
    .map((slot) => ({ ...slot, doctorName: own(state.doctorNames, slot.doctorId) ?? slot.doctorId }))
    .sort((a, b) => byText(instantOf(a.date, a.startTime), instantOf(b.date, b.startTime)))
    .map(({ dayId, slotId, doctorId, doctorName, date, startTime }) => ({
      dayId,
      slotId,
      doctorId,
      doctorName,
      date,
      startTime,
    }));
}

/** Pure: the booked slot joined with its doctor and patient (age on the visit's date), or null. */
function appointment(read: ReadProjection, slotId: string): Appointment | null {
  const state = read(appointmentsProjection.name) as AppointmentsState;
  const booking = own(state.bookings, slotId);
  const slot = own(state.slots, slotId);
  if (!booking || !slot) return null;
  const patient = own(state.patients, booking.patientId);
  const doctor = own(state.doctors, slot.doctorId);
  if (!patient || !doctor) return null;
  return {
    slotId,
    dayId: slot.dayId,
    date: slot.date,
    startTime: slot.startTime,
    patient: { patientId: booking.patientId, name: patient.name, age: ageOn(patient.birthDate, slot.date) },
    doctor: { doctorId: slot.doctorId, name: doctor.name, specialty: doctor.specialty },
  };
}

/** Pure: the day with its slots by start time, or null. */
function doctorDay(read: ReadProjection, dayId: string): DoctorDay | null {
  const day = own((read(doctorDaysProjection.name) as DoctorDaysState).days, dayId);
  if (!day) return null;
  const slots = Object.values(day.slots)
    .map((slot) => ({ ...slot }))
    .sort((a, b) => byText(a.startTime, b.startTime));
  return { dayId: day.dayId, doctorId: day.doctorId, date: day.date, status: day.status, slots };
}

/** Pure: the patient's messages, oldest first. */
function mailbox(read: ReadProjection, patientId: string): MailMessage[] {
  return (own(read(mailboxesProjection.name) as MailboxesState, patientId) ?? []).map((message) => ({
    ...message,
  }));
}

/** Pure: the patient's active bookings in month `YYYY-MM`. */
function monthlyBookings(read: ReadProjection, patientId: string, month: string): number {
  const months = own((read(monthlyBookingsProjection.name) as MonthlyBookingsState).counts, patientId);
  return (months && own(months, month)) ?? 0;
}

/** Pure: the monthly limit in force. */
function monthlyLimit(read: ReadProjection): number {
  return (read(monthlyBookingsProjection.name) as MonthlyBookingsState).monthlyLimit;
}

/** The read-model queries of DOMAIN.md; `read(name)` gives a projection's state. */
export const schedulingQueries = {
  availableSlots,
  patientSlots,
  appointment,
  doctorDay,
  mailbox,
  monthlyBookings,
  monthlyLimit,
};
