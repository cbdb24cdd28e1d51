import { ownOrPut } from '../../../core/own.ts';
import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { PatientNotified, SchedulingEvent } from '../events.ts';

export type MailMessage = PatientNotified['data'];

export type MailboxesState = Record<string, MailMessage[]>;

function apply(state: MailboxesState, recorded: RecordedEvent): MailboxesState {
  const event = recorded as unknown as SchedulingEvent;
  if (event.type === 'PatientNotified')
    ownOrPut(state, event.data.patientId, () => []).push({ ...event.data });
  return state;
}

/** The messages sent to each patient, oldest first: feeds `mailbox`. */
export const mailboxesProjection: Projection<MailboxesState> = {
  name: 'mailboxes',
  description: 'The emails each patient was sent, oldest first.',
  initialState: () => ({}),
  apply,
};
