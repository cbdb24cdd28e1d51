import { accept } from '../../../core/decider.ts';
import type { PlantedBug } from '../../../core/domain/index.ts';
import { type BookState, holderOf } from '../book/decider.ts';
import type { MarkBookOnHold } from '../commands.ts';
import { withDecisions } from './decorate.ts';

/**
 * Planted bug: the book process skips the duplicate check. A copy on hold or checked out is simply marked on hold
 * for the next patron, so no `BookDuplicateHoldFound` is recorded, nothing is compensated, and two patrons keep
 * the same copy.
 */
export const skipDuplicateCheck: PlantedBug = {
  name: 'skipDuplicateCheck',
  label: 'The book process skips the duplicate check: a held copy is marked on hold for the next patron too',
  hint: 'Look for two patrons holding the same copy once everything has settled, and for a duplicate that was never found.',
  caughtBy: 'oneHolderPerBook',
  plant: (domain) => ({
    ...domain,
    context: withDecisions(domain.context, (command, input) => {
      if (command.type !== 'MarkBookOnHold') return undefined;
      const book = input.stream as BookState;
      const { bookId, patronId, holdTill, holdNumber } = (command as MarkBookOnHold).data;
      const holder = holderOf(book);
      return holder !== null && holder !== patronId
        ? accept({
            type: 'BookMarkedOnHold',
            data: { bookId, patronId, holdTill, ...(holdNumber === undefined ? {} : { holdNumber }) },
          })
        : undefined;
    }),
  }),
};
