/**
 * The library lending domain (the DDD-by-examples public library): a second domain that teaches what scheduling
 * cannot, an invariant across aggregates kept eventually. The patron is the consistency boundary (holds and
 * overdue checkouts are exact); each copy's availability is the library's best belief, kept by a process that
 * follows the patrons, so two patrons can hold one copy for a moment until a compensation fixes it.
 */
import { defineDomain } from '../kit/index.ts';
import { bookDecider } from './book/decider.ts';
import { catalogueDecider } from './catalogue/decider.ts';
import { onClockMoved } from './clock.ts';
import { commandDefinitions } from './commands.ts';
import { dailySheetDecider } from './dailySheet/decider.ts';
import { libraryDemo } from './demo.ts';
import { describeEvent } from './describeEvent.ts';
import { eventDefinitions } from './events.ts';
import { libraryIds } from './ids.ts';
import { libraryInvariants } from './invariants.ts';
import { patronDecider } from './patron/decider.ts';
import { libraryRace } from './race/race.ts';
import { libraryProjections, libraryQueries } from './projections/index.ts';
import { librarySagaViews, librarySagas } from './sagas/index.ts';
import { libraryScenarios } from './scenarios.ts';
import { streamGroupOf, streamOfEvent } from './streams.ts';
import { libraryWalkthroughs } from './walkthroughs/index.ts';

/** The library's aggregates: catalogue, patrons, copies and the daily sheet's runs. */
export const libraryDeciders = [catalogueDecider, patronDecider, bookDecider, dailySheetDecider];

/** The library lending domain, as the runtime and every tool use it. */
export const library = defineDomain({
  name: 'library',
  title: 'Public library',
  summary:
    'Patrons place copies on hold, check them out and return them; a daily sheet expires holds and records overdue ' +
    'checkouts. Each patron is exact about their own holds; a copy only follows, so two patrons can hold one copy ' +
    'for a moment until the second hold is cancelled.',
  defaultNow: '2026-03-02T09:00',
  commands: commandDefinitions,
  events: eventDefinitions,
  deciders: libraryDeciders,
  streamOfEvent,
  streamGroupOf,
  projections: libraryProjections,
  queries: libraryQueries,
  sagas: librarySagas,
  sagaViews: librarySagaViews,
  ids: libraryIds,
  invariants: libraryInvariants,
  race: libraryRace,
  walkthroughs: libraryWalkthroughs,
  scenarios: libraryScenarios,
  demo: libraryDemo,
  describeEvent,
  onClockMoved,
});

export type { LibraryCommand, LibraryCommandType } from './commands.ts';
export type { LibraryEvent, LibraryEventType } from './events.ts';
export type { LibraryError, LibraryErrorCode } from './errors.ts';
export type {
  AvailableBook,
  BookStatusAnswer,
  CatalogueEntry,
  DailySheet,
  LibraryQueries,
  PatronCheckout,
  PatronHold,
} from './projections/index.ts';
