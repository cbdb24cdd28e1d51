/** The library's side of the race lab: a small library, patrons racing for few copies while the clock moves. */
import fc from 'fast-check';
import { addDays } from '../../../core/clock.ts';
import type { Command } from '../../../core/boundedContext.ts';
import type {
  DomainRaceProperty,
  RaceDefinition,
  RaceKnobs,
  RaceOperation,
  RaceWorld,
} from '../../../core/domain/index.ts';
import {
  OPENING,
  addBook,
  addBookInstance,
  books,
  branches,
  cancelHold,
  copies as cast,
  checkOut,
  placeOnHold,
  registerPatron,
  returnBook,
  type Copy,
  type Patron,
} from '../builders.ts';
import { libraryInvariants } from '../invariants.ts';
import { libraryBugs } from '../plantedBugs/index.ts';
import type { PatronType } from '../rules.ts';
import { libraryMeasures } from './measures.ts';

const PEOPLE = [
  { patronId: 'ann', name: 'Ann Lee' },
  { patronId: 'ben', name: 'Ben Okafor' },
  { patronId: 'cora', name: 'Cora Reyes' },
  { patronId: 'dan', name: 'Dan Moreau' },
  { patronId: 'eve', name: 'Eve Santos' },
];
/** The copies a race may have, in order; the seventh is the only restricted one. */
const COPIES = [
  cast.ddd1,
  cast.iddd1,
  cast.ddia1,
  cast.legacy1,
  cast.eip1,
  cast.refactoring1,
  cast.sicp1,
  cast.ddd2,
];
const BRANCHES = [branches.central, branches.riverside];

const clamp = (value: number | undefined, min: number, max: number, fallback: number) =>
  Math.min(max, Math.max(min, Math.round(value ?? fallback)));

/** Pure: the patrons and copies a race's knobs ask for. */
export function raceCast(knobs: RaceKnobs): { patrons: Patron[]; copies: Copy[] } {
  const count = clamp(knobs.patrons, 1, PEOPLE.length, 3);
  const researchers = clamp(knobs.researchers, 0, count - 1, 1);
  const copyCount = clamp(knobs.books, 1, COPIES.length, 6);
  const branchCount = clamp(knobs.branches, 1, BRANCHES.length, 1);
  const patrons = PEOPLE.slice(0, count).map((person, index) => ({
    ...person,
    patronType: (index >= count - researchers ? 'Researcher' : 'Regular') as PatronType,
  }));
  const copies = COPIES.slice(0, copyCount).map((copy, index) => ({
    ...copy,
    branchId: BRANCHES[index % branchCount],
  }));
  return { patrons, copies };
}

/** Pure: the library a race starts from: its books, copies and patrons, added one after another. */
export function raceWorld(knobs: RaceKnobs): RaceWorld {
  const { patrons, copies } = raceCast(knobs);
  const isbns = new Set(copies.map((copy) => copy.isbn));
  return {
    now: OPENING,
    commands: [
      ...Object.values(books)
        .filter((book) => isbns.has(book.isbn))
        .map((book) => addBook(book)),
      ...copies.map((copy) => addBookInstance(copy)),
      ...patrons.map((patron) => registerPatron(patron)),
    ],
  };
}

/** Pure: the patrons and copies of a world, read back from its commands. */
function castOf(world: RaceWorld): { patrons: Patron[]; copies: Copy[] } {
  const dataOf = <T>(type: string) =>
    world.commands.filter((command) => command.type === type).map((command) => command.data as T);
  return { patrons: dataOf<Patron>('RegisterPatron'), copies: dataOf<Copy>('AddBookInstance') };
}

type Visit = {
  kind: 'visit';
  patronId: string;
  bookId: string;
  days: number | undefined;
  then: 'stay' | 'cancel' | 'checkOut' | 'checkOutAndReturn';
  loanDays: number;
  second: boolean;
};
type Draft =
  | Visit
  | { kind: 'cancel' | 'return'; patronId: string; bookId: string; second: boolean }
  | { kind: 'checkOut'; patronId: string; bookId: string; days: number; second: boolean }
  | { kind: 'clock'; days: number; hour: number };

const byId = (patronId: string): Patron => ({ patronId, name: patronId, patronType: 'Regular' });
const copyOf = (bookId: string): Copy => ({ bookId, isbn: '', branchId: '', bookType: 'Circulating' });

/** Pure: the commands of one draft, in the order its actor sends them. */
function commandsOf(draft: Exclude<Draft, { kind: 'clock' }>): Command[] {
  const patron = byId(draft.patronId);
  const copy = copyOf(draft.bookId);
  switch (draft.kind) {
    case 'visit': {
      const hold = placeOnHold(patron, copy, draft.days);
      if (draft.then === 'stay') return [hold];
      if (draft.then === 'cancel') return [hold, cancelHold(patron, copy)];
      // Why twice: a copy is lent only once the book process has set it aside, so a patron who comes too early
      // comes back (the second try is refused when the first was not).
      const loan = checkOut(patron, copy, draft.loanDays);
      return draft.then === 'checkOut' ? [hold, loan, loan] : [hold, loan, loan, returnBook(patron, copy)];
    }
    case 'cancel':
      return [cancelHold(patron, copy)];
    case 'checkOut':
      return [checkOut(patron, copy, draft.days)];
    case 'return':
      return [returnBook(patron, copy)];
  }
}

/** Operations print as a story in fast-check's reports. */
function readable(operation: RaceOperation): RaceOperation {
  Object.defineProperty(operation, fc.toStringMethod, {
    value: () => describeOperation(operation),
    enumerable: false,
  });
  return operation;
}

/**
 * The concurrent operations of one race: patrons (sometimes from a second session) visit the library to place a
 * copy on hold and maybe cancel it, or check it out and maybe return it; now and then a stray cancellation, checkout
 * or return; mostly on the first two copies so that patrons meet; and the clock moves forward over midnights.
 */
export function raceOperations(world: RaceWorld, knobs: RaceKnobs): fc.Arbitrary<RaceOperation[]> {
  const { patrons, copies } = castOf(world);
  const patron = fc.constantFrom(...patrons.map((p) => p.patronId));
  // Why weighted: races only happen when patrons meet on the same few copies (a lone patron roams the shelves).
  const copy =
    copies.length > 2 && patrons.length > 1
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...copies.slice(0, 2).map((c) => c.bookId)) },
          { weight: 2, arbitrary: fc.constantFrom(...copies.map((c) => c.bookId)) },
        )
      : fc.constantFrom(...copies.map((c) => c.bookId));
  const second = fc.oneof(
    { weight: 4, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  );
  const days = fc.integer({ min: 1, max: 3 });
  const drafts: fc.Arbitrary<Draft> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .record({
          patronId: patron,
          bookId: copy,
          days: fc.option(days, { freq: 6, nil: undefined }),
          then: fc.oneof(
            { weight: 3, arbitrary: fc.constant('stay' as const) },
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                'cancel' as const,
                'checkOut' as const,
                'checkOutAndReturn' as const,
              ),
            },
          ),
          loanDays: days,
          second,
        })
        .map((d) => ({ kind: 'visit' as const, ...d })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ patronId: patron, bookId: copy, second })
        .map((d) => ({ kind: 'cancel' as const, ...d })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ patronId: patron, bookId: copy, days, second })
        .map((d) => ({ kind: 'checkOut' as const, ...d })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ patronId: patron, bookId: copy, second })
        .map((d) => ({ kind: 'return' as const, ...d })),
    },
    {
      weight: clamp(knobs.clockMoves, 0, 5, 2),
      arbitrary: fc
        .record({ days: fc.integer({ min: 0, max: 3 }), hour: fc.integer({ min: 0, max: 23 }) })
        .map((d) => ({ kind: 'clock' as const, ...d })),
    },
  );
  return fc.array(drafts, { minLength: 1, maxLength: clamp(knobs.operations, 1, 40, 10) }).map((list) => {
    // Why cumulative: the clock only moves forward, each move a few days (and hours) after the one before.
    let now = world.now;
    return list.flatMap((draft): RaceOperation[] => {
      if (draft.kind === 'clock') {
        const next = `${addDays(now, draft.days).slice(0, 11)}${String(draft.hour).padStart(2, '0')}:00`;
        now = next > now ? next : addDays(now, 1);
        return [readable({ actor: 'clock', step: { kind: 'clock', to: now } })];
      }
      const actor = draft.second ? `${draft.patronId}#2` : draft.patronId;
      return commandsOf(draft).map((command) => readable({ actor, step: { kind: 'command', command } }));
    });
  });
}

const at = (instant: string) => instant.replace('T', ' ');

/** Pure: one line a person reads, e.g. `ann places ddd-1 on hold for 2 days`. */
export function describeOperation(operation: RaceOperation): string {
  const { actor, step } = operation;
  if (step.kind === 'clock') return `the clock moves to ${at(step.to)}`;
  const who = actor.endsWith('#2') ? `${actor.slice(0, -2)} (second session)` : actor;
  const data = step.command.data as { bookId?: string; days?: number };
  const forDays = (days: number | undefined) =>
    days === undefined ? '' : ` for ${days} day${days === 1 ? '' : 's'}`;
  switch (step.command.type) {
    case 'PlaceOnHold':
      return `${who} places ${data.bookId} on hold${data.days === undefined ? ' open-ended' : forDays(data.days)}`;
    case 'CancelHold':
      return `${who} cancels the hold on ${data.bookId}`;
    case 'CheckOut':
      return `${who} checks out ${data.bookId}${forDays(data.days)}`;
    case 'ReturnBook':
      return `${who} returns ${data.bookId}`;
    default:
      return `${who} sends ${step.command.type} ${JSON.stringify(step.command.data)}`;
  }
}

const when: Record<string, DomainRaceProperty['when']> = {
  regularPatronHoldLimit: 'always',
  oneHolderPerBook: 'settled',
  duplicateHoldCompensatedOnce: 'settled',
  expiryAndOverdueAtMostOnce: 'always',
};

/** The library's invariants as race properties: the exact ones always, the eventual ones once settled. */
export const libraryRaceProperties: DomainRaceProperty[] = libraryInvariants.map((invariant) => ({
  name: invariant.name,
  title: invariant.title,
  when: when[invariant.name],
  check: invariant.check,
}));

/** The library's race definition: knobs, world, operations, properties, measures and planted bugs. */
export const libraryRace: RaceDefinition = {
  knobs: {
    patrons: { label: 'Patrons', min: 1, max: PEOPLE.length, default: 3 },
    researchers: { label: 'Of whom researchers', min: 0, max: 2, default: 1 },
    books: { label: 'Copies', min: 1, max: COPIES.length, default: 6 },
    branches: { label: 'Branches', min: 1, max: BRANCHES.length, default: 1 },
    operations: { label: 'Visits and clock moves at most', min: 1, max: 40, default: 10 },
    clockMoves: { label: 'Clock moves (weight)', min: 0, max: 5, default: 2 },
  },
  world: raceWorld,
  operations: raceOperations,
  describe: describeOperation,
  properties: libraryRaceProperties,
  measures: libraryMeasures,
  bugs: libraryBugs,
};
