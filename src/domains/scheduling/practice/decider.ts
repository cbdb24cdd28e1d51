import { own, withOwn } from '../../../core/own.ts';
import type { Decider } from '../../../core/decider.ts';
import { accept, reject } from '../../../core/decider.ts';
import type { PracticeCommand } from '../commands.ts';
import type { SchedulingError } from '../errors.ts';
import { doctorAlreadyRegistered, practiceFull } from '../errors.ts';
import type { PracticeEvent, WorkingHours } from '../events.ts';
import { firstFailure } from '../policy.ts';
import { DEFAULT_WORKING_HOURS, MAX_DOCTORS, isPracticeFull } from './policies.ts';

export interface RegisteredDoctor {
  doctorId: string;
  name: string;
  specialty: string;
  workingHours: WorkingHours;
}

export interface PracticeState {
  doctors: Record<string, RegisteredDoctor>;
  /** The monthly limit the practice last set, or null while it keeps the configured default. */
  monthlyLimit: number | null;
}

/** Pure: an empty practice. */
export const initialState = (): PracticeState => ({ doctors: {}, monthlyLimit: null });

/** Pure: the practice after one event. */
export function evolve(state: PracticeState, event: PracticeEvent): PracticeState {
  switch (event.type) {
    case 'DoctorRegistered':
      return { ...state, doctors: withOwn(state.doctors, event.data.doctorId, { ...event.data }) };
    case 'MonthlyLimitSet':
      return { ...state, monthlyLimit: event.data.monthlyLimit };
    default:
      return state;
  }
}

/** Pure: the doctor's registration, or null. */
export const doctorIn = (state: PracticeState, doctorId: string): RegisteredDoctor | null =>
  own(state.doctors, doctorId) ?? null;

/** Pure: registers a doctor (unless already registered or the practice is full), or sets the monthly limit. */
export function decide(
  command: PracticeCommand,
  state: PracticeState,
): ReturnType<PracticeDecider['decide']> {
  // A setting of the practice: always accepted, it applies to every patient from the next booking on.
  if (command.type === 'SetMonthlyLimit')
    return accept({ type: 'MonthlyLimitSet', data: { monthlyLimit: command.data.monthlyLimit } });
  const { doctorId, name, specialty, workingHours } = command.data;
  const doctorCount = Object.keys(state.doctors).length;
  const failure = firstFailure(
    () =>
      doctorIn(state, doctorId)
        ? doctorAlreadyRegistered(doctorId, doctorIn(state, doctorId)?.name ?? doctorId)
        : null,
    () => (isPracticeFull(doctorCount) ? practiceFull(doctorId, doctorCount, MAX_DOCTORS) : null),
  );
  if (failure) return reject(failure);
  return accept({
    type: 'DoctorRegistered',
    data: { doctorId, name, specialty, workingHours: workingHours ?? DEFAULT_WORKING_HOURS },
  });
}

type PracticeDecider = Decider<PracticeCommand, PracticeEvent, PracticeState, unknown, SchedulingError>;

/** The practice: the doctors it employs, in stream `practice`. */
export const practiceDecider: PracticeDecider = { initialState, evolve, decide };
