import type { DomainRaceProperty, RecordedEvent, Violation } from '../../../index.ts';
import { asTodoEvent } from '../events.ts';
import { todoInvariants } from '../invariants.ts';

/** Pure: the completions of a log that have a stakeholder to tell, by event id, with that stakeholder's email. */
function completionsToTell(
  log: readonly RecordedEvent[],
): Map<string, { event: RecordedEvent; email: string }> {
  const emails = new Map<string, string | null>();
  const completions = new Map<string, { event: RecordedEvent; email: string }>();
  for (const recorded of log) {
    const event = asTodoEvent(recorded);
    if (event.type === 'TodoAdded') emails.set(event.data.todoId, event.data.stakeholderEmail);
    if (event.type === 'TodoAmended' && event.data.stakeholderEmail !== undefined)
      emails.set(event.data.todoId, event.data.stakeholderEmail);
    const email = emails.get(event.data.todoId);
    if (event.type === 'TodoCompleted' && email) completions.set(recorded.id, { event: recorded, email });
  }
  return completions;
}

/** Once the reactor has caught up, every completion with a stakeholder was notified (at most once: an invariant). */
export const everyCompletionNotified: DomainRaceProperty = {
  name: 'everyCompletionNotified',
  title: 'once settled, always tells the stakeholder of every completion that has one',
  when: 'settled',
  check(log) {
    const told = new Set(
      log.flatMap((recorded) => {
        const event = asTodoEvent(recorded);
        return event.type === 'StakeholderNotifiedOfTodoCompletion' ? [event.data.causationEventId] : [];
      }),
    );
    const violations: Violation[] = [];
    for (const [eventId, { event, email }] of completionsToTell(log))
      if (!told.has(eventId))
        violations.push({
          invariant: 'everyCompletionNotified',
          message: `${email} was never told that ${asTodoEvent(event).data.todoId} was completed (position ${event.position})`,
          positions: [event.position],
        });
    return violations;
  },
};

/** The todo domain's race properties: its invariants at every step, and the notifications once settled. */
export const todoRaceProperties: DomainRaceProperty[] = [
  ...todoInvariants.map((invariant): DomainRaceProperty => ({ ...invariant, when: 'always' })),
  everyCompletionNotified,
];
