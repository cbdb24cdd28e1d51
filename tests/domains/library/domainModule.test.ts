import { describe, expect, it } from 'vitest';
import { isDomainModule } from '../../../src/domains/kit/index.ts';
import {
  becameAvailable,
  checkedOut,
  duplicateFound,
  holdCanceled,
  markedOnHold,
  placedOnHold,
} from '../../../src/domains/library/builders.ts';
import { library } from '../../../src/domains/library/index.ts';
import { ann, ben, cora, ddd1, sicp1 } from './fixtures.ts';
import { World } from './world.ts';

describe('the library domain module', () => {
  it('is a domain module named library, built by defineDomain', () => {
    expect(isDomainModule(library)).toBe(true);
    expect(library).toMatchObject({
      name: 'library',
      title: 'Public library',
      defaultNow: '2026-03-02T09:00',
    });
    expect(library.context.name).toBe('library');
  });

  it('has every command and event of the contract, each described', () => {
    expect(Object.keys(library.commands)).toEqual([
      'AddBook',
      'AddBookInstance',
      'RegisterPatron',
      'PlaceOnHold',
      'CancelHold',
      'CheckOut',
      'ReturnBook',
      'ExpireHold',
      'RegisterOverdueCheckout',
      'MarkBookOnHold',
      'MarkBookAvailable',
      'MarkBookCheckedOut',
      'RunDailySheet',
    ]);
    expect(Object.keys(library.events)).toEqual([
      'BookAdded',
      'BookInstanceAddedToCatalogue',
      'PatronCreated',
      'BookPlacedOnHold',
      'MaximumNumberOfHoldsReached',
      'BookHoldCanceled',
      'BookCheckedOut',
      'BookReturned',
      'BookHoldExpired',
      'OverdueCheckoutRegistered',
      'BookBecameAvailable',
      'BookMarkedOnHold',
      'BookDuplicateHoldFound',
      'BookMarkedCheckedOut',
      'DailySheetRun',
    ]);
    for (const definition of [...Object.values(library.commands), ...Object.values(library.events)])
      expect(definition.description).toMatch(/^[A-Z].*\.$/);
  });

  it('puts each event in its stream and each stream in its lane group', () => {
    const cases = [
      [becameAvailable(ddd1), 'book-ddd-1', 'book'],
      [placedOnHold(ann, ddd1), 'patron-ann', 'patron'],
      [{ type: 'BookAdded', data: { isbn: '9780321125217' } }, 'catalogue', 'catalogue'],
      [{ type: 'DailySheetRun', data: { date: '2026-03-03' } }, 'dailysheet', 'dailysheet'],
    ] as const;
    for (const [event, stream, group] of cases) {
      expect(library.streamOfEvent(event)).toBe(stream);
      expect(library.streamGroupOf(stream)).toBe(group);
    }
  });

  it('routes each command to its stream and the streams it reads first', () => {
    const plan = (type: string, data: object) => library.context.plan({ type, data });
    expect(plan('PlaceOnHold', { patronId: 'ann', bookId: 'ddd-1' })).toEqual({
      streamId: 'patron-ann',
      guardStreamIds: ['catalogue', 'book-ddd-1'],
    });
    expect(plan('CheckOut', { patronId: 'ann', bookId: 'ddd-1', days: 3 })).toEqual({
      streamId: 'patron-ann',
      guardStreamIds: ['book-ddd-1'],
    });
    expect(plan('MarkBookAvailable', { bookId: 'ddd-1' })).toEqual({
      streamId: 'book-ddd-1',
      guardStreamIds: ['catalogue'],
    });
    expect(plan('RunDailySheet', { date: '2026-03-03' })).toEqual({
      streamId: 'dailysheet',
      guardStreamIds: [],
    });
    expect(plan('AddBook', {})).toEqual({ streamId: 'catalogue', guardStreamIds: [] });
  });

  it('names each problem of a malformed event', () => {
    expect(library.eventProblems(placedOnHold(ann, ddd1))).toEqual([]);
    expect(
      library.eventProblems({
        type: 'BookPlacedOnHold',
        data: { ...placedOnHold(ann, ddd1).data, holdTill: 'soon' },
      }),
    ).toEqual([{ path: ['data', 'holdTill'], problem: 'must be a real instant YYYY-MM-DDTHH:MM' }]);
    expect(library.eventProblems({ type: 'BookLost', data: {} })[0].path).toEqual(['type']);
  });

  it('draws each saga’s statechart and lists its live instances', () => {
    const world = new World();
    world.dispatch({
      type: 'AddBook',
      data: { isbn: '9780321125217', title: 'Domain-Driven Design', author: 'Eric Evans' },
    });
    world.dispatch({ type: 'AddBookInstance', data: ddd1 });
    world.settle();
    expect(Object.keys(library.sagaViews)).toEqual(world.sagas.map((saga) => saga.name));
    for (const [name, view] of Object.entries(library.sagaViews)) {
      expect((view.machine as { id: string }).id).toBe(name);
      expect(view.instances?.(world.sagaNamed(name).state)).toBeInstanceOf(Array);
    }
    expect(
      library.sagaViews.bookFollowsPatrons.instances?.(world.sagaNamed('bookFollowsPatrons').state),
    ).toEqual([
      {
        key: 'ddd-1',
        state: 'available',
        context: { bookId: 'ddd-1', branchId: 'central', bookType: 'Circulating', patronId: null },
      },
    ]);
    expect(library.sagaViews.dailySheet.instances?.(null)).toEqual([]);
  });

  it('tells every event in one sentence', () => {
    const cases: [object, string][] = [
      [
        placedOnHold(ann, ddd1, { holdNumber: 2 }),
        'ann placed ddd-1 on hold until 2026-03-09 09:00 (hold #2)',
      ],
      [placedOnHold(cora, sicp1, { days: null }), 'cora placed sicp-1 on hold open-ended'],
      [duplicateFound(ddd1, ann, ben), "ddd-1 is already held by ann: ben's hold is a duplicate"],
      [holdCanceled(ben, ddd1, 'duplicate-hold'), "ben's hold on ddd-1 cancelled (duplicate-hold)"],
      [markedOnHold(ddd1, ann), 'ddd-1 is on hold for ann'],
      [{ type: 'Unknown', data: {} }, 'Unknown'],
    ];
    for (const [event, sentence] of cases)
      expect(library.describeEvent?.(event as { type: string; data: unknown })).toBe(sentence);
    for (const type of Object.keys(library.events))
      expect(library.describeEvent?.({ type, data: placedOnHold(ann, ddd1).data })).not.toBe(type);
    expect(library.describeEvent?.(checkedOut(ann, ddd1))).toBe(
      'ann checked out ddd-1 until 2026-03-16 09:00',
    );
  });
});

describe('the demo', () => {
  it.each(['2026-03-02T09:00', '2027-12-31T23:59'])(
    'schedules only commands that are accepted at %s',
    (now) => {
      const demo = library.demo!;
      const world = new World(library.context, now);
      for (const command of demo.commands(now)) expect(world.dispatch(command).result).toBe('accepted');
      world.settle();
      expect(library.invariants.flatMap((invariant) => invariant.check(world.log, {}))).toEqual([]);
      expect(demo.title).toBe('A small library');
      expect(world.query(library.queries, 'availableBooks', 'riverside')).toHaveLength(1);
      expect(world.query(library.queries, 'patronHolds', 'cora')).toEqual([
        {
          bookId: 'sicp-1',
          title: 'Structure and Interpretation of Computer Programs',
          branchId: 'central',
          holdTill: null,
        },
      ]);
    },
  );
});
