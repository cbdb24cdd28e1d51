import type { Decider, Decision } from '../../../core/decider.ts';
import { accept, reject } from '../../../core/decider.ts';
import type {
  ArchiveDaySchedule,
  BookDoubleSlot,
  BookSlot,
  CancelDaySchedule,
  CancelSlotBooking,
  DayCommand,
  ScheduleDay,
  ScheduleSlot,
} from '../commands.ts';
import type { SchedulingError } from '../errors.ts';
import {
  dailyLimitExceeded,
  dayAlreadyScheduled,
  dayNotScheduled,
  dayScheduleAlreadyArchived,
  dayScheduleAlreadyCancelled,
  doctorNotRegistered,
  noAdjacentSlot,
  patientNotRegistered,
  slotAlreadyBooked,
  slotBookedByAnotherPatient,
  slotIdAlreadyUsed,
  slotInPast,
  slotNotBooked,
  slotNotScheduled,
  slotOutsideWorkingHours,
  slotOverlapped,
} from '../errors.ts';
import type {
  DayEvent,
  SlotBooked,
  SlotBookingCancelled,
  SlotScheduleCancelled,
  SlotScheduled,
} from '../events.ts';
import { DAY_CANCELLED } from '../events.ts';
import { dateOfDay, dayIdOf, doctorIdOfDay, slotIdOf } from '../ids.ts';
import type { PatientState } from '../patient/decider.ts';
import type { PracticeState } from '../practice/decider.ts';
import { doctorIn } from '../practice/decider.ts';
import { DEFAULT_WORKING_HOURS } from '../practice/policies.ts';
import { type Check, firstFailure } from '../policy.ts';
import { SLOT_MINUTES, addMinutes, minutesOf } from '../time.ts';
import {
  MAX_SLOTS_PER_DAY,
  exceedsDailyLimit,
  fitsWorkingHours,
  isCompensation,
  isAdjacentAfter,
  isInPast,
  overlaps,
} from './policies.ts';

export interface DaySlot {
  slotId: string;
  startTime: string;
  /** The patient holding the slot, or null when free. */
  bookedBy: string | null;
  isCancelled: boolean;
}

export interface DayState {
  dayId: string;
  doctorId: string;
  date: string;
  isScheduled: boolean;
  isCancelled: boolean;
  isArchived: boolean;
  /** In the order they were scheduled. */
  slots: DaySlot[];
}

/** What the shell read before deciding: the clock and the guard streams, folded (seed 003). */
export interface DayContext {
  now: string;
  /** The `practice` stream folded; read by ScheduleDay and ScheduleSlot. */
  practice: PracticeState;
  /** The booking patient's stream folded; read by BookSlot and BookDoubleSlot. */
  patient: PatientState | null;
}

/** Pure: a day nobody has scheduled. */
export const initialState = (): DayState => ({
  dayId: '',
  doctorId: '',
  date: '',
  isScheduled: false,
  isCancelled: false,
  isArchived: false,
  slots: [],
});

const updateSlot = (state: DayState, slotId: string, change: Partial<DaySlot>): DayState => ({
  ...state,
  slots: state.slots.map((slot) => (slot.slotId === slotId ? { ...slot, ...change } : slot)),
});

/** Pure: the day after one event. */
export function evolve(state: DayState, event: DayEvent): DayState {
  switch (event.type) {
    case 'DayScheduled':
      return { ...state, ...event.data, isScheduled: true };
    case 'SlotScheduled': {
      const { slotId, startTime } = event.data;
      return { ...state, slots: [...state.slots, { slotId, startTime, bookedBy: null, isCancelled: false }] };
    }
    case 'SlotBooked':
      return updateSlot(state, event.data.slotId, { bookedBy: event.data.patientId });
    case 'SlotBookingCancelled':
      return updateSlot(state, event.data.slotId, { bookedBy: null });
    case 'SlotScheduleCancelled':
      return updateSlot(state, event.data.slotId, { isCancelled: true });
    case 'DayScheduleCancelled':
      return { ...state, isCancelled: true };
    case 'DayScheduleArchived':
      return { ...state, isArchived: true };
    default:
      return state;
  }
}

const activeSlots = (state: DayState): DaySlot[] => state.slots.filter((slot) => !slot.isCancelled);

/** Pure: the day's uncancelled slot with this id, or null. */
export const slotIn = (state: DayState, slotId: string): DaySlot | null =>
  activeSlots(state).find((slot) => slot.slotId === slotId) ?? null;

const dayMustNotBeArchived =
  (state: DayState, dayId: string): Check =>
  () =>
    state.isArchived ? dayScheduleAlreadyArchived(dayId) : null;

const dayMustNotBeCancelled =
  (state: DayState, dayId: string): Check =>
  () =>
    state.isCancelled ? dayScheduleAlreadyCancelled(dayId) : null;

const dayMustBeScheduled =
  (state: DayState, dayId: string): Check =>
  () =>
    state.isScheduled ? null : dayNotScheduled(dayId);

const patientMustBeRegistered =
  (context: DayContext, patientId: string): Check =>
  () =>
    context.patient?.isRegistered ? null : patientNotRegistered(patientId);

interface NewSlot {
  slotId: string;
  startTime: string;
}

/** The rules every new slot obeys, whether it comes with its day or on its own. */
function newSlotsMustFit(state: DayState, dayId: string, newSlots: NewSlot[], context: DayContext): Check[] {
  const date = dateOfDay(dayId);
  const workingHours =
    doctorIn(context.practice, doctorIdOfDay(dayId))?.workingHours ?? DEFAULT_WORKING_HOURS;
  const existing = activeSlots(state);
  return [
    () => {
      const past = newSlots.find((slot) => isInPast(date, slot.startTime, context.now));
      return past ? slotInPast(dayId, past.startTime, context.now) : null;
    },
    () => {
      const outside = newSlots.find((slot) => !fitsWorkingHours(slot.startTime, workingHours));
      return outside ? slotOutsideWorkingHours(dayId, outside.startTime, workingHours) : null;
    },
    () => {
      const taken: NewSlot[] = [...existing];
      for (const slot of newSlots) {
        const other = taken.find((candidate) => overlaps(candidate.startTime, slot.startTime));
        if (other) return slotOverlapped(dayId, slot.startTime, other.startTime);
        taken.push(slot);
      }
      return null;
    },
    () => {
      const slotCount = existing.length + newSlots.length;
      return exceedsDailyLimit(slotCount) ? dailyLimitExceeded(dayId, slotCount, MAX_SLOTS_PER_DAY) : null;
    },
    () => {
      const ids = new Set(state.slots.map((slot) => slot.slotId));
      for (const slot of newSlots) {
        if (ids.has(slot.slotId)) return slotIdAlreadyUsed(dayId, slot.slotId);
        ids.add(slot.slotId);
      }
      return null;
    },
  ];
}

const slotScheduled = (dayId: string, slot: NewSlot): SlotScheduled => ({
  type: 'SlotScheduled',
  data: {
    dayId,
    slotId: slot.slotId,
    doctorId: doctorIdOfDay(dayId),
    date: dateOfDay(dayId),
    startTime: slot.startTime,
    durationMinutes: SLOT_MINUTES,
  },
});

type DayDecision = Decision<DayEvent, SchedulingError>;

function scheduleDay(command: ScheduleDay, state: DayState, context: DayContext): DayDecision {
  const { doctorId, date } = command.data;
  const dayId = dayIdOf(doctorId, date);
  const newSlots = command.data.slots.map((slot) => ({
    startTime: slot.startTime,
    slotId: slot.slotId ?? slotIdOf(dayId, slot.startTime),
  }));
  const failure = firstFailure(
    () => (doctorIn(context.practice, doctorId) ? null : doctorNotRegistered(doctorId)),
    dayMustNotBeArchived(state, dayId),
    dayMustNotBeCancelled(state, dayId),
    () => (state.isScheduled ? dayAlreadyScheduled(dayId) : null),
    ...newSlotsMustFit(state, dayId, newSlots, context),
  );
  if (failure) return reject(failure);
  return accept<DayEvent>(
    { type: 'DayScheduled', data: { dayId, doctorId, date } },
    ...newSlots.map((slot) => slotScheduled(dayId, slot)),
  );
}

function scheduleSlot(command: ScheduleSlot, state: DayState, context: DayContext): DayDecision {
  const { dayId, startTime } = command.data;
  const slot = { startTime, slotId: command.data.slotId ?? slotIdOf(dayId, startTime) };
  const failure = firstFailure(
    dayMustNotBeArchived(state, dayId),
    dayMustNotBeCancelled(state, dayId),
    dayMustBeScheduled(state, dayId),
    ...newSlotsMustFit(state, dayId, [slot], context),
  );
  if (failure) return reject(failure);
  return accept(slotScheduled(dayId, slot));
}

const slotMustBeScheduled =
  (state: DayState, dayId: string, slotId: string): Check =>
  () =>
    slotIn(state, slotId) ? null : slotNotScheduled(dayId, slotId);

const slotMustNotBeInPast =
  (state: DayState, dayId: string, slotId: string, now: string): Check =>
  () => {
    const slot = slotIn(state, slotId);
    return slot && isInPast(state.date || dateOfDay(dayId), slot.startTime, now)
      ? slotInPast(dayId, slot.startTime, now)
      : null;
  };

const slotMustBeFree =
  (state: DayState, dayId: string, slotId: string, patientId: string): Check =>
  () => {
    const slot = slotIn(state, slotId);
    return slot?.bookedBy ? slotAlreadyBooked(dayId, slotId, slot.startTime, patientId, slot.bookedBy) : null;
  };

/** Pure: the uncancelled slot starting exactly 10 minutes after this one, or null. */
export function slotAfter(state: DayState, slotId: string): DaySlot | null {
  const slot = slotIn(state, slotId);
  if (!slot) return null;
  return activeSlots(state).find((next) => isAdjacentAfter(slot.startTime, next.startTime)) ?? null;
}

function bookSlot(command: BookSlot, state: DayState, context: DayContext): DayDecision {
  const { dayId, slotId, patientId } = command.data;
  const failure = firstFailure(
    patientMustBeRegistered(context, patientId),
    dayMustNotBeArchived(state, dayId),
    dayMustNotBeCancelled(state, dayId),
    dayMustBeScheduled(state, dayId),
    slotMustBeScheduled(state, dayId, slotId),
    slotMustNotBeInPast(state, dayId, slotId, context.now),
    slotMustBeFree(state, dayId, slotId, patientId),
  );
  if (failure) return reject(failure);
  return accept<DayEvent>({ type: 'SlotBooked', data: { dayId, slotId, patientId } });
}

function bookDoubleSlot(command: BookDoubleSlot, state: DayState, context: DayContext): DayDecision {
  const { dayId, slotId, patientId } = command.data;
  const next = slotAfter(state, slotId);
  const failure = firstFailure(
    patientMustBeRegistered(context, patientId),
    dayMustNotBeArchived(state, dayId),
    dayMustNotBeCancelled(state, dayId),
    dayMustBeScheduled(state, dayId),
    slotMustBeScheduled(state, dayId, slotId),
    () => {
      const slot = slotIn(state, slotId);
      return slot && !next
        ? noAdjacentSlot(dayId, slotId, slot.startTime, addMinutes(slot.startTime, SLOT_MINUTES))
        : null;
    },
    slotMustNotBeInPast(state, dayId, slotId, context.now),
    slotMustBeFree(state, dayId, slotId, patientId),
    () => (next ? slotMustBeFree(state, dayId, next.slotId, patientId)() : null),
  );
  if (failure || !next) return reject(failure ?? slotNotScheduled(dayId, slotId));
  // Why one decision with both events: the store appends them atomically, so a double slot is all or nothing.
  const both: SlotBooked[] = [
    { type: 'SlotBooked', data: { dayId, slotId, patientId, pairedSlotId: next.slotId } },
    { type: 'SlotBooked', data: { dayId, slotId: next.slotId, patientId, pairedSlotId: slotId } },
  ];
  return accept<DayEvent>(...both);
}

function cancelSlotBooking(command: CancelSlotBooking, state: DayState, context: DayContext): DayDecision {
  const { dayId, slotId, reason, patientId } = command.data;
  const slot = slotIn(state, slotId);
  // Why a compensation passes an archived day: as for a started slot, the booking was only provisional, and the
  // monthly limit must hold once the saga settles even when the day was archived in between.
  const failure = firstFailure(
    isCompensation(reason) ? () => null : dayMustNotBeArchived(state, dayId),
    dayMustNotBeCancelled(state, dayId),
    dayMustBeScheduled(state, dayId),
    () => (slot?.bookedBy ? null : slotNotBooked(dayId, slotId)),
    () =>
      slot && patientId !== undefined && slot.bookedBy !== patientId
        ? slotBookedByAnotherPatient(dayId, slotId, slot.startTime, patientId)
        : null,
    () => (isCompensation(reason) ? null : slotMustNotBeInPast(state, dayId, slotId, context.now)()),
  );
  if (failure || !slot?.bookedBy) return reject(failure ?? slotNotBooked(dayId, slotId));
  return accept<DayEvent>({
    type: 'SlotBookingCancelled',
    data: { dayId, slotId, patientId: slot.bookedBy, reason },
  });
}

const byStartTime = (a: DaySlot, b: DaySlot) => minutesOf(a.startTime) - minutesOf(b.startTime);

function cancelDaySchedule(command: CancelDaySchedule, state: DayState): DayDecision {
  const { dayId, reason } = command.data;
  const failure = firstFailure(
    dayMustNotBeArchived(state, dayId),
    dayMustNotBeCancelled(state, dayId),
    dayMustBeScheduled(state, dayId),
  );
  if (failure) return reject(failure);
  const slots = activeSlots(state).sort(byStartTime);
  const bookingsCancelled: SlotBookingCancelled[] = slots.flatMap((slot) =>
    slot.bookedBy
      ? [
          {
            type: 'SlotBookingCancelled' as const,
            data: { dayId, slotId: slot.slotId, patientId: slot.bookedBy, reason: DAY_CANCELLED },
          },
        ]
      : [],
  );
  const slotsCancelled: SlotScheduleCancelled[] = slots.map((slot) => ({
    type: 'SlotScheduleCancelled',
    data: { dayId, slotId: slot.slotId },
  }));
  return accept<DayEvent>(...bookingsCancelled, ...slotsCancelled, {
    type: 'DayScheduleCancelled',
    data: { dayId, reason },
  });
}

function archiveDaySchedule(command: ArchiveDaySchedule, state: DayState): DayDecision {
  const { dayId } = command.data;
  const failure = firstFailure(dayMustBeScheduled(state, dayId), () =>
    state.isArchived ? dayScheduleAlreadyArchived(dayId) : null,
  );
  if (failure) return reject(failure);
  return accept<DayEvent>({ type: 'DayScheduleArchived', data: { dayId } });
}

/** Pure: a doctor's day decides on its own slots; every rule checked in DOMAIN.md's order. */
export function decide(command: DayCommand, state: DayState, context: DayContext): DayDecision {
  switch (command.type) {
    case 'ScheduleDay':
      return scheduleDay(command, state, context);
    case 'ScheduleSlot':
      return scheduleSlot(command, state, context);
    case 'BookSlot':
      return bookSlot(command, state, context);
    case 'BookDoubleSlot':
      return bookDoubleSlot(command, state, context);
    case 'CancelSlotBooking':
      return cancelSlotBooking(command, state, context);
    case 'CancelDaySchedule':
      return cancelDaySchedule(command, state);
    case 'ArchiveDaySchedule':
      return archiveDaySchedule(command, state);
  }
}

/** A doctor's day, holding its slots: stream `doctorday-<dayId>`, the consistency boundary for bookings. */
export const dayDecider: Decider<DayCommand, DayEvent, DayState, DayContext, SchedulingError> = {
  initialState,
  evolve,
  decide,
};
