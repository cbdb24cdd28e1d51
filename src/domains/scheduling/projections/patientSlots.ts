import { deleteOwn, own, ownOrPut, putOwn } from '../../../core/own.ts';
import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { SchedulingEvent } from '../events.ts';

export interface PatientSlotInfo {
  dayId: string;
  slotId: string;
  doctorId: string;
  date: string;
  startTime: string;
}

export interface PatientSlotsState {
  doctorNames: Record<string, string>;
  /** Every scheduled slot, by `<dayId>|<slotId>`. */
  slots: Record<string, PatientSlotInfo>;
  /** Each patient's booked slot keys. */
  bookings: Record<string, Record<string, true>>;
}

/** Pure: the key a slot goes by in read models: slot ids are only unique within their day. */
export const slotKey = (dayId: string, slotId: string): string => `${dayId}|${slotId}`;

function apply(state: PatientSlotsState, recorded: RecordedEvent): PatientSlotsState {
  const event = recorded as unknown as SchedulingEvent;
  switch (event.type) {
    case 'DoctorRegistered':
      putOwn(state.doctorNames, event.data.doctorId, event.data.name);
      break;
    case 'SlotScheduled': {
      const { dayId, slotId, doctorId, date, startTime } = event.data;
      putOwn(state.slots, slotKey(dayId, slotId), { dayId, slotId, doctorId, date, startTime });
      break;
    }
    case 'SlotBooked':
      putOwn(
        ownOrPut(state.bookings, event.data.patientId, () => ({})),
        slotKey(event.data.dayId, event.data.slotId),
        true as const,
      );
      break;
    case 'SlotBookingCancelled': {
      const booked = own(state.bookings, event.data.patientId);
      if (booked) deleteOwn(booked, slotKey(event.data.dayId, event.data.slotId));
      break;
    }
  }
  return state;
}

/** Each patient's booked slots with their doctor: feeds `patientSlots`. */
export const patientSlotsProjection: Projection<PatientSlotsState> = {
  name: 'patientSlots',
  description: "Each patient's booked slots, with the doctor and time, for the patient's own list.",
  initialState: () => ({ doctorNames: {}, slots: {}, bookings: {} }),
  apply,
};
