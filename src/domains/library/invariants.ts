/**
 * The library's invariants, each a pure check over a whole log. Two hold at every step (the hold limit, which the
 * patron aggregate keeps exactly; at most one expiry or overdue record per hold or checkout); two only once every
 * saga has settled (one holder per copy, agreeing with the copy's stream; every duplicate hold compensated), since
 * the copy follows the patrons eventually.
 */
import type { RecordedEvent } from '../../core/event.ts';
import type { Invariant, Violation } from '../../core/invariant.ts';
import { DUPLICATE_HOLD, asLibraryEvent } from './events.ts';
import { MAX_HOLDS } from './patron/policies.ts';
import type { PatronType } from './rules.ts';

const key = (patronId: string, bookId: string) => `${patronId} ${bookId}`;
/** Pure: the value at `id`, created by `create` the first time. */
function entry<K, V>(map: Map<K, V>, id: K, create: () => V): V {
  const existing = map.get(id);
  if (existing !== undefined) return existing;
  const created = create();
  map.set(id, created);
  return created;
}

const violation = (invariant: string, message: string, positions: number[]): Violation => ({
  invariant,
  message,
  positions,
});

/** Pure: a regular patron never holds more than 5 books, at any step. */
export function regularPatronHoldLimit(log: readonly RecordedEvent[]): Violation[] {
  const types = new Map<string, PatronType>();
  const holds = new Map<string, Map<string, number>>();
  const found: Violation[] = [];
  const holdsOf = (patronId: string) => entry(holds, patronId, () => new Map<string, number>());
  for (const recorded of log) {
    const event = asLibraryEvent(recorded);
    switch (event.type) {
      case 'PatronCreated':
        types.set(event.data.patronId, event.data.patronType);
        break;
      case 'BookPlacedOnHold': {
        const held = holdsOf(event.data.patronId);
        held.set(event.data.bookId, recorded.position);
        if (types.get(event.data.patronId) === 'Regular' && held.size > MAX_HOLDS)
          found.push(
            violation(
              'regularPatronHoldLimit',
              `${event.data.patronId}, a regular patron, held ${held.size} books at position ${recorded.position} (${[...held.keys()].join(', ')}); the most is ${MAX_HOLDS}`,
              [...held.values()],
            ),
          );
        break;
      }
      case 'BookHoldCanceled':
      case 'BookHoldExpired':
      case 'BookCheckedOut':
        holdsOf(event.data.patronId).delete(event.data.bookId);
        break;
    }
  }
  return found;
}

type HoldEnd = 'expired' | 'cancelled' | 'checked out';

/**
 * Pure: a hold expires at most once, and never once cancelled or checked out; a checkout is recorded overdue at
 * most once, and never once returned.
 */
export function expiryAndOverdueAtMostOnce(log: readonly RecordedEvent[]): Violation[] {
  const holds = new Map<string, { end: HoldEnd | null; position: number }>();
  const checkouts = new Map<string, { state: 'out' | 'overdue' | 'returned'; position: number }>();
  const found: Violation[] = [];
  const name = 'expiryAndOverdueAtMostOnce';
  for (const recorded of log) {
    const event = asLibraryEvent(recorded);
    const at = recorded.position;
    switch (event.type) {
      case 'BookPlacedOnHold':
        holds.set(key(event.data.patronId, event.data.bookId), { end: null, position: at });
        break;
      case 'BookHoldCanceled':
        holds.set(key(event.data.patronId, event.data.bookId), { end: 'cancelled', position: at });
        break;
      case 'BookHoldExpired': {
        const { patronId, bookId } = event.data;
        const hold = holds.get(key(patronId, bookId));
        if (!hold)
          found.push(
            violation(
              name,
              `${patronId}'s hold on ${bookId} expired at position ${at}, but there was no hold`,
              [at],
            ),
          );
        else if (hold.end !== null)
          found.push(
            violation(
              name,
              `${patronId}'s hold on ${bookId} expired at position ${at}, though it had ${hold.end === 'expired' ? 'already expired' : `been ${hold.end}`} at position ${hold.position}`,
              [hold.position, at],
            ),
          );
        holds.set(key(patronId, bookId), { end: 'expired', position: at });
        break;
      }
      case 'BookCheckedOut':
        holds.set(key(event.data.patronId, event.data.bookId), { end: 'checked out', position: at });
        checkouts.set(key(event.data.patronId, event.data.bookId), { state: 'out', position: at });
        break;
      case 'BookReturned':
        checkouts.set(key(event.data.patronId, event.data.bookId), { state: 'returned', position: at });
        break;
      case 'OverdueCheckoutRegistered': {
        const { patronId, bookId } = event.data;
        const checkout = checkouts.get(key(patronId, bookId));
        if (!checkout || checkout.state === 'returned')
          found.push(
            violation(
              name,
              checkout
                ? `${patronId}'s checkout of ${bookId} was recorded overdue at position ${at}, after the book was returned at position ${checkout.position}`
                : `${patronId}'s checkout of ${bookId} was recorded overdue at position ${at}, but there was no checkout`,
              checkout ? [checkout.position, at] : [at],
            ),
          );
        else if (checkout.state === 'overdue')
          found.push(
            violation(
              name,
              `${patronId}'s checkout of ${bookId} was recorded overdue twice, at positions ${checkout.position} and ${at}`,
              [checkout.position, at],
            ),
          );
        checkouts.set(key(patronId, bookId), { state: 'overdue', position: at });
        break;
      }
    }
  }
  return found;
}

interface Holding {
  patronId: string;
  kind: 'hold' | 'checkout';
  position: number;
}

/**
 * Pure: once settled, each copy is on hold or checked out by at most one patron, and what the patrons' streams say
 * agrees with the copy's own stream (on hold for the holder, checked out by the borrower, else available).
 */
export function oneHolderPerBook(log: readonly RecordedEvent[]): Violation[] {
  const copies = new Map<string, number>();
  const holdings = new Map<string, Map<string, Holding>>();
  const books = new Map<string, { status: string; patronId: string | null; position: number }>();
  const holdingsOf = (bookId: string) => entry(holdings, bookId, () => new Map<string, Holding>());
  for (const recorded of log) {
    const event = asLibraryEvent(recorded);
    const at = recorded.position;
    switch (event.type) {
      case 'BookInstanceAddedToCatalogue':
        copies.set(event.data.bookId, at);
        break;
      case 'BookPlacedOnHold':
        holdingsOf(event.data.bookId).set(event.data.patronId, {
          patronId: event.data.patronId,
          kind: 'hold',
          position: at,
        });
        break;
      case 'BookCheckedOut':
        holdingsOf(event.data.bookId).set(event.data.patronId, {
          patronId: event.data.patronId,
          kind: 'checkout',
          position: at,
        });
        break;
      case 'BookHoldCanceled':
      case 'BookHoldExpired':
      case 'BookReturned':
        holdingsOf(event.data.bookId).delete(event.data.patronId);
        break;
      case 'BookBecameAvailable':
        books.set(event.data.bookId, { status: 'available', patronId: null, position: at });
        break;
      case 'BookMarkedOnHold':
        books.set(event.data.bookId, { status: 'on hold', patronId: event.data.patronId, position: at });
        break;
      case 'BookMarkedCheckedOut':
        books.set(event.data.bookId, { status: 'checked out', patronId: event.data.patronId, position: at });
        break;
    }
  }
  const found: Violation[] = [];
  const name = 'oneHolderPerBook';
  const describe = (holding: Holding) =>
    `${holding.patronId} (${holding.kind === 'hold' ? 'on hold' : 'checked out'} at position ${holding.position})`;
  for (const bookId of new Set([...copies.keys(), ...holdings.keys()])) {
    const held = [...(holdings.get(bookId)?.values() ?? [])];
    const book = books.get(bookId);
    if (held.length > 1) {
      found.push(
        violation(
          name,
          `Copy ${bookId} is held by ${held.length} patrons once everything has settled: ${held.map(describe).join(' and ')}`,
          held.map((holding) => holding.position),
        ),
      );
      continue;
    }
    const [holding] = held;
    const expected = holding
      ? { status: holding.kind === 'hold' ? 'on hold' : 'checked out', patronId: holding.patronId }
      : { status: 'available', patronId: null };
    if (!book) {
      found.push(
        violation(
          name,
          `Copy ${bookId} never got a stream of its own: the book process did not make it available`,
          [copies.get(bookId) ?? holding?.position ?? 0],
        ),
      );
      continue;
    }
    if (book.status !== expected.status || book.patronId !== expected.patronId)
      found.push(
        violation(
          name,
          `Copy ${bookId}'s stream says ${book.status}${book.patronId ? ` by ${book.patronId}` : ''} (position ${book.position}), but the patrons' streams say ${holding ? describe(holding) : 'nobody has it'}`,
          holding ? [holding.position, book.position] : [book.position],
        ),
      );
  }
  return found;
}

interface HoldRecord {
  patronId: string;
  bookId: string;
  holdNumber: number;
  placedAt: number;
  end: { type: string; reason?: string; position: number; eventId: string } | null;
}

/**
 * Pure: once settled, every hold found to be a duplicate has ended, and not by a checkout; the compensation it
 * caused (the events whose causation is the `BookDuplicateHoldFound`) is at most one `BookHoldCanceled`, and it
 * ended that very hold of the second patron, never the first patron's hold nor a later one.
 */
export function duplicateHoldCompensatedOnce(log: readonly RecordedEvent[]): Violation[] {
  const name = 'duplicateHoldCompensatedOnce';
  const placed = new Map<string, number>();
  const active = new Map<string, HoldRecord>();
  const holdsByNumber = new Map<string, HoldRecord>();
  const endedBy = new Map<string, HoldRecord>();
  const duplicates: {
    recorded: RecordedEvent;
    hold: HoldRecord | null;
    secondPatronId: string;
    firstPatronId: string;
    bookId: string;
  }[] = [];
  for (const recorded of log) {
    const event = asLibraryEvent(recorded);
    switch (event.type) {
      case 'BookPlacedOnHold': {
        const { patronId, bookId } = event.data;
        const holdNumber = event.data.holdNumber ?? (placed.get(patronId) ?? 0) + 1;
        placed.set(patronId, Math.max(placed.get(patronId) ?? 0, holdNumber));
        const hold: HoldRecord = { patronId, bookId, holdNumber, placedAt: recorded.position, end: null };
        active.set(key(patronId, bookId), hold);
        holdsByNumber.set(`${patronId} #${holdNumber}`, hold);
        break;
      }
      case 'BookHoldCanceled':
      case 'BookHoldExpired':
      case 'BookCheckedOut': {
        const hold = active.get(key(event.data.patronId, event.data.bookId));
        if (!hold) break;
        hold.end = {
          type: event.type,
          reason: event.type === 'BookHoldCanceled' ? event.data.reason : undefined,
          position: recorded.position,
          eventId: recorded.id,
        };
        endedBy.set(recorded.id, hold);
        active.delete(key(event.data.patronId, event.data.bookId));
        break;
      }
      case 'BookDuplicateHoldFound': {
        const { bookId, firstPatronId, secondPatronId, secondHoldNumber } = event.data;
        const hold =
          secondHoldNumber === undefined
            ? (active.get(key(secondPatronId, bookId)) ?? null)
            : (holdsByNumber.get(`${secondPatronId} #${secondHoldNumber}`) ?? null);
        duplicates.push({ recorded, hold, secondPatronId, firstPatronId, bookId });
        break;
      }
    }
  }
  const found: Violation[] = [];
  for (const { recorded, hold, firstPatronId, secondPatronId, bookId } of duplicates) {
    const at = recorded.position;
    const caused = log.filter((event) => event.metadata.causationId === recorded.id);
    const cancellations = caused.filter((event) => event.type === 'BookHoldCanceled');
    for (const event of caused) {
      const data = event.data as { patronId?: string; bookId?: string; reason?: string };
      const ended = endedBy.get(event.id);
      if (event.type !== 'BookHoldCanceled' || data.reason !== DUPLICATE_HOLD)
        found.push(
          violation(
            name,
            `The duplicate at position ${at} caused ${event.type} at position ${event.position}, not a duplicate-hold cancellation`,
            [at, event.position],
          ),
        );
      else if (data.patronId === firstPatronId)
        found.push(
          violation(
            name,
            `The duplicate at position ${at} cancelled the first patron ${firstPatronId}'s hold on ${bookId} at position ${event.position}: the first hold must win`,
            [at, event.position],
          ),
        );
      else if (!hold || ended !== hold)
        found.push(
          violation(
            name,
            `The duplicate at position ${at} cancelled ${data.patronId}'s hold on ${data.bookId} at position ${event.position}, which is not the duplicate hold${hold ? ` #${hold.holdNumber} placed at position ${hold.placedAt}` : ''}`,
            [at, event.position],
          ),
        );
    }
    if (cancellations.length > 1)
      found.push(
        violation(name, `The duplicate at position ${at} was compensated ${cancellations.length} times`, [
          at,
          ...cancellations.map((event) => event.position),
        ]),
      );
    if (hold && hold.end === null)
      found.push(
        violation(
          name,
          `${secondPatronId}'s duplicate hold on ${bookId} (found at position ${at}) is still active once everything has settled`,
          [hold.placedAt, at],
        ),
      );
    else if (hold?.end?.type === 'BookCheckedOut')
      found.push(
        violation(
          name,
          `${secondPatronId} checked out ${bookId} at position ${hold.end.position} on a hold found to be a duplicate at position ${at}`,
          [at, hold.end.position],
        ),
      );
  }
  return found;
}

/** The library's invariants, as the race lab and tests check them (the settled ones over a settled log). */
export const libraryInvariants: Invariant[] = [
  {
    name: 'regularPatronHoldLimit',
    title: 'A regular patron never holds more than 5 books, at any step',
    check: regularPatronHoldLimit,
  },
  {
    name: 'oneHolderPerBook',
    title:
      "Once settled, each copy is on hold or checked out by at most one patron, and the patrons' holds agree with the copies' streams",
    check: oneHolderPerBook,
  },
  {
    name: 'duplicateHoldCompensatedOnce',
    title:
      "Once settled, every duplicate hold has ended, cancelled by at most one compensation, which never touches the first patron's hold",
    check: duplicateHoldCompensatedOnce,
  },
  {
    name: 'expiryAndOverdueAtMostOnce',
    title:
      'A hold expires at most once and never after it was cancelled or checked out; a checkout is recorded overdue at most once and never after its return',
    check: expiryAndOverdueAtMostOnce,
  },
];
