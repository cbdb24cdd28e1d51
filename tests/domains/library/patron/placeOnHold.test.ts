import { describe, expect, it } from 'vitest';
import {
  becameAvailable,
  checkedOut,
  markedCheckedOut,
  markedOnHold,
  maximumReached,
  overdueRegistered,
  placeOnHold,
  placedOnHold,
} from '../../../../src/domains/library/builders.ts';
import { NOW, given } from '../spec.ts';
import { aLibrary, ann, ben, cora, ddd1, ddd2, extraCopies, iddd1, sicp1 } from '../fixtures.ts';

const central = extraCopies(8, 'central');
const fiveHolds = central
  .slice(0, 5)
  .map((copy, index) => placedOnHold(ann, copy, { holdNumber: index + 1 }));
const twoOverdueAtCentral = central
  .slice(5, 7)
  .flatMap((copy) => [checkedOut(ann, copy), overdueRegistered(ann, copy)]);

describe('PlaceOnHold', () => {
  describe('when a regular patron holds a copy for some days', () => {
    it('places it on hold from now until that many days later, as the patron’s first hold', () => {
      given(aLibrary())
        .when(placeOnHold(ann, ddd1, 7))
        .thenEvents([placedOnHold(ann, ddd1, { holdFrom: NOW, days: 7, holdNumber: 1 })]);
    });

    it('numbers each hold after the ones the patron placed before, ended or not', () => {
      given([...aLibrary(), placedOnHold(ann, iddd1, { holdNumber: 1 }), checkedOut(ann, iddd1)])
        .when(placeOnHold(ann, ddd1, 3))
        .thenEvents([placedOnHold(ann, ddd1, { days: 3, holdNumber: 2 })]);
    });

    it('accepts a copy whose stream does not exist yet or says it is available', () => {
      given([...aLibrary(), becameAvailable(ddd1)])
        .when(placeOnHold(ann, ddd1, 7))
        .thenEvents([placedOnHold(ann, ddd1, { holdNumber: 1 })]);
    });
  });

  describe('when the hold is a regular patron’s fifth', () => {
    it('also records that the maximum is reached, in the same append', () => {
      given([...aLibrary(central), ...fiveHolds.slice(0, 4)])
        .when(placeOnHold(ann, central[4], 7))
        .thenEvents([placedOnHold(ann, central[4], { holdNumber: 5 }), maximumReached(ann)]);
    });

    it('says nothing of a maximum on the fourth', () => {
      given([...aLibrary(central), ...fiveHolds.slice(0, 3)])
        .when(placeOnHold(ann, central[3], 7))
        .thenEvents([placedOnHold(ann, central[3], { holdNumber: 4 })]);
    });
  });

  describe('when the patron is a researcher', () => {
    const coraHolds = central
      .slice(0, 5)
      .map((copy, index) => placedOnHold(cora, copy, { holdNumber: index + 1 }));

    it('holds a sixth book, with no maximum', () => {
      given([...aLibrary(central), ...coraHolds])
        .when(placeOnHold(cora, central[5], 7))
        .thenEvents([placedOnHold(cora, central[5], { holdNumber: 6 })]);
    });

    it('holds a restricted copy open-ended', () => {
      given(aLibrary())
        .when(placeOnHold(cora, sicp1))
        .thenEvents([placedOnHold(cora, sicp1, { days: null, holdNumber: 1 })]);
    });
  });

  describe('when the command is malformed', () => {
    it.each([0, 61, 2.5, '7'])('rejects %j days', (days) => {
      given(aLibrary())
        .when({ type: 'PlaceOnHold', data: { patronId: 'ann', bookId: 'ddd-1', days } })
        .thenRejects('InvalidCommand', {
          field: 'data.days',
          problem: 'must be a whole number of days from 1 to 60',
        });
    });

    it('rejects a missing copy before anything else', () => {
      given([])
        .when({ type: 'PlaceOnHold', data: { patronId: 'nobody' } })
        .thenRejects('InvalidCommand', { field: 'data.bookId', problem: 'is required' });
    });
  });

  describe('when the patron is not registered', () => {
    it('rejects the hold, before the copy being unknown', () => {
      given(aLibrary())
        .when(placeOnHold({ ...ann, patronId: 'dora' }, { ...ddd1, bookId: 'nope' }, 7))
        .thenRejects('PatronNotFound', { patronId: 'dora' });
    });
  });

  describe('when the copy is not in the catalogue', () => {
    it('rejects the hold', () => {
      given(aLibrary())
        .when(placeOnHold(ann, { ...ddd1, bookId: 'ddd-9' }, 7))
        .thenRejects('BookNotFound', { bookId: 'ddd-9' });
    });
  });

  describe('when the copy’s stream says another patron has it (a guard read, best effort)', () => {
    it('rejects a copy on hold for another patron', () => {
      given([...aLibrary(), becameAvailable(ddd1), markedOnHold(ddd1, ben)])
        .when(placeOnHold(ann, ddd1, 7))
        .thenRejects('BookNotAvailable', { bookId: 'ddd-1', status: 'on-hold', holderId: 'ben' });
    });

    it('rejects a copy checked out by another patron', () => {
      given([...aLibrary(), becameAvailable(ddd1), markedCheckedOut(ddd1, ben)])
        .when(placeOnHold(ann, ddd1, 7))
        .thenRejects('BookNotAvailable', { status: 'checked-out', holderId: 'ben' });
    });

    it('reports it before the copy being restricted', () => {
      given([...aLibrary(), becameAvailable(sicp1), markedOnHold(sicp1, cora)])
        .when(placeOnHold(ann, sicp1, 7))
        .thenRejects('BookNotAvailable');
    });

    it('leaves a copy the stream shows held by this very patron to the exact check', () => {
      given([...aLibrary(), placedOnHold(ann, ddd1), becameAvailable(ddd1), markedOnHold(ddd1, ann)])
        .when(placeOnHold(ann, ddd1, 7))
        .thenRejects('AlreadyHeldByPatron', { has: 'hold' });
    });

    it('cannot see a hold another patron’s stream has accepted but the copy’s stream does not show yet', () => {
      given([...aLibrary(), becameAvailable(ddd1), placedOnHold(ben, ddd1)])
        .when(placeOnHold(ann, ddd1, 7))
        .thenEvents([placedOnHold(ann, ddd1, { holdNumber: 1 })]);
    });
  });

  describe('when the copy is restricted and the patron regular', () => {
    it('rejects the hold, before the patron’s overdue checkouts', () => {
      given([...aLibrary(central), ...twoOverdueAtCentral])
        .when(placeOnHold(ann, sicp1, 7))
        .thenRejects('RestrictedBookForRegularPatron', { bookId: 'sicp-1', patronId: 'ann' });
    });
  });

  describe('when the patron has overdue checkouts at the copy’s branch', () => {
    it('rejects a hold with two of them, before the hold limit', () => {
      given([...aLibrary(central), ...fiveHolds, ...twoOverdueAtCentral])
        .when(placeOnHold(ann, central[7], 7))
        .thenRejects('TooManyOverdueCheckouts', {
          branchId: 'central',
          overdueCheckouts: 2,
          maxOverdueCheckouts: 2,
        });
    });

    it('rejects a researcher too', () => {
      const coraOverdue = central
        .slice(5, 7)
        .flatMap((copy) => [checkedOut(cora, copy), overdueRegistered(cora, copy)]);
      given([...aLibrary(central), ...coraOverdue])
        .when(placeOnHold(cora, ddd1, 7))
        .thenRejects('TooManyOverdueCheckouts');
    });

    it('accepts a hold with only one', () => {
      given([...aLibrary(central), checkedOut(ann, central[5]), overdueRegistered(ann, central[5])])
        .when(placeOnHold(ann, ddd1, 7))
        .thenEvents([placedOnHold(ann, ddd1, { holdNumber: 1 })]);
    });

    it('counts only the overdue checkouts at that branch', () => {
      given([...aLibrary(central), ...twoOverdueAtCentral])
        .when(placeOnHold(ann, ddd2, 7))
        .thenEvents([placedOnHold(ann, ddd2, { holdNumber: 1 })]);
    });

    it('no longer counts a returned one, nor a late one the sheet has not recorded overdue', () => {
      given([
        ...aLibrary(central),
        ...twoOverdueAtCentral,
        { type: 'BookReturned', data: { patronId: 'ann', bookId: central[5].bookId, branchId: 'central' } },
        checkedOut(ann, central[7], '2026-03-01T09:00'),
      ])
        .when(placeOnHold(ann, ddd1, 7))
        .thenEvents([placedOnHold(ann, ddd1, { holdNumber: 1 })]);
    });
  });

  describe('when a regular patron already holds five books', () => {
    it('rejects the sixth, before it being open-ended', () => {
      given([...aLibrary(central), ...fiveHolds])
        .when(placeOnHold(ann, central[5]))
        .thenRejects('MaximumHoldsReached', { patronId: 'ann', numberOfHolds: 5, maxHolds: 5 });
    });

    it('accepts another once one of them has ended', () => {
      given([...aLibrary(central), ...fiveHolds, checkedOut(ann, central[0])])
        .when(placeOnHold(ann, central[5], 7))
        .thenEvents([placedOnHold(ann, central[5], { holdNumber: 6 }), maximumReached(ann)]);
    });
  });

  describe('when a regular patron gives no number of days', () => {
    it('rejects an open-ended hold, before the copy being held already', () => {
      given([...aLibrary(), placedOnHold(ann, ddd1)])
        .when(placeOnHold(ann, ddd1))
        .thenRejects('OpenEndedHoldForRegularPatron', { patronId: 'ann', bookId: 'ddd-1' });
    });
  });

  describe('when the patron already has the copy', () => {
    it('rejects a second hold on it', () => {
      given([...aLibrary(), placedOnHold(ann, ddd1)])
        .when(placeOnHold(ann, ddd1, 3))
        .thenRejects('AlreadyHeldByPatron', { has: 'hold' });
    });

    it('rejects a hold on a copy the patron has checked out', () => {
      given([...aLibrary(), placedOnHold(ann, ddd1), checkedOut(ann, ddd1)])
        .when(placeOnHold(ann, ddd1, 3))
        .thenRejects('AlreadyHeldByPatron', { has: 'checkout' });
    });

    it('says so in words a person understands', () => {
      const { decision } = given([...aLibrary(), placedOnHold(ann, ddd1)]).when(placeOnHold(ann, ddd1, 3));
      expect(decision).toMatchObject({
        kind: 'rejected',
        error: { message: 'ann already holds copy ddd-1' },
      });
    });
  });
});
