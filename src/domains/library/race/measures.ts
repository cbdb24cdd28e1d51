import type { RecordedEvent } from '../../../core/event.ts';
import type { RaceMeasure } from '../../../core/domain/index.ts';
import { asLibraryEvent } from '../events.ts';

/** A stretch of the log during which two or more patrons held (or had checked out) the same copy. */
export interface DoubleHold {
  bookId: string;
  patronIds: string[];
  from: number;
  /** The position where it ended, or null when it had not ended by the end of the log. */
  to: number | null;
  /** Log positions it lasted (to the log's end when it had not ended). */
  positions: number;
  /** Virtual minutes it lasted, from the events' `occurredAt`. */
  minutes: number;
}

const minutesOf = (instant: string) =>
  Date.UTC(
    +instant.slice(0, 4),
    +instant.slice(5, 7) - 1,
    +instant.slice(8, 10),
    +instant.slice(11, 13),
    +instant.slice(14, 16),
  ) / 60_000;

/** Pure: every transient double hold of the log, in the order they began. */
export function doubleHolds(log: readonly RecordedEvent[]): DoubleHold[] {
  const holders = new Map<string, Set<string>>();
  const open = new Map<string, { patronIds: Set<string>; from: number; at: string }>();
  const found: DoubleHold[] = [];
  const close = (bookId: string, to: number | null, at: string) => {
    const episode = open.get(bookId);
    if (!episode) return;
    open.delete(bookId);
    const end = to ?? log.at(-1)?.position ?? episode.from;
    found.push({
      bookId,
      patronIds: [...episode.patronIds],
      from: episode.from,
      to,
      positions: end - episode.from,
      minutes: minutesOf(at) - minutesOf(episode.at),
    });
  };
  for (const recorded of log) {
    const event = asLibraryEvent(recorded);
    if (
      event.type !== 'BookPlacedOnHold' &&
      event.type !== 'BookCheckedOut' &&
      event.type !== 'BookHoldCanceled' &&
      event.type !== 'BookHoldExpired' &&
      event.type !== 'BookReturned'
    )
      continue;
    const { bookId, patronId } = event.data;
    const current = holders.get(bookId) ?? new Set<string>();
    holders.set(bookId, current);
    if (event.type === 'BookPlacedOnHold' || event.type === 'BookCheckedOut') current.add(patronId);
    else current.delete(patronId);
    const episode = open.get(bookId);
    if (current.size > 1) {
      if (episode) for (const id of current) episode.patronIds.add(id);
      else
        open.set(bookId, {
          patronIds: new Set(current),
          from: recorded.position,
          at: recorded.metadata.occurredAt,
        });
    } else if (episode) close(bookId, recorded.position, recorded.metadata.occurredAt);
  }
  for (const bookId of [...open.keys()]) close(bookId, null, log.at(-1)?.metadata.occurredAt ?? '');
  return found.sort((a, b) => a.from - b.from);
}

const names = (ids: string[]) => (ids.length === 2 ? `${ids[0]} and ${ids[1]}` : ids.join(', '));

/** The race lab's reports on the transient double hold: how long the longest lasted, and how many there were. */
export const libraryMeasures: RaceMeasure[] = [
  {
    name: 'longestDoubleHold',
    label: 'Longest double hold (log positions)',
    measure(log) {
      const longest = doubleHolds(log).reduce<DoubleHold | null>(
        (best, episode) => (best === null || episode.positions > best.positions ? episode : best),
        null,
      );
      if (!longest) return null;
      const end =
        longest.to === null ? 'and still did at the end of the log' : `until position ${longest.to}`;
      return {
        value: longest.positions,
        message: `${names(longest.patronIds)} both held ${longest.bookId} from position ${longest.from} ${end}: ${longest.positions} positions, ${longest.minutes} minutes of virtual time`,
        positions: longest.to === null ? [longest.from] : [longest.from, longest.to],
      };
    },
  },
  {
    name: 'doubleHolds',
    label: 'Double holds (two patrons, one copy)',
    measure(log) {
      const all = doubleHolds(log);
      if (all.length === 0) return null;
      return {
        value: all.length,
        message: `${all.length} time${all.length === 1 ? '' : 's'} two patrons held one copy: ${all.map((episode) => `${episode.bookId} (${names(episode.patronIds)})`).join(', ')}`,
        positions: all.map((episode) => episode.from),
      };
    },
  },
];
