import { own, withOwn } from '../../../core/own.ts';
import type { Decider } from '../../../core/decider.ts';
import { accept } from '../../../core/decider.ts';
import type { MailboxCommand } from '../commands.ts';
import type { SchedulingError } from '../errors.ts';
import type { MailboxEvent } from '../events.ts';

export interface MailboxState {
  /** Causation ids already notified about: why a redelivered NotifyPatient sends nothing twice. */
  notifiedCausations: Record<string, true>;
}

/** Pure: an empty mailbox. */
export const initialState = (): MailboxState => ({ notifiedCausations: {} });

/** Pure: the mailbox after one event. */
export function evolve(state: MailboxState, event: MailboxEvent): MailboxState {
  switch (event.type) {
    case 'PatientNotified':
      return {
        notifiedCausations: withOwn(state.notifiedCausations, event.data.causationEventId, true as const),
      };
    default:
      return state;
  }
}

/** Pure: has the patient already been told about this event? */
export const isAlreadyNotified = (state: MailboxState, causationEventId: string): boolean =>
  own(state.notifiedCausations, causationEventId) === true;

/** Pure: notifies the patient, or accepts with no events when this cause was already notified (idempotent). */
export function decide(command: MailboxCommand, state: MailboxState): ReturnType<MailboxDecider['decide']> {
  if (isAlreadyNotified(state, command.data.causationEventId)) return accept();
  return accept({ type: 'PatientNotified', data: { ...command.data } });
}

type MailboxDecider = Decider<MailboxCommand, MailboxEvent, MailboxState, unknown, SchedulingError>;

/** A patient's outgoing mail, in stream `mailbox-<patientId>`. */
export const mailboxDecider: MailboxDecider = { initialState, evolve, decide };
