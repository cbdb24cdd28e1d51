/**
 * What a stream of the practice could not have recorded, whatever commands were sent: the lifecycle rules a
 * reordered or edited history (a what-if branch) must still obey before it is replayed.
 */
import type { HistoryProblem } from '../../core/domain/domainModule.ts';
import type { DomainEvent } from '../../core/event.ts';

/** The event each kind of stream is opened by. */
const CREATION: Readonly<Record<string, string>> = {
  doctorday: 'DayScheduled',
  patient: 'PatientRegistered',
};

const slotOf = (event: DomainEvent): string => {
  const { slotId } = (event.data ?? {}) as { slotId?: unknown };
  return typeof slotId === 'string' ? slotId : '';
};

/**
 * Pure: every event of `streamId` its aggregate could not have recorded where it stands: a doctor's day and a
 * patient start with their creation, once; a slot is scheduled before it is booked, booked once at a time, and
 * only a booked slot has its booking cancelled.
 */
export function schedulingHistoryProblems(
  streamId: string,
  events: readonly DomainEvent[],
): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  const kind = streamId.split('-')[0];
  const creation = Object.hasOwn(CREATION, kind) ? CREATION[kind] : null;
  const scheduled = new Set<string>();
  const booked = new Set<string>();
  events.forEach((event, index) => {
    const problem = (text: string) => problems.push({ index, problem: text });
    if (creation && index === 0 && event.type !== creation)
      problem(`would open stream ${streamId}, which must start with ${creation}`);
    else if (creation && index > 0 && event.type === creation)
      problem(`would record ${creation} a second time in stream ${streamId}`);
    const slot = slotOf(event);
    if (event.type === 'SlotScheduled') scheduled.add(slot);
    if (event.type === 'SlotScheduleCancelled') scheduled.delete(slot);
    if (event.type === 'SlotBooked') {
      if (!scheduled.has(slot)) problem(`books slot ${slot} before it is scheduled in stream ${streamId}`);
      else if (booked.has(slot)) problem(`books slot ${slot} while it is still booked in stream ${streamId}`);
      booked.add(slot);
    }
    if (event.type === 'SlotBookingCancelled') {
      if (!booked.has(slot))
        problem(`cancels a booking of slot ${slot} that is not booked in stream ${streamId}`);
      booked.delete(slot);
    }
  });
  return problems;
}
