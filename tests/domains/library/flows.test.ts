import { describe, expect, it } from 'vitest';
import {
  addBook,
  addBookInstance,
  books,
  cancelHold,
  checkOut,
  placeOnHold,
  registerPatron,
  returnBook,
} from '../../../src/domains/library/builders.ts';
import { library } from '../../../src/domains/library/index.ts';
import { libraryQueries } from '../../../src/domains/library/projections/index.ts';
import { ann, ben, cora, ddd1, sicp1 } from './fixtures.ts';
import { World } from './world.ts';

/** A settled library: two books, two copies, three patrons. */
function openLibrary(): World {
  const world = new World();
  for (const command of [
    addBook(books.ddd),
    addBook(books.sicp),
    addBookInstance(ddd1),
    addBookInstance(sicp1),
    registerPatron(ann),
    registerPatron(ben),
    registerPatron(cora),
  ])
    world.dispatch(command);
  world.settle();
  return world;
}

const violationsOf = (world: World) =>
  library.invariants.flatMap((invariant) => invariant.check(world.log, library.settingValues));
const typesFrom = (world: World, position: number) => world.log.slice(position).map((event) => event.type);

describe('two patrons, one copy', () => {
  it('accepts both holds, finds the duplicate, cancels the second hold and keeps the first', () => {
    const world = openLibrary();
    const before = world.log.length;
    expect(
      world.concurrently([placeOnHold(ann, ddd1, 7), placeOnHold(ben, ddd1, 7)]).map((o) => o.result),
    ).toEqual(['accepted', 'accepted']);
    world.settle();
    expect(typesFrom(world, before)).toEqual([
      'BookPlacedOnHold',
      'BookPlacedOnHold',
      'BookMarkedOnHold',
      'BookDuplicateHoldFound',
      'BookHoldCanceled',
    ]);
    const cancelled = world.log.at(-1);
    expect(cancelled?.data).toMatchObject({ patronId: 'ben', reason: 'duplicate-hold' });
    expect(cancelled?.metadata.causationId).toBe(world.log.at(-2)?.id);
    expect(world.query(libraryQueries, 'patronHolds', 'ann')).toHaveLength(1);
    expect(world.query(libraryQueries, 'patronHolds', 'ben')).toEqual([]);
    expect(world.query(libraryQueries, 'bookStatus', 'ddd-1')).toEqual({
      bookId: 'ddd-1',
      status: 'on-hold',
      patronId: 'ann',
    });
    expect(violationsOf(world)).toEqual([]);
  });

  it('refuses the second hold outright once the copy’s stream shows the first', () => {
    const world = openLibrary();
    world.dispatch(placeOnHold(ann, ddd1, 7));
    world.settle();
    expect(world.dispatch(placeOnHold(ben, ddd1, 7)).result).toBe('BookNotAvailable');
  });
});

describe('a loan from hold to return', () => {
  it('follows the copy through on hold, checked out and available again', () => {
    const world = openLibrary();
    world.dispatch(placeOnHold(ann, ddd1, 7));
    expect(world.dispatch(checkOut(ann, ddd1, 14)).result).toBe('BookNotSetAsideForPatron');
    world.settle();
    expect(world.dispatch(checkOut(ann, ddd1, 14)).result).toBe('accepted');
    world.settle();
    expect(world.query(libraryQueries, 'bookStatus', 'ddd-1')).toMatchObject({ status: 'checked-out' });
    world.dispatch(returnBook(ann, ddd1));
    world.settle();
    expect(world.query(libraryQueries, 'availableBooks', 'central')).toEqual([
      { bookId: 'ddd-1', isbn: books.ddd.isbn, title: 'Domain-Driven Design', bookType: 'Circulating' },
      {
        bookId: 'sicp-1',
        isbn: books.sicp.isbn,
        title: 'Structure and Interpretation of Computer Programs',
        bookType: 'Restricted',
      },
    ]);
    expect(violationsOf(world)).toEqual([]);
  });

  it('frees the copy when its holder cancels', () => {
    const world = openLibrary();
    world.dispatch(placeOnHold(ann, ddd1, 7));
    world.settle();
    world.dispatch(cancelHold(ann, ddd1));
    world.settle();
    expect(world.query(libraryQueries, 'bookStatus', 'ddd-1')).toEqual({
      bookId: 'ddd-1',
      status: 'available',
    });
  });
});

describe('ids that name Object.prototype’s properties', () => {
  it('work as patron, copy, ISBN-free branch and queries’ arguments', () => {
    const world = new World();
    const odd = { patronId: '__proto__', name: 'Proto', patronType: 'Regular' as const };
    const other = { patronId: 'constructor', name: 'Constructor', patronType: 'Researcher' as const };
    const copy = {
      bookId: 'toString',
      isbn: books.ddd.isbn,
      branchId: 'hasOwnProperty',
      bookType: 'Circulating' as const,
    };
    for (const command of [
      addBook(books.ddd),
      addBookInstance(copy),
      registerPatron(odd),
      registerPatron(other),
    ])
      expect(world.dispatch(command).result).toBe('accepted');
    world.settle();
    expect(
      world.concurrently([placeOnHold(odd, copy, 3), placeOnHold(other, copy)]).map((o) => o.result),
    ).toEqual(['accepted', 'accepted']);
    world.settle();
    expect(world.query(libraryQueries, 'patronHolds', '__proto__')).toEqual([
      {
        bookId: 'toString',
        title: 'Domain-Driven Design',
        branchId: 'hasOwnProperty',
        holdTill: '2026-03-05T09:00',
      },
    ]);
    expect(world.query(libraryQueries, 'patronHolds', 'constructor')).toEqual([]);
    expect(world.query(libraryQueries, 'bookStatus', 'toString')).toEqual({
      bookId: 'toString',
      status: 'on-hold',
      patronId: '__proto__',
    });
    expect(world.query(libraryQueries, 'bookStatus', 'valueOf')).toBeNull();
    expect(world.query(libraryQueries, 'patronCheckouts', 'hasOwnProperty')).toEqual([]);
    expect(world.query(libraryQueries, 'availableBooks', '__proto__')).toEqual([]);
    expect(world.dispatch(registerPatron(odd)).result).toBe('PatronAlreadyRegistered');
    expect(world.dispatch(placeOnHold({ ...odd, patronId: 'valueOf' }, copy, 3)).result).toBe(
      'PatronNotFound',
    );
    expect(violationsOf(world)).toEqual([]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  });
});
