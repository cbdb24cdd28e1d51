import { describe, it } from 'vitest';
import { addDays } from '../../../../src/core/clock.ts';
import {
  becameAvailable,
  checkOut,
  checkedOut,
  duplicateFound,
  holdCanceled,
  markedCheckedOut,
  markedOnHold,
  placedOnHold,
} from '../../../../src/domains/library/builders.ts';
import { NOW, given } from '../spec.ts';
import { aLibrary, ann, ben, ddd1 } from '../fixtures.ts';

const setAsideForAnn = [
  ...aLibrary(),
  placedOnHold(ann, ddd1),
  becameAvailable(ddd1),
  markedOnHold(ddd1, ann),
];

describe('CheckOut', () => {
  it('lends a copy set aside for the patron until that many days later; the hold ends', () => {
    given(setAsideForAnn)
      .when(checkOut(ann, ddd1, 21))
      .thenEvents([checkedOut(ann, ddd1, addDays(NOW, 21))]);
  });

  it('rejects more than 60 days', () => {
    given(setAsideForAnn)
      .when(checkOut(ann, ddd1, 90))
      .thenRejects('InvalidCommand', { field: 'data.days' });
  });

  it('rejects a missing number of days', () => {
    given(setAsideForAnn)
      .when({ type: 'CheckOut', data: { patronId: 'ann', bookId: 'ddd-1' } })
      .thenRejects('InvalidCommand', { field: 'data.days', problem: 'is required' });
  });

  it('rejects an unknown patron', () => {
    given(setAsideForAnn)
      .when(checkOut({ ...ann, patronId: 'dora' }, ddd1))
      .thenRejects('PatronNotFound');
  });

  it('rejects a copy the patron does not hold, before what the copy’s stream says', () => {
    given([...aLibrary(), becameAvailable(ddd1)])
      .when(checkOut(ann, ddd1))
      .thenRejects('HoldNotFound', { patronId: 'ann', bookId: 'ddd-1' });
  });

  it('rejects a copy the patron has checked out already', () => {
    given([...setAsideForAnn, checkedOut(ann, ddd1), markedCheckedOut(ddd1, ann)])
      .when(checkOut(ann, ddd1))
      .thenRejects('HoldNotFound');
  });

  describe('when the copy is not set aside for the patron (the first hold wins)', () => {
    it('rejects a held copy the book process has not marked yet', () => {
      given([...aLibrary(), placedOnHold(ann, ddd1), becameAvailable(ddd1)])
        .when(checkOut(ann, ddd1))
        .thenRejects('BookNotSetAsideForPatron', { status: 'available', holderId: null });
    });

    it('rejects a copy set aside for an earlier, cancelled hold of the same patron', () => {
      given([
        ...aLibrary(),
        becameAvailable(ddd1),
        placedOnHold(ben, ddd1, { holdNumber: 1 }),
        holdCanceled(ben, ddd1),
        placedOnHold(ann, ddd1, { holdNumber: 1 }),
        placedOnHold(ben, ddd1, { holdNumber: 2 }),
        markedOnHold(ddd1, ben, null, 1),
      ])
        .when(checkOut(ben, ddd1))
        .thenRejects('BookNotSetAsideForPatron', { holderId: 'ben', holdNumber: 2, setAsideFor: 1 });
    });

    it('lends a copy set aside for this very hold', () => {
      given([
        ...aLibrary(),
        placedOnHold(ben, ddd1, { holdNumber: 3 }),
        becameAvailable(ddd1),
        markedOnHold(ddd1, ben, null, 3),
      ])
        .when(checkOut(ben, ddd1, 14))
        .thenEvents([checkedOut(ben, ddd1)]);
    });

    it('rejects the second patron of a duplicate hold before the compensation lands', () => {
      given([
        ...aLibrary(),
        becameAvailable(ddd1),
        placedOnHold(ann, ddd1),
        placedOnHold(ben, ddd1, { holdNumber: 1 }),
        markedOnHold(ddd1, ann),
        duplicateFound(ddd1, ann, ben, 1),
      ])
        .when(checkOut(ben, ddd1))
        .thenRejects('BookNotSetAsideForPatron', { patronId: 'ben', status: 'on-hold', holderId: 'ann' });
    });
  });
});
