/** One sentence per library event, as the log shows it. Pure. */
import type { DomainEvent } from '../../core/event.ts';
import { asLibraryEvent } from './events.ts';

// Why String(): a log read from a file may hold an event of the right type with a field of the wrong shape.
const at = (instant: unknown) => String(instant).replace('T', ' ');

/** Pure: one sentence for an event, e.g. "ann placed ddd-1 on hold until 2026-03-09 09:00 (hold #1)". */
export function describeEvent(recorded: DomainEvent): string {
  const event = asLibraryEvent(recorded);
  switch (event.type) {
    case 'BookAdded':
      return `“${event.data.title}” by ${event.data.author} (ISBN ${event.data.isbn}) added to the catalogue`;
    case 'BookInstanceAddedToCatalogue':
      return `copy ${event.data.bookId} of ISBN ${event.data.isbn} added at ${event.data.branchId} (${String(event.data.bookType).toLowerCase()})`;
    case 'PatronCreated':
      return `${event.data.patronId} registered: ${event.data.name}, ${event.data.patronType === 'Researcher' ? 'researcher' : 'regular patron'}`;
    case 'BookPlacedOnHold': {
      const { patronId, bookId, holdTill, holdNumber } = event.data;
      const until = holdTill === null ? 'open-ended' : `until ${at(holdTill)}`;
      return `${patronId} placed ${bookId} on hold ${until}${holdNumber === undefined ? '' : ` (hold #${holdNumber})`}`;
    }
    case 'MaximumNumberOfHoldsReached':
      return `${event.data.patronId} now holds ${event.data.numberOfHolds} books, the most a regular patron may`;
    case 'BookHoldCanceled':
      return `${event.data.patronId}'s hold on ${event.data.bookId} cancelled (${event.data.reason})`;
    case 'BookCheckedOut':
      return `${event.data.patronId} checked out ${event.data.bookId} until ${at(event.data.till)}`;
    case 'BookReturned':
      return `${event.data.patronId} returned ${event.data.bookId}`;
    case 'BookHoldExpired':
      return `${event.data.patronId}'s hold on ${event.data.bookId} expired`;
    case 'OverdueCheckoutRegistered':
      return `${event.data.patronId}'s checkout of ${event.data.bookId} is overdue`;
    case 'BookBecameAvailable':
      return `${event.data.bookId} is available at ${event.data.branchId}`;
    case 'BookMarkedOnHold':
      return `${event.data.bookId} is on hold for ${event.data.patronId}`;
    case 'BookDuplicateHoldFound':
      return `${event.data.bookId} is already held by ${event.data.firstPatronId}: ${event.data.secondPatronId}'s hold is a duplicate`;
    case 'BookMarkedCheckedOut':
      return `${event.data.bookId} is checked out by ${event.data.patronId} until ${at(event.data.till)}`;
    case 'DailySheetRun':
      return `the daily sheet ran for ${event.data.date}`;
    default:
      return recorded.type;
  }
}
