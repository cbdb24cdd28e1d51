import type { Saga } from '../../../core/boundedContext.ts';
import { accept } from '../../../core/decider.ts';
import type { PlantedBug } from '../../../core/domain/index.ts';
import { type CatalogueState, instanceIn } from '../catalogue/decider.ts';
import type { ExpireHold, RegisterOverdueCheckout, RunDailySheet } from '../commands.ts';
import { type PatronState, checkoutOf, holdOn } from '../patron/decider.ts';
import { CATALOGUE_STREAM } from '../streams.ts';
import { withDecisions } from './decorate.ts';

/** The daily sheet saga that forgets what it asked: each run asks again for everything past its end. */
function forgetful(saga: Saga): Saga {
  return {
    ...saga,
    handle(state, event, context) {
      const handled = saga.handle(state, event, context);
      if (event.type !== 'DailySheetRun' || handled.reactions.length === 0) return handled;
      const before = state as { instances: unknown };
      return {
        state: { ...(handled.state as object), instances: before.instances },
        reactions: handled.reactions,
      };
    },
  };
}

/**
 * Planted bug: the daily sheet is not idempotent. It runs again for a date it has run, asks again on every run for
 * every hold and checkout past its end, and the patron takes the sheet's word for it (as the original library's
 * sheet publishes its expiries itself): a hold expires twice when two runs come before the first expiry lands.
 */
export const nonIdempotentDailySheet: PlantedBug = {
  name: 'nonIdempotentDailySheet',
  label: 'The daily sheet is not idempotent: every run expires every hold on its list, again',
  hint: 'Move the clock over two midnights at once, or run the sheet twice, and look for a hold that expires twice.',
  caughtBy: 'expiryAndOverdueAtMostOnce',
  plant: (domain) => {
    const { context } = domain;
    const trusting = withDecisions(
      context,
      (command, input, decideAsBefore) => {
        if (command.type === 'RunDailySheet') {
          const decision = decideAsBefore(command, input);
          const { date } = (command as RunDailySheet).data;
          return decision.kind === 'accepted' && decision.events.length === 0
            ? accept({ type: 'DailySheetRun', data: { date } })
            : decision;
        }
        if (command.type !== 'ExpireHold' && command.type !== 'RegisterOverdueCheckout') return undefined;
        const { patronId, bookId } = (command as ExpireHold | RegisterOverdueCheckout).data;
        const patron = input.stream as PatronState;
        const catalogue = input.guards[CATALOGUE_STREAM] as CatalogueState | undefined;
        const branchId =
          holdOn(patron, bookId)?.branchId ??
          checkoutOf(patron, bookId)?.branchId ??
          (catalogue ? instanceIn(catalogue, bookId)?.branchId : undefined);
        if (branchId === undefined) return undefined;
        return accept({
          type: command.type === 'ExpireHold' ? 'BookHoldExpired' : 'OverdueCheckoutRegistered',
          data: { patronId, bookId, branchId },
        });
      },
      (command) => {
        const plan = context.plan(command);
        return command.type === 'ExpireHold' || command.type === 'RegisterOverdueCheckout'
          ? { ...plan, guardStreamIds: [...plan.guardStreamIds, CATALOGUE_STREAM] }
          : plan;
      },
    );
    return {
      ...domain,
      context: {
        ...trusting,
        sagas: context.sagas.map((saga) => (saga.name === 'dailySheet' ? forgetful(saga) : saga)),
      },
    };
  },
};
