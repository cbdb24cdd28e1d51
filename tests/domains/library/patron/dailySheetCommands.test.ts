import { describe, it } from 'vitest';
import {
  checkedOut,
  expireHold,
  holdCanceled,
  holdExpired,
  overdueRegistered,
  placedOnHold,
  registerOverdueCheckout,
  returned,
} from '../../../../src/domains/library/builders.ts';
import { given } from '../spec.ts';
import { aLibrary, ann, cora, ddd1, sicp1 } from '../fixtures.ts';

const THREE_DAYS_LATER = '2026-03-05T09:00';
const TEN_DAYS_LATER = '2026-03-12T09:00';

describe('ExpireHold', () => {
  const held = [...aLibrary(), placedOnHold(ann, ddd1, { days: 2 })];

  it('ends a hold whose end has passed', () => {
    given(held)
      .when(expireHold(ann, ddd1), { now: THREE_DAYS_LATER })
      .thenEvents([holdExpired(ann, ddd1)]);
  });

  it('rejects a hold whose end has not passed, even at that very minute', () => {
    given(held)
      .when(expireHold(ann, ddd1), { now: '2026-03-04T09:00' })
      .thenRejects('HoldNotYetExpired', { holdTill: '2026-03-04T09:00', now: '2026-03-04T09:00' });
  });

  it('never expires an open-ended hold', () => {
    given([...aLibrary(), placedOnHold(cora, sicp1, { days: null })])
      .when(expireHold(cora, sicp1), { now: '2027-01-01T00:00' })
      .thenRejects('HoldNotYetExpired', { holdTill: null });
  });

  it('rejects a hold that is no longer active: expired already, cancelled or checked out', () => {
    for (const ended of [holdExpired(ann, ddd1), holdCanceled(ann, ddd1), checkedOut(ann, ddd1)])
      given([...held, ended])
        .when(expireHold(ann, ddd1), { now: THREE_DAYS_LATER })
        .thenRejects('HoldNotFound', { patronId: 'ann', bookId: 'ddd-1' });
  });

  it('reports a missing hold before its end, and an unknown patron as a missing hold', () => {
    given(aLibrary())
      .when(expireHold({ ...ann, patronId: 'dora' }, ddd1), { now: THREE_DAYS_LATER })
      .thenRejects('HoldNotFound');
  });
});

describe('RegisterOverdueCheckout', () => {
  const lent = [...aLibrary(), placedOnHold(ann, ddd1), checkedOut(ann, ddd1, '2026-03-09T09:00')];

  it('records a checkout whose end has passed overdue', () => {
    given(lent)
      .when(registerOverdueCheckout(ann, ddd1), { now: TEN_DAYS_LATER })
      .thenEvents([overdueRegistered(ann, ddd1)]);
  });

  it('rejects a returned copy, before its end', () => {
    given([...lent, returned(ann, ddd1)])
      .when(registerOverdueCheckout(ann, ddd1), { now: THREE_DAYS_LATER })
      .thenRejects('CheckoutNotFound');
  });

  it('rejects a checkout whose end has not passed, before it being registered already', () => {
    given([...lent, overdueRegistered(ann, ddd1)])
      .when(registerOverdueCheckout(ann, ddd1), { now: THREE_DAYS_LATER })
      .thenRejects('CheckoutNotYetOverdue', { till: '2026-03-09T09:00' });
  });

  it('rejects a checkout recorded overdue already', () => {
    given([...lent, overdueRegistered(ann, ddd1)])
      .when(registerOverdueCheckout(ann, ddd1), { now: TEN_DAYS_LATER })
      .thenRejects('OverdueAlreadyRegistered', { patronId: 'ann', bookId: 'ddd-1' });
  });
});
