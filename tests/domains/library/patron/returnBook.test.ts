import { describe, it } from 'vitest';
import { checkedOut, placedOnHold, returnBook, returned } from '../../../../src/domains/library/builders.ts';
import { given } from '../spec.ts';
import { aLibrary, ann, ben, ddd1 } from '../fixtures.ts';

describe('ReturnBook', () => {
  it('takes back a copy the patron checked out', () => {
    given([...aLibrary(), placedOnHold(ann, ddd1), checkedOut(ann, ddd1)])
      .when(returnBook(ann, ddd1))
      .thenEvents([returned(ann, ddd1)]);
  });

  it('rejects an unknown patron', () => {
    given(aLibrary())
      .when(returnBook({ ...ann, patronId: 'dora' }, ddd1))
      .thenRejects('PatronNotFound');
  });

  it('rejects a copy the patron only holds', () => {
    given([...aLibrary(), placedOnHold(ann, ddd1)])
      .when(returnBook(ann, ddd1))
      .thenRejects('CheckoutNotFound', { patronId: 'ann', bookId: 'ddd-1' });
  });

  it('rejects a copy returned already, and another patron’s checkout', () => {
    const lent = [...aLibrary(), placedOnHold(ann, ddd1), checkedOut(ann, ddd1)];
    given([...lent, returned(ann, ddd1)])
      .when(returnBook(ann, ddd1))
      .thenRejects('CheckoutNotFound');
    given(lent).when(returnBook(ben, ddd1)).thenRejects('CheckoutNotFound');
  });
});
