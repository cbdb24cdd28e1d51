import type { Reaction, Saga } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { type PersistedInstance, stepInstance } from '../../kit/machineSaga.ts';
import type { ExpireHold, RegisterOverdueCheckout } from '../commands.ts';
import { type LibraryEvent, asLibraryEvent } from '../events.ts';
import { type Keyed, emptyKeyed, own, withEntry, withoutEntry } from '../keyed.ts';
import {
  type LoanActionParams,
  type LoanWatchContext,
  type LoanWatchEvent,
  dailySheetMachine,
} from './dailySheetMachine.ts';

/** The daily sheet's state: one instance per active hold or unreturned checkout, and the last position handled. */
export interface DailySheetSagaState {
  lastPosition: number;
  /** By `hold <patronId> <bookId>` or `checkout <patronId> <bookId>` (ids hold no spaces). */
  instances: Keyed<PersistedInstance<LoanWatchContext>>;
}

export type DailySheetReaction = ExpireHold | RegisterOverdueCheckout;

/** Pure: the instance key of a patron's hold or checkout of a copy. */
export const loanKey = (kind: 'hold' | 'checkout', patronId: string, bookId: string): string =>
  `${kind} ${patronId} ${bookId}`;

/** Pure: what a patron event means to the daily sheet, per instance it touches. */
function loanEventsOf(event: LibraryEvent): { kind: 'hold' | 'checkout'; event: LoanWatchEvent }[] {
  switch (event.type) {
    case 'BookPlacedOnHold':
      return [{ kind: 'hold', event: { type: 'hold.placed', holdTill: event.data.holdTill } }];
    case 'BookHoldCanceled':
    case 'BookHoldExpired':
      return [{ kind: 'hold', event: { type: 'hold.ended' } }];
    case 'BookCheckedOut':
      return [
        { kind: 'hold', event: { type: 'hold.ended' } },
        { kind: 'checkout', event: { type: 'checkout.started', till: event.data.till } },
      ];
    case 'OverdueCheckoutRegistered':
      return [{ kind: 'checkout', event: { type: 'overdue.registered' } }];
    case 'BookReturned':
      return [{ kind: 'checkout', event: { type: 'returned' } }];
    default:
      return [];
  }
}

function toReaction(action: { type: string; params: unknown }): Reaction<DailySheetReaction>[] {
  const data = action.params as LoanActionParams;
  if (action.type === 'requestExpiry') return [{ command: { type: 'ExpireHold', data } }];
  if (action.type === 'requestOverdue') return [{ command: { type: 'RegisterOverdueCheckout', data } }];
  return [];
}

/** Pure: the instances after one step of one of them; an instance that is done is dropped. */
function withStepped(
  instances: Keyed<PersistedInstance<LoanWatchContext>>,
  key: string,
  instance: PersistedInstance<LoanWatchContext>,
) {
  return instance.value === 'done' ? withoutEntry(instances, key) : withEntry(instances, key, instance);
}

/**
 * The daily sheet process: on each `DailySheetRun`, asks once to expire every hold past its end and to record
 * every checkout past its end overdue ("now" is the clock when the run is delivered).
 */
export function createDailySheetSaga(): Saga<DailySheetSagaState, DailySheetReaction> {
  return {
    name: 'dailySheet',
    description:
      'On each daily sheet run, expires the holds past their end and records late checkouts overdue, each once.',
    initialState: () => ({ lastPosition: 0, instances: emptyKeyed() }),
    handle(state, recorded: RecordedEvent, context) {
      if (recorded.position <= state.lastPosition) return { state, reactions: [] };
      const event = asLibraryEvent(recorded);
      let instances = state.instances;
      const reactions: Reaction<DailySheetReaction>[] = [];
      if (event.type === 'DailySheetRun') {
        const run: LoanWatchEvent = { type: 'sheet.run', now: context.now };
        for (const key of Object.keys(state.instances).sort()) {
          const stepped = stepInstance<LoanWatchContext>(
            dailySheetMachine,
            own(state.instances, key),
            null,
            run,
          );
          if (stepped.actions.length === 0) continue;
          instances = withStepped(instances, key, stepped.instance);
          reactions.push(...stepped.actions.flatMap(toReaction));
        }
      } else if (event.type !== 'PatronCreated') {
        const { patronId, bookId } = event.data as { patronId?: string; bookId?: string };
        for (const { kind, event: loanEvent } of loanEventsOf(event)) {
          if (patronId === undefined || bookId === undefined) break;
          const key = loanKey(kind, patronId, bookId);
          const existing = own(instances, key);
          const starts = loanEvent.type === 'hold.placed' || loanEvent.type === 'checkout.started';
          if (!existing && !starts) continue;
          const stepped = stepInstance<LoanWatchContext>(
            dailySheetMachine,
            starts ? undefined : existing,
            { kind, patronId, bookId },
            loanEvent,
          );
          instances = withStepped(instances, key, stepped.instance);
        }
      }
      return { state: { lastPosition: recorded.position, instances }, reactions };
    },
  };
}
