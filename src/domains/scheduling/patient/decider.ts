import type { Decider } from '../../../core/decider.ts';
import { accept, reject } from '../../../core/decider.ts';
import type { PatientCommand } from '../commands.ts';
import type { SchedulingError } from '../errors.ts';
import { patientAlreadyRegistered } from '../errors.ts';
import type { PatientEvent } from '../events.ts';

export interface PatientState {
  isRegistered: boolean;
  patientId: string;
  name: string;
  email: string;
  birthDate: string;
}

/** Pure: a patient nobody has registered. */
export const initialState = (): PatientState => ({
  isRegistered: false,
  patientId: '',
  name: '',
  email: '',
  birthDate: '',
});

/** Pure: the patient after one event. */
export function evolve(state: PatientState, event: PatientEvent): PatientState {
  switch (event.type) {
    case 'PatientRegistered':
      return { isRegistered: true, ...event.data };
    default:
      return state;
  }
}

/** Pure: registers a patient once. */
export function decide(command: PatientCommand, state: PatientState): ReturnType<PatientDecider['decide']> {
  if (state.isRegistered) return reject(patientAlreadyRegistered(state.patientId, state.name));
  return accept({ type: 'PatientRegistered', data: { ...command.data } });
}

type PatientDecider = Decider<PatientCommand, PatientEvent, PatientState, unknown, SchedulingError>;

/** A patient of the practice, in stream `patient-<patientId>`. */
export const patientDecider: PatientDecider = { initialState, evolve, decide };
