/** The library's three processes, and how the sagas panel draws them. */
import type { Saga } from '../../../core/boundedContext.ts';
import type { SagaView } from '../../kit/index.ts';
import { instanceViews } from '../../kit/machineSaga.ts';
import type { LibraryCommand } from '../commands.ts';
import { bookFollowsPatronsMachine } from './bookFollowsPatronsMachine.ts';
import { createBookFollowsPatronsSaga } from './bookFollowsPatronsSaga.ts';
import { dailySheetMachine } from './dailySheetMachine.ts';
import { createDailySheetSaga } from './dailySheetSaga.ts';
import { duplicateHoldMachine } from './duplicateHoldMachine.ts';
import { createDuplicateHoldSaga } from './duplicateHoldSaga.ts';

export { bookFollowsPatronsMachine, dailySheetMachine, duplicateHoldMachine };
export { createBookFollowsPatronsSaga, createDailySheetSaga, createDuplicateHoldSaga };
export type { BookProcessState } from './bookFollowsPatronsSaga.ts';
export type { DuplicateHoldState } from './duplicateHoldSaga.ts';
export type { DailySheetSagaState } from './dailySheetSaga.ts';

/** Every saga of the library: the book process, the duplicate-hold compensation and the daily sheet. */
export const librarySagas = (): Saga<unknown, LibraryCommand>[] =>
  [createBookFollowsPatronsSaga(), createDuplicateHoldSaga(), createDailySheetSaga()] as Saga<
    unknown,
    LibraryCommand
  >[];

const viewOf = (machine: unknown): SagaView => ({
  machine,
  instances: (sagaState) =>
    typeof sagaState === 'object' && sagaState !== null
      ? instanceViews((sagaState as { instances?: unknown }).instances)
      : [],
});

/** Each saga's statechart and live instances, for the sagas panel. */
export const librarySagaViews: Record<string, SagaView> = {
  bookFollowsPatrons: viewOf(bookFollowsPatronsMachine),
  duplicateHoldCompensation: viewOf(duplicateHoldMachine),
  dailySheet: viewOf(dailySheetMachine),
};
