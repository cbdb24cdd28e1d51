import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../../src/core/event.ts';
import { recordEvents } from '../../../../src/core/testing/givenWhenThen.ts';
import {
  becameAvailable,
  bookAdded,
  books,
  checkedOut,
  holdCanceled,
  holdExpired,
  instanceAdded,
  markedCheckedOut,
  markedOnHold,
  overdueRegistered,
  placedOnHold,
  returned,
} from '../../../../src/domains/library/builders.ts';
import { library } from '../../../../src/domains/library/index.ts';
import { libraryQueries } from '../../../../src/domains/library/projections/index.ts';
import { NOW, given } from '../spec.ts';
import { aLibrary, ann, ben, cora, ddd1, ddd2, ddia1, eip1, iddd1, sicp1 } from '../fixtures.ts';

type Queries = typeof libraryQueries;
/** A query of the library's catalog as Given/When/Then's `thenQuery` reads it, at a clock. */
const ask =
  <K extends keyof Queries>(name: K, args: unknown[] = [], now = NOW) =>
  (read: (name: string) => unknown) =>
    (
      libraryQueries[name].run as (context: { read: typeof read; now: string }, ...rest: unknown[]) => unknown
    )({ read, now }, ...args);

describe('catalogue()', () => {
  it('lists every book by title, each with its copies by id', () => {
    given([
      bookAdded(books.ddd),
      bookAdded(books.ddia),
      bookAdded(books.sicp),
      instanceAdded(ddd2),
      instanceAdded(ddd1),
      instanceAdded(sicp1),
    ]).thenQuery(ask('catalogue'), [
      { ...books.ddia, instances: [] },
      {
        ...books.ddd,
        instances: [
          { bookId: 'ddd-1', branchId: 'central', bookType: 'Circulating' },
          { bookId: 'ddd-2', branchId: 'riverside', bookType: 'Circulating' },
        ],
      },
      { ...books.sicp, instances: [{ bookId: 'sicp-1', branchId: 'central', bookType: 'Restricted' }] },
    ]);
  });

  it('is empty for an empty catalogue', () => {
    given([]).thenQuery(ask('catalogue'), []);
  });
});

describe('availableBooks(branchId)', () => {
  const streams = [ddd1, ddd2, iddd1, eip1, sicp1].map((copy) => becameAvailable(copy));

  it('lists the branch’s copies whose stream says available, by title then id', () => {
    given([...aLibrary(), ...streams, markedOnHold(iddd1, ann)]).thenQuery(
      ask('availableBooks', ['central']),
      [
        { bookId: 'ddd-1', isbn: books.ddd.isbn, title: 'Domain-Driven Design', bookType: 'Circulating' },
        {
          bookId: 'eip-1',
          isbn: books.eip.isbn,
          title: 'Enterprise Integration Patterns',
          bookType: 'Circulating',
        },
        { bookId: 'sicp-1', isbn: books.sicp.isbn, title: books.sicp.title, bookType: 'Restricted' },
      ],
    );
  });

  it('leaves out copies whose stream has not started, or says checked out', () => {
    given([...aLibrary(), becameAvailable(ddd2), markedCheckedOut(ddd2, ann)]).thenQuery(
      ask('availableBooks', ['riverside']),
      [],
    );
  });

  it('puts a copy back once its stream says available again', () => {
    given([...aLibrary(), becameAvailable(ddd2), markedOnHold(ddd2, ann), becameAvailable(ddd2)]).thenQuery(
      ask('availableBooks', ['riverside']),
      [{ bookId: 'ddd-2', isbn: books.ddd.isbn, title: 'Domain-Driven Design', bookType: 'Circulating' }],
    );
  });
});

describe('patronHolds(patronId)', () => {
  it('lists the active holds, oldest first', () => {
    given([
      ...aLibrary(),
      placedOnHold(ann, iddd1, { days: 3 }),
      placedOnHold(ann, ddd1, { days: 7 }),
      placedOnHold(ann, eip1),
      holdCanceled(ann, eip1),
      placedOnHold(ben, ddia1),
    ]).thenQuery(ask('patronHolds', ['ann']), [
      { bookId: 'iddd-1', title: books.iddd.title, branchId: 'central', holdTill: '2026-03-05T09:00' },
      { bookId: 'ddd-1', title: books.ddd.title, branchId: 'central', holdTill: '2026-03-09T09:00' },
    ]);
  });

  it('drops holds that expired or were checked out, and shows open-ended ones', () => {
    given([
      ...aLibrary(),
      placedOnHold(cora, ddd1),
      placedOnHold(cora, sicp1, { days: null }),
      placedOnHold(cora, iddd1),
      holdExpired(cora, ddd1),
      checkedOut(cora, iddd1),
    ]).thenQuery(ask('patronHolds', ['cora']), [
      { bookId: 'sicp-1', title: books.sicp.title, branchId: 'central', holdTill: null },
    ]);
  });

  it('names a copy by its id while the catalogue read model does not know it', () => {
    given([placedOnHold(ann, ddd1)]).thenQuery(ask('patronHolds', ['ann']), [
      { bookId: 'ddd-1', title: 'ddd-1', branchId: 'central', holdTill: '2026-03-09T09:00' },
    ]);
  });

  it('is empty for an unknown patron', () => {
    given(aLibrary()).thenQuery(ask('patronHolds', ['dora']), []);
  });
});

describe('patronCheckouts(patronId)', () => {
  it('lists the checkouts not returned, oldest first, overdue once recorded so', () => {
    given([
      ...aLibrary(),
      checkedOut(ann, iddd1, '2026-03-04T09:00'),
      checkedOut(ann, ddd1, '2026-03-20T09:00'),
      checkedOut(ann, eip1, '2026-03-21T09:00'),
      overdueRegistered(ann, iddd1),
      returned(ann, eip1),
    ]).thenQuery(ask('patronCheckouts', ['ann']), [
      {
        bookId: 'iddd-1',
        title: books.iddd.title,
        branchId: 'central',
        till: '2026-03-04T09:00',
        overdue: true,
      },
      {
        bookId: 'ddd-1',
        title: books.ddd.title,
        branchId: 'central',
        till: '2026-03-20T09:00',
        overdue: false,
      },
    ]);
  });
});

describe('dailySheet()', () => {
  const events: DomainEvent[] = [
    ...aLibrary(),
    placedOnHold(ben, ddd1, { days: 2 }),
    placedOnHold(ann, iddd1, { days: 2 }),
    placedOnHold(ann, eip1, { days: 9 }),
    placedOnHold(cora, sicp1, { days: null }),
    checkedOut(ann, ddia1, '2026-03-03T09:00'),
    checkedOut(ben, ddd2, '2026-03-03T09:00'),
    overdueRegistered(ben, ddd2),
  ];

  it('lists the holds and checkouts past their end as of now, by end, patron and copy', () => {
    given(events).thenQuery(ask('dailySheet', [], '2026-03-06T00:00'), {
      holdsToExpire: [
        { patronId: 'ann', bookId: 'iddd-1', holdTill: '2026-03-04T09:00' },
        { patronId: 'ben', bookId: 'ddd-1', holdTill: '2026-03-04T09:00' },
      ],
      checkoutsToMarkOverdue: [{ patronId: 'ann', bookId: 'ddia-1', till: '2026-03-03T09:00' }],
    });
  });

  it('lists nothing whose end is exactly now or later', () => {
    given(events).thenQuery(ask('dailySheet', [], '2026-03-03T09:00'), {
      holdsToExpire: [],
      checkoutsToMarkOverdue: [],
    });
  });
});

describe('bookStatus(bookId)', () => {
  it('is null before the copy’s stream starts', () => {
    given(aLibrary()).thenQuery(ask('bookStatus', ['ddd-1']), null);
  });

  it('says available, on hold or checked out, with the holder', () => {
    const available = [...aLibrary(), becameAvailable(ddd1)];
    given(available).thenQuery(ask('bookStatus', ['ddd-1']), { bookId: 'ddd-1', status: 'available' });
    given([...available, markedOnHold(ddd1, ann)]).thenQuery(ask('bookStatus', ['ddd-1']), {
      bookId: 'ddd-1',
      status: 'on-hold',
      patronId: 'ann',
    });
    given([...available, markedCheckedOut(ddd1, ben)]).thenQuery(ask('bookStatus', ['ddd-1']), {
      bookId: 'ddd-1',
      status: 'checked-out',
      patronId: 'ben',
    });
  });
});

describe('the queries as the tools see them', () => {
  it('are the six of the contract, on the domain module', () => {
    expect(Object.keys(library.queries)).toEqual([
      'catalogue',
      'availableBooks',
      'patronHolds',
      'patronCheckouts',
      'dailySheet',
      'bookStatus',
    ]);
    expect(Object.values(library.queries).map((query) => query.answer)).toEqual([
      'list',
      'list',
      'list',
      'list',
      'value',
      'oneOrNull',
    ]);
  });

  it('label their arguments, name their id kinds and check them', () => {
    const [branch] = library.queries.availableBooks.args;
    expect(branch).toMatchObject({ name: 'branchId', label: 'Branch', idKind: 'branch' });
    expect(branch.problem?.('central')).toBeNull();
    expect(branch.problem?.('')).toBe('must not be empty');
    expect(branch.problem?.('two words')).toBe('must not contain spaces, control or invisible characters');
    expect(library.queries.patronHolds.args[0].idKind).toBe('patron');
    expect(library.queries.bookStatus.args[0].idKind).toBe('book');
    for (const query of Object.values(library.queries))
      for (const arg of query.args) expect(Object.hasOwn(library.ids, arg.idKind ?? '')).toBe(true);
  });
});

describe('read models restored from a JSON checkpoint', () => {
  it('keep ids that name Object.prototype’s properties', () => {
    const proto = { patronId: '__proto__', name: 'Proto', patronType: 'Regular' as const };
    const copy = { ...ddd1, bookId: 'constructor' };
    const [first, second] = [
      [bookAdded(books.ddd), instanceAdded(copy), becameAvailable(copy)],
      [
        placedOnHold(proto, copy),
        markedOnHold(copy, proto),
        checkedOut(proto, copy),
        overdueRegistered(proto, copy),
      ],
    ].map((events) => recordEvents(events, { streamIdOf: library.streamOfEvent }));
    const states = new Map(
      library.context.projections.map((projection) => {
        const restored = JSON.parse(
          JSON.stringify(
            first.reduce((state, event) => projection.apply(state, event), projection.initialState()),
          ),
        ) as unknown;
        return [projection.name, second.reduce((state, event) => projection.apply(state, event), restored)];
      }),
    );
    const read = (name: string) => states.get(name);
    expect(libraryQueries.patronCheckouts.run({ read, now: NOW }, '__proto__')).toEqual([
      {
        bookId: 'constructor',
        title: 'Domain-Driven Design',
        branchId: 'central',
        till: '2026-03-16T09:00',
        overdue: true,
      },
    ]);
    expect(libraryQueries.bookStatus.run({ read, now: NOW }, 'constructor')).toEqual({
      bookId: 'constructor',
      status: 'on-hold',
      patronId: '__proto__',
    });
    expect(libraryQueries.patronHolds.run({ read, now: NOW }, 'toString')).toEqual([]);
    expect(Object.getPrototypeOf(read('patronLoans'))).toBe(Object.prototype);
  });
});
