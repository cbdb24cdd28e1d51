import type { ReadProjection } from '../../../core/boundedContext.ts';
import type { PlantedBug } from '../../../core/domain/index.ts';
import { type BookState, initialState as unknownBook } from '../book/decider.ts';
import { type CatalogueState, initialState as emptyCatalogue } from '../catalogue/decider.ts';
import type { PlaceOnHold } from '../commands.ts';
import { own } from '../keyed.ts';
import { type PatronState, placeOnHold } from '../patron/decider.ts';
import { type PatronLoansState, patronLoansProjection } from '../projections/index.ts';
import { CATALOGUE_STREAM, bookStream } from '../streams.ts';
import { withDecisions } from './decorate.ts';

/** Pure: how many holds the `patronLoans` read model shows for a patron (none when there is no read model). */
export function holdsInReadModel(read: ReadProjection | undefined, patronId: string): number {
  if (!read) return 0;
  const loans = read(patronLoansProjection.name) as PatronLoansState | undefined;
  return loans ? (own(loans.patrons, patronId)?.holds.length ?? 0) : 0;
}

/**
 * Planted bug: PlaceOnHold counts the patron's holds for the limit from the `patronLoans` read model as it is
 * when deciding, instead of from the patron's own stream. The read model lags, so a regular patron placing holds
 * quickly (or from two sessions) gets a sixth: the hold limit is no longer exact. Without a read side the
 * count is 0, the laggiest read model of all.
 */
export const holdLimitFromReadModel: PlantedBug = {
  name: 'holdLimitFromReadModel',
  label: 'The hold limit is counted from a lagging read model instead of the patron’s stream',
  hint: 'Race one regular patron alone over six copies with many visits, and look for a sixth hold the patron stream would have refused (it takes a few hundred races).',
  caughtBy: 'regularPatronHoldLimit',
  plant: (domain) => ({
    ...domain,
    context: withDecisions(domain.context, (command, input) => {
      if (command.type !== 'PlaceOnHold') return undefined;
      const hold = command as PlaceOnHold;
      const guard = (streamId: string) =>
        Object.hasOwn(input.guards, streamId) ? input.guards[streamId] : undefined;
      return placeOnHold(hold, input.stream as PatronState, {
        now: input.now,
        catalogue: (guard(CATALOGUE_STREAM) as CatalogueState | undefined) ?? emptyCatalogue(),
        book: (guard(bookStream(hold.data.bookId)) as BookState | undefined) ?? unknownBook(),
        holdsCounted: holdsInReadModel(input.read, hold.data.patronId),
      });
    }),
  }),
};
