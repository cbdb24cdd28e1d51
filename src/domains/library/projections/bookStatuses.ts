import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { asLibraryEvent } from '../events.ts';
import { type Keyed, own, put } from '../keyed.ts';

export interface BookStatusView {
  status: 'available' | 'on-hold' | 'checked-out';
  /** Who holds the copy or has it checked out. */
  patronId?: string;
}

export type BookStatusesView = Keyed<BookStatusView>;

function apply(state: BookStatusesView, recorded: RecordedEvent): BookStatusesView {
  const event = asLibraryEvent(recorded);
  switch (event.type) {
    case 'BookBecameAvailable':
      put<BookStatusView>(state, event.data.bookId, { status: 'available' });
      break;
    case 'BookMarkedOnHold':
      put<BookStatusView>(state, event.data.bookId, { status: 'on-hold', patronId: event.data.patronId });
      break;
    case 'BookMarkedCheckedOut':
      put<BookStatusView>(state, event.data.bookId, { status: 'checked-out', patronId: event.data.patronId });
      break;
  }
  return state;
}

/** Pure: the copy's status as its own stream says, or undefined before the stream starts. */
export const statusOf = (state: BookStatusesView, bookId: string): BookStatusView | undefined =>
  own(state, bookId);

/** Each copy as the library believes it is (from the `book-` streams only): feeds `bookStatus` and `availableBooks`. */
export const bookStatusesProjection: Projection<BookStatusesView> = {
  name: 'bookStatuses',
  description:
    "Each copy's status (available, on hold, checked out) and its holder, from the copies' own streams.",
  initialState: () => Object.create(null) as BookStatusesView,
  apply,
};
