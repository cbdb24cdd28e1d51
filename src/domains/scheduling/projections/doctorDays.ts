import { own, ownOrPut, putOwn } from '../../../core/own.ts';
import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { SchedulingEvent } from '../events.ts';

export type SlotStatus = 'available' | 'booked' | 'cancelled';
export type DayStatus = 'scheduled' | 'cancelled' | 'archived';

export interface SlotView {
  slotId: string;
  startTime: string;
  status: SlotStatus;
  patientId?: string;
}

export interface DayView {
  dayId: string;
  doctorId: string;
  date: string;
  status: DayStatus;
  slots: Record<string, SlotView>;
}

export interface DoctorDaysState {
  doctorNames: Record<string, string>;
  days: Record<string, DayView>;
  dayIdsByDate: Record<string, string[]>;
}

const slotOf = (state: DoctorDaysState, dayId: string, slotId: string): SlotView | undefined => {
  const day = own(state.days, dayId);
  return day ? own(day.slots, slotId) : undefined;
};

function apply(state: DoctorDaysState, recorded: RecordedEvent): DoctorDaysState {
  const event = recorded as unknown as SchedulingEvent;
  switch (event.type) {
    case 'DoctorRegistered':
      putOwn(state.doctorNames, event.data.doctorId, event.data.name);
      break;
    case 'DayScheduled': {
      const { dayId, doctorId, date } = event.data;
      putOwn(state.days, dayId, { dayId, doctorId, date, status: 'scheduled', slots: {} });
      ownOrPut(state.dayIdsByDate, date, () => []).push(dayId);
      break;
    }
    case 'SlotScheduled': {
      const day = own(state.days, event.data.dayId);
      if (day)
        putOwn(day.slots, event.data.slotId, {
          slotId: event.data.slotId,
          startTime: event.data.startTime,
          status: 'available',
        });
      break;
    }
    case 'SlotBooked': {
      const slot = slotOf(state, event.data.dayId, event.data.slotId);
      if (slot) Object.assign(slot, { status: 'booked', patientId: event.data.patientId });
      break;
    }
    case 'SlotBookingCancelled': {
      const slot = slotOf(state, event.data.dayId, event.data.slotId);
      if (slot) {
        slot.status = 'available';
        delete slot.patientId;
      }
      break;
    }
    case 'SlotScheduleCancelled': {
      const slot = slotOf(state, event.data.dayId, event.data.slotId);
      if (slot) slot.status = 'cancelled';
      break;
    }
    case 'DayScheduleCancelled': {
      const day = own(state.days, event.data.dayId);
      if (day) day.status = 'cancelled';
      break;
    }
    case 'DayScheduleArchived': {
      const day = own(state.days, event.data.dayId);
      if (day) day.status = 'archived';
      break;
    }
  }
  return state;
}

/** Every doctor's day and the state of each of its slots: feeds `doctorDay` and `availableSlots`. */
export const doctorDaysProjection: Projection<DoctorDaysState> = {
  name: 'doctorDays',
  description:
    "Each doctor's day and its slots (available, booked, cancelled); the source of the available-slots list.",
  initialState: () => ({ doctorNames: {}, days: {}, dayIdsByDate: {} }),
  apply,
};
