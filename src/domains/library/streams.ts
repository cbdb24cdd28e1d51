/** The library's streams and which one each event belongs to. Pure. */
import type { DomainEvent } from '../../core/event.ts';

/** Every book (by ISBN) and every copy: one stream, so "already added" is exact. */
export const CATALOGUE_STREAM = 'catalogue';
/** Every run of the daily sheet: one stream, so a date runs at most once. */
export const DAILY_SHEET_STREAM = 'dailysheet';
/** Patrons' streams start with this. */
export const PATRON_PREFIX = 'patron-';
/** Copies' streams start with this. */
export const BOOK_PREFIX = 'book-';

/** Pure: `patron-<patronId>`, the patron aggregate (holds, checkouts, overdue checkouts). */
export const patronStream = (patronId: string): string => `${PATRON_PREFIX}${patronId}`;

/** Pure: `book-<bookId>`, one physical copy as the library believes it is. */
export const bookStream = (bookId: string): string => `${BOOK_PREFIX}${bookId}`;

/** Pure: the stream an event of this domain belongs to, from its data alone. */
export function streamOfEvent(event: DomainEvent): string {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as {
    patronId?: unknown;
    bookId?: unknown;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (event.type) {
    case 'BookAdded':
    case 'BookInstanceAddedToCatalogue':
      return CATALOGUE_STREAM;
    case 'BookBecameAvailable':
    case 'BookMarkedOnHold':
    case 'BookDuplicateHoldFound':
    case 'BookMarkedCheckedOut':
      return bookStream(text(data.bookId));
    case 'DailySheetRun':
      return DAILY_SHEET_STREAM;
    default:
      return patronStream(text(data.patronId));
  }
}

/** Pure: the timeline's lane group of a stream: `catalogue`, `patron`, `book` or `dailysheet`. */
export function streamGroupOf(streamId: string): string {
  if (streamId.startsWith(PATRON_PREFIX)) return 'patron';
  if (streamId.startsWith(BOOK_PREFIX)) return 'book';
  return streamId;
}
