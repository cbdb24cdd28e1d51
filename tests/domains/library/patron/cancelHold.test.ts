import { describe, it } from 'vitest';
import {
  cancelHold,
  checkedOut,
  holdCanceled,
  holdExpired,
  placedOnHold,
} from '../../../../src/domains/library/builders.ts';
import { DUPLICATE_HOLD } from '../../../../src/domains/library/events.ts';
import { given } from '../spec.ts';
import { aLibrary, ann, ben, ddd1, ddd2 } from '../fixtures.ts';

describe('CancelHold', () => {
  it('cancels the patron’s hold at the patron’s request when no reason is given', () => {
    given([...aLibrary(), placedOnHold(ann, ddd1)])
      .when(cancelHold(ann, ddd1))
      .thenEvents([holdCanceled(ann, ddd1, 'patron-request')]);
  });

  it('records the reason given', () => {
    given([...aLibrary(), placedOnHold(ann, ddd2)])
      .when(cancelHold(ann, ddd2, { reason: 'found it elsewhere' }))
      .thenEvents([holdCanceled(ann, ddd2, 'found it elsewhere')]);
  });

  it('cancels the very hold it names by number', () => {
    given([...aLibrary(), placedOnHold(ben, ddd1, { holdNumber: 1 })])
      .when(cancelHold(ben, ddd1, { reason: DUPLICATE_HOLD, holdNumber: 1 }))
      .thenEvents([holdCanceled(ben, ddd1, DUPLICATE_HOLD)]);
  });

  it('rejects a malformed reason', () => {
    given([...aLibrary(), placedOnHold(ann, ddd1)])
      .when(cancelHold(ann, ddd1, { reason: '  ' }))
      .thenRejects('InvalidCommand', { field: 'data.reason', problem: 'must not be empty' });
  });

  it('rejects an unknown patron, before the hold', () => {
    given(aLibrary())
      .when(cancelHold({ ...ann, patronId: 'dora' }, ddd1))
      .thenRejects('PatronNotFound');
  });

  describe('when there is no active hold by this patron on this copy', () => {
    it('rejects someone else’s hold', () => {
      given([...aLibrary(), placedOnHold(ben, ddd1)])
        .when(cancelHold(ann, ddd1))
        .thenRejects('HoldNotFound', { patronId: 'ann', bookId: 'ddd-1' });
    });

    it('rejects a hold cancelled already', () => {
      given([...aLibrary(), placedOnHold(ann, ddd1), holdCanceled(ann, ddd1)])
        .when(cancelHold(ann, ddd1))
        .thenRejects('HoldNotFound');
    });

    it('rejects a hold that expired or was checked out', () => {
      given([...aLibrary(), placedOnHold(ann, ddd1), holdExpired(ann, ddd1)])
        .when(cancelHold(ann, ddd1))
        .thenRejects('HoldNotFound');
      given([...aLibrary(), placedOnHold(ann, ddd1), checkedOut(ann, ddd1)])
        .when(cancelHold(ann, ddd1))
        .thenRejects('HoldNotFound');
    });

    it('rejects a compensation naming an earlier hold, leaving the later one alone', () => {
      given([
        ...aLibrary(),
        placedOnHold(ben, ddd1, { holdNumber: 1 }),
        holdCanceled(ben, ddd1),
        placedOnHold(ben, ddd1, { holdNumber: 2 }),
      ])
        .when(cancelHold(ben, ddd1, { reason: DUPLICATE_HOLD, holdNumber: 1 }))
        .thenRejects('HoldNotFound', { patronId: 'ben', bookId: 'ddd-1', holdNumber: 1 });
    });
  });
});
