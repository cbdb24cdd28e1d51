import { own } from '../../core/own.ts';
import type {
  BoundedContext,
  CommandPlan,
  DecisionInput,
  FoldedDecisionInput,
  StreamFold,
} from '../../core/boundedContext.ts';
import type { Decision } from '../../core/decider.ts';
import type { DomainEvent } from '../../core/event.ts';
import type { SchedulingCommand } from './commands.ts';
import { dayDecider, type DayState } from './day/decider.ts';
import type { SchedulingError } from './errors.ts';
import type { SchedulingEvent } from './events.ts';
import { dayIdOf, dayStream, mailboxStream, patientStream, practiceStream } from './ids.ts';
import { mailboxDecider, type MailboxState } from './mailbox/decider.ts';
import { patientDecider, type PatientState } from './patient/decider.ts';
import { practiceDecider, type PracticeState } from './practice/decider.ts';
import { schedulingProjections } from './projections/index.ts';
import { schedulingSagas } from './sagas/index.ts';
import { validateCommand } from './validation.ts';

/** Pure: the state a decider reaches by folding a stream's events. */
export function fold<S, E extends DomainEvent>(
  decider: { initialState: () => S; evolve: (state: S, event: E) => S },
  events: readonly DomainEvent[],
): S {
  return events.reduce((state, event) => decider.evolve(state, event as E), decider.initialState());
}

/** Pure: the stream a command writes to and the streams its guard queries read (seed 003). */
export function planCommand(command: SchedulingCommand): CommandPlan {
  switch (command.type) {
    case 'RegisterDoctor':
    case 'SetMonthlyLimit':
      return { streamId: practiceStream(), guardStreamIds: [] };
    case 'RegisterPatient':
      return { streamId: patientStream(command.data.patientId), guardStreamIds: [] };
    case 'ScheduleDay':
      return {
        streamId: dayStream(dayIdOf(command.data.doctorId, command.data.date)),
        guardStreamIds: [practiceStream()],
      };
    case 'ScheduleSlot':
      return { streamId: dayStream(command.data.dayId), guardStreamIds: [practiceStream()] };
    case 'BookSlot':
    case 'BookDoubleSlot':
      return {
        streamId: dayStream(command.data.dayId),
        guardStreamIds: [patientStream(command.data.patientId)],
      };
    case 'CancelSlotBooking':
    case 'CancelDaySchedule':
    case 'ArchiveDaySchedule':
      return { streamId: dayStream(command.data.dayId), guardStreamIds: [] };
    case 'NotifyPatient':
      return { streamId: mailboxStream(command.data.patientId), guardStreamIds: [] };
  }
}

/** Pure: the decider that folds a stream, found from the stream id's prefix. */
export function streamFold(streamId: string): StreamFold {
  const decider = streamId.startsWith('doctorday-')
    ? dayDecider
    : streamId.startsWith('patient-')
      ? patientDecider
      : streamId.startsWith('mailbox-')
        ? mailboxDecider
        : practiceDecider;
  return decider as unknown as StreamFold;
}

/** Pure: routes a command to its decider, given the target stream and the guard streams already folded. */
export function decideFolded(
  command: SchedulingCommand,
  input: FoldedDecisionInput,
): Decision<SchedulingEvent, SchedulingError> {
  switch (command.type) {
    case 'RegisterDoctor':
    case 'SetMonthlyLimit':
      return practiceDecider.decide(command, input.stream as PracticeState, null);
    case 'RegisterPatient':
      return patientDecider.decide(command, input.stream as PatientState, null);
    case 'NotifyPatient':
      return mailboxDecider.decide(command, input.stream as MailboxState, null);
    default: {
      const practice =
        (own(input.guards, practiceStream()) as PracticeState | undefined) ?? practiceDecider.initialState();
      const patient =
        command.type === 'BookSlot' || command.type === 'BookDoubleSlot'
          ? ((own(input.guards, patientStream(command.data.patientId)) as PatientState | undefined) ??
            patientDecider.initialState())
          : null;
      return dayDecider.decide(command, input.stream as DayState, { now: input.now, practice, patient });
    }
  }
}

/** Pure: routes a command to its decider, folding the target stream and the guard streams first. */
export function decideCommand(
  command: SchedulingCommand,
  input: DecisionInput,
): Decision<SchedulingEvent, SchedulingError> {
  const folded = (streamId: string, events: readonly DomainEvent[]) => {
    const { initialState, evolve } = streamFold(streamId);
    return events.reduce(evolve, initialState());
  };
  const plan = planCommand(command);
  const guards: Record<string, unknown> = Object.create(null);
  for (const id of plan.guardStreamIds) guards[id] = folded(id, own(input.guards, id) ?? []);
  return decideFolded(command, { stream: folded(plan.streamId, input.stream), guards, now: input.now });
}

/** The scheduling bounded context (DOMAIN.md): validation, routing, deciders, read models and sagas. */
export function createScheduling(
  options: { monthlyLimit?: number } = {},
): BoundedContext<SchedulingCommand, SchedulingEvent, SchedulingError> {
  return {
    name: 'scheduling',
    validate: validateCommand,
    plan: planCommand,
    decide: decideCommand,
    decideFolded,
    streamFold,
    projections: schedulingProjections(options.monthlyLimit),
    sagas: schedulingSagas(options.monthlyLimit),
  };
}
