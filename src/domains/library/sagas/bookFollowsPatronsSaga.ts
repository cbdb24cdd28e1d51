import type { Reaction, Saga } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { type PersistedInstance, stepInstance } from '../../kit/machineSaga.ts';
import type { BookCommand } from '../commands.ts';
import { type LibraryEvent, asLibraryEvent } from '../events.ts';
import { type Keyed, emptyKeyed, own, withEntry } from '../keyed.ts';
import {
  type BookProcessContext,
  type BookProcessEvent,
  type MarkCheckedOutParams,
  type MarkOnHoldParams,
  bookFollowsPatronsMachine,
} from './bookFollowsPatronsMachine.ts';

/** The book process's state: one machine instance per copy, and the last position it handled. */
export interface BookProcessState {
  /** Why a position: delivery is in log order, so anything at or below it is a redelivery to ignore. */
  lastPosition: number;
  instances: Keyed<PersistedInstance<BookProcessContext>>;
}

/** Pure: the copy an event is about and what it means to the book process, or null when it means nothing. */
function machineEventOf(event: LibraryEvent): { bookId: string; event: BookProcessEvent } | null {
  switch (event.type) {
    case 'BookInstanceAddedToCatalogue':
      return { bookId: event.data.bookId, event: { type: 'instance.added' } };
    case 'BookPlacedOnHold': {
      const { patronId, bookId, holdTill, holdNumber } = event.data;
      return {
        bookId,
        event: {
          type: 'hold.placed',
          patronId,
          holdTill,
          ...(holdNumber === undefined ? {} : { holdNumber }),
        },
      };
    }
    case 'BookHoldCanceled':
    case 'BookHoldExpired':
      return { bookId: event.data.bookId, event: { type: 'hold.ended', patronId: event.data.patronId } };
    case 'BookCheckedOut':
      return {
        bookId: event.data.bookId,
        event: { type: 'checkedOut', patronId: event.data.patronId, till: event.data.till },
      };
    case 'BookReturned':
      return { bookId: event.data.bookId, event: { type: 'returned', patronId: event.data.patronId } };
    default:
      return null;
  }
}

function toReaction(action: { type: string; params: unknown }): Reaction<BookCommand>[] {
  switch (action.type) {
    case 'markAvailable':
      return [{ command: { type: 'MarkBookAvailable', data: action.params as { bookId: string } } }];
    case 'markOnHold':
      return [{ command: { type: 'MarkBookOnHold', data: action.params as MarkOnHoldParams } }];
    case 'markCheckedOut':
      return [{ command: { type: 'MarkBookCheckedOut', data: action.params as MarkCheckedOutParams } }];
    default:
      return [];
  }
}

/** The book process: each copy's stream follows the patrons' holds, checkouts and returns. */
export function createBookFollowsPatronsSaga(): Saga<BookProcessState, BookCommand> {
  return {
    name: 'bookFollowsPatrons',
    description:
      "Keeps each copy's stream following the patrons: on hold, checked out, available again when its holder lets go.",
    initialState: () => ({ lastPosition: 0, instances: emptyKeyed() }),
    handle(state, recorded: RecordedEvent) {
      if (recorded.position <= state.lastPosition) return { state, reactions: [] };
      const advanced = { ...state, lastPosition: recorded.position };
      const event = asLibraryEvent(recorded);
      const found = machineEventOf(event);
      const existing = found ? own(state.instances, found.bookId) : undefined;
      const isNew = found?.event.type === 'instance.added';
      // A copy the process has not seen added (or one added twice) gives it nothing to do.
      if (!found || (isNew ? existing !== undefined : existing === undefined))
        return { state: advanced, reactions: [] };
      const input =
        event.type === 'BookInstanceAddedToCatalogue'
          ? { bookId: event.data.bookId, branchId: event.data.branchId, bookType: event.data.bookType }
          : undefined;
      const { instance, actions } = stepInstance<BookProcessContext>(
        bookFollowsPatronsMachine,
        existing,
        input,
        found.event,
      );
      return {
        state: { ...advanced, instances: withEntry(state.instances, found.bookId, instance) },
        reactions: actions.flatMap(toReaction),
      };
    },
  };
}
