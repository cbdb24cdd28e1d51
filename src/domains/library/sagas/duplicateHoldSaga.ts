import type { Reaction, Saga } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { type PersistedInstance, stepInstance } from '../../kit/machineSaga.ts';
import type { CancelHold } from '../commands.ts';
import { DUPLICATE_HOLD, asLibraryEvent } from '../events.ts';
import { type Keyed, emptyKeyed, own, withEntry, withoutEntry } from '../keyed.ts';
import {
  type CancelSecondHoldParams,
  type DuplicateHoldContext,
  type DuplicateHoldEvent,
  duplicateHoldMachine,
} from './duplicateHoldMachine.ts';

/** The compensation's state: every patron's active hold numbers (to know which hold a duplicate is) and the instances. */
export interface DuplicateHoldState {
  lastPosition: number;
  /** How many holds each patron has placed, to number holds written without a number. */
  holdsPlaced: Keyed<number>;
  /** The number of each active hold, by `<patronId> <bookId>` (ids hold no spaces). */
  activeHolds: Keyed<number>;
  /** One instance per duplicate found, by the id of its `BookDuplicateHoldFound` event. */
  instances: Keyed<PersistedInstance<DuplicateHoldContext>>;
}

/** Pure: the key of a patron's hold on a copy; ids never contain spaces, so it is unambiguous. */
export const holdKey = (patronId: string, bookId: string): string => `${patronId} ${bookId}`;

function toReaction(action: { type: string; params: unknown }): Reaction<CancelHold>[] {
  if (action.type !== 'cancelSecondHold') return [];
  const { patronId, bookId, holdNumber } = action.params as CancelSecondHoldParams;
  return [
    {
      command: {
        type: 'CancelHold',
        data: { patronId, bookId, reason: DUPLICATE_HOLD, ...(holdNumber === null ? {} : { holdNumber }) },
      },
    },
  ];
}

/** The duplicate-hold compensation: cancels the second patron's hold when the book process finds a duplicate. */
export function createDuplicateHoldSaga(): Saga<DuplicateHoldState, CancelHold> {
  return {
    name: 'duplicateHoldCompensation',
    description: "Cancels the second patron's hold when two patrons held the same copy: the first hold wins.",
    initialState: () => ({
      lastPosition: 0,
      holdsPlaced: emptyKeyed(),
      activeHolds: emptyKeyed(),
      instances: emptyKeyed(),
    }),
    handle(state, recorded: RecordedEvent) {
      if (recorded.position <= state.lastPosition) return { state, reactions: [] };
      const advanced = { ...state, lastPosition: recorded.position };
      const event = asLibraryEvent(recorded);
      switch (event.type) {
        case 'BookPlacedOnHold': {
          const { patronId, bookId } = event.data;
          const holdNumber = event.data.holdNumber ?? (own(state.holdsPlaced, patronId) ?? 0) + 1;
          return {
            state: {
              ...advanced,
              holdsPlaced: withEntry(
                state.holdsPlaced,
                patronId,
                Math.max(own(state.holdsPlaced, patronId) ?? 0, holdNumber),
              ),
              activeHolds: withEntry(state.activeHolds, holdKey(patronId, bookId), holdNumber),
            },
            reactions: [],
          };
        }
        case 'BookDuplicateHoldFound': {
          const { bookId, firstPatronId, secondPatronId, secondHoldNumber } = event.data;
          const active = own(state.activeHolds, holdKey(secondPatronId, bookId));
          const holdNumber = secondHoldNumber ?? active ?? null;
          const isActive = active !== undefined && (holdNumber === null || active === holdNumber);
          const { instance, actions } = stepInstance<DuplicateHoldContext>(
            duplicateHoldMachine,
            undefined,
            { bookId, firstPatronId, secondPatronId, holdNumber },
            { type: isActive ? 'hold.active' : 'hold.gone' } satisfies DuplicateHoldEvent,
          );
          return {
            state: { ...advanced, instances: withEntry(state.instances, recorded.id, instance) },
            reactions: actions.flatMap(toReaction),
          };
        }
        case 'BookHoldCanceled':
        case 'BookHoldExpired':
        case 'BookCheckedOut': {
          const { patronId, bookId } = event.data;
          const key = holdKey(patronId, bookId);
          const ended = own(state.activeHolds, key);
          const outcome: DuplicateHoldEvent =
            event.type === 'BookHoldCanceled' && event.data.reason === DUPLICATE_HOLD
              ? { type: 'hold.canceledByCompensation' }
              : { type: 'hold.endedOtherwise' };
          let instances = state.instances;
          for (const [id, waiting] of Object.entries(state.instances)) {
            const { context } = waiting;
            if (
              waiting.value !== 'compensating' ||
              context.secondPatronId !== patronId ||
              context.bookId !== bookId ||
              (context.holdNumber !== null && context.holdNumber !== ended)
            )
              continue;
            instances = withEntry(
              instances,
              id,
              stepInstance(duplicateHoldMachine, waiting, null, outcome).instance,
            );
          }
          return {
            state: { ...advanced, activeHolds: withoutEntry(state.activeHolds, key), instances },
            reactions: [],
          };
        }
        default:
          return { state: advanced, reactions: [] };
      }
    },
  };
}
