/**
 * The rules the whole log obeys, whatever the interleaving: each a pure check over the log that names the
 * positions that break it. The race lab checks them at every step; tests check each on a log that breaks it.
 */
import type { Invariant, RecordedEvent, Violation } from '../../index.ts';
import { asTodoEvent } from './events.ts';

const isClosing = (event: RecordedEvent) => event.type === 'TodoCompleted' || event.type === 'TodoAbandoned';
const closed = (event: RecordedEvent) => (event.type === 'TodoCompleted' ? 'completed' : 'abandoned');
const todoIdOf = (event: RecordedEvent) => asTodoEvent(event).data.todoId;

/** A todo is completed or abandoned at most once, and never both. */
export const closedAtMostOnce: Invariant = {
  name: 'closedAtMostOnce',
  title: 'never completes or abandons a todo twice, nor both',
  check(log) {
    const closings = new Map<string, RecordedEvent>();
    const violations: Violation[] = [];
    for (const event of log.filter(isClosing)) {
      const todoId = todoIdOf(event);
      const first = closings.get(todoId);
      if (!first) closings.set(todoId, event);
      else
        violations.push({
          invariant: 'closedAtMostOnce',
          message: `${todoId} was ${closed(event)} at position ${event.position} after it was ${closed(first)} at position ${first.position}`,
          positions: [first.position, event.position],
        });
    }
    return violations;
  },
};

/** A completed or abandoned todo is never amended. */
export const noAmendmentAfterClosing: Invariant = {
  name: 'noAmendmentAfterClosing',
  title: 'never amends a todo once it is completed or abandoned',
  check(log) {
    const closings = new Map<string, RecordedEvent>();
    const violations: Violation[] = [];
    for (const event of log) {
      const todoId = todoIdOf(event);
      const closing = closings.get(todoId);
      if (isClosing(event) && !closing) closings.set(todoId, event);
      if (event.type === 'TodoAmended' && closing)
        violations.push({
          invariant: 'noAmendmentAfterClosing',
          message: `${todoId} was amended at position ${event.position} after it was ${closed(closing)} at position ${closing.position}`,
          positions: [closing.position, event.position],
        });
    }
    return violations;
  },
};

/** A completion is notified at most once (the race lab checks "at least once" when settled). */
export const oneNotificationPerCompletion: Invariant = {
  name: 'oneNotificationPerCompletion',
  title: 'never tells a stakeholder twice of one completion',
  check(log) {
    const notified = new Map<string, RecordedEvent>();
    const violations: Violation[] = [];
    for (const recorded of log) {
      const event = asTodoEvent(recorded);
      if (event.type !== 'StakeholderNotifiedOfTodoCompletion') continue;
      const first = notified.get(event.data.causationEventId);
      if (!first) notified.set(event.data.causationEventId, recorded);
      else
        violations.push({
          invariant: 'oneNotificationPerCompletion',
          message: `${event.data.stakeholderEmail} was told again at position ${recorded.position} that ${event.data.todoId} is done (first told at position ${first.position}, for event ${event.data.causationEventId})`,
          positions: [first.position, recorded.position],
        });
    }
    return violations;
  },
};

/** A notification goes to the stakeholder email the todo had when it was completed (as amended last). */
export const notifiesTheLatestEmail: Invariant = {
  name: 'notifiesTheLatestEmail',
  title: 'always tells the stakeholder email as amended last before completion',
  check(log) {
    const emails = new Map<string, string | null>();
    const completions = new Map<string, { position: number; email: string | null }>();
    const violations: Violation[] = [];
    for (const recorded of log) {
      const event = asTodoEvent(recorded);
      const { todoId } = event.data;
      if (event.type === 'TodoAdded') emails.set(todoId, event.data.stakeholderEmail);
      if (event.type === 'TodoAmended' && event.data.stakeholderEmail !== undefined)
        emails.set(todoId, event.data.stakeholderEmail);
      if (event.type === 'TodoCompleted')
        completions.set(recorded.id, { position: recorded.position, email: emails.get(todoId) ?? null });
      if (event.type !== 'StakeholderNotifiedOfTodoCompletion') continue;
      // A notification that names no completion of this log was sent by hand: nothing to compare it with.
      const completion = completions.get(event.data.causationEventId);
      if (!completion || completion.email === event.data.stakeholderEmail) continue;
      violations.push({
        invariant: 'notifiesTheLatestEmail',
        message: `${event.data.stakeholderEmail} was told at position ${recorded.position} that ${todoId} is done, but when it was completed (position ${completion.position}) its stakeholder was ${completion.email ?? 'nobody'}`,
        positions: [completion.position, recorded.position],
      });
    }
    return violations;
  },
};

/** Every stream's versions run 1, 2, 3… in log order: no write was lost or doubled. */
export const contiguousVersions: Invariant = {
  name: 'contiguousVersions',
  title: 'always numbers each stream’s events 1, 2, 3… with no gap or repeat',
  check(log) {
    const versions = new Map<string, RecordedEvent>();
    const violations: Violation[] = [];
    for (const event of log) {
      const previous = versions.get(event.streamId);
      const expected = (previous?.version ?? 0) + 1;
      if (event.version !== expected)
        violations.push({
          invariant: 'contiguousVersions',
          message: `${event.streamId} has version ${event.version} at position ${event.position} where ${expected} was due`,
          positions: previous ? [previous.position, event.position] : [event.position],
        });
      versions.set(event.streamId, event);
    }
    return violations;
  },
};

/** The todo domain's invariants, in the order the contract lists them. */
export const todoInvariants: Invariant[] = [
  closedAtMostOnce,
  noAmendmentAfterClosing,
  oneNotificationPerCompletion,
  notifiesTheLatestEmail,
  contiguousVersions,
];
