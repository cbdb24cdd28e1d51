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
}

/** Pure: an empty practice. */
export const initialState = (): PracticeState => ({ doctors: {} });

/** Pure: the practice after one event. */
export function evolve(state: PracticeState, event: PracticeEvent): PracticeState {
  switch (event.type) {
    case 'DoctorRegistered':
      return { doctors: { ...state.doctors, [event.data.doctorId]: { ...event.data } } };
    default:
      return state;
  }
}

/** Pure: the doctor's registration, or null. */
export const doctorIn = (state: PracticeState, doctorId: string): RegisteredDoctor | null =>
  state.doctors[doctorId] ?? null;

/** Pure: registers a doctor, unless already registered or the practice is full. */
export function decide(
  command: PracticeCommand,
  state: PracticeState,
): ReturnType<PracticeDecider['decide']> {
  const { doctorId, name, specialty, workingHours } = command.data;
  const doctorCount = Object.keys(state.doctors).length;
  const failure = firstFailure(
    () =>
      doctorIn(state, doctorId) ? doctorAlreadyRegistered(doctorId, state.doctors[doctorId].name) : null,
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
