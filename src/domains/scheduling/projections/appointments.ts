import { deleteOwn, own, putOwn } from '../../../core/own.ts';
import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { SchedulingEvent } from '../events.ts';

/**
 * Seed 001's many-to-many view, kept as its pieces and joined when queried.
 * Why pieces: doctor, patient, slot and booking may arrive in any order (a replay, an import, a lagging
 * stream); storing each on its own and joining at read time gives the same answer whatever the order.
 */
export interface AppointmentsState {
  doctors: Record<string, { name: string; specialty: string }>;
  patients: Record<string, { name: string; birthDate: string }>;
  slots: Record<string, { dayId: string; date: string; startTime: string; doctorId: string }>;
  bookings: Record<string, { dayId: string; patientId: string }>;
}

function apply(state: AppointmentsState, recorded: RecordedEvent): AppointmentsState {
  const event = recorded as unknown as SchedulingEvent;
  switch (event.type) {
    case 'DoctorRegistered':
      putOwn(state.doctors, event.data.doctorId, { name: event.data.name, specialty: event.data.specialty });
      break;
    case 'PatientRegistered':
      putOwn(state.patients, event.data.patientId, {
        name: event.data.name,
        birthDate: event.data.birthDate,
      });
      break;
    case 'SlotScheduled': {
      const { slotId, dayId, date, startTime, doctorId } = event.data;
      putOwn(state.slots, slotId, { dayId, date, startTime, doctorId });
      break;
    }
    case 'SlotBooked':
      putOwn(state.bookings, event.data.slotId, { dayId: event.data.dayId, patientId: event.data.patientId });
      break;
    case 'SlotBookingCancelled':
      if (own(state.bookings, event.data.slotId)?.patientId === event.data.patientId)
        deleteOwn(state.bookings, event.data.slotId);
      break;
    case 'SlotScheduleCancelled':
      deleteOwn(state.slots, event.data.slotId);
      deleteOwn(state.bookings, event.data.slotId);
      break;
  }
  return state;
}

/** Appointments with their doctor and patient denormalised (seed 001): feeds `appointment`. */
export const appointmentsProjection: Projection<AppointmentsState> = {
  name: 'appointments',
  description:
    'Each booked slot joined with its doctor and patient, whatever order their events arrive in (seed 001).',
  initialState: () => ({ doctors: {}, patients: {}, slots: {}, bookings: {} }),
  apply,
};
