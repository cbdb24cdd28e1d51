import { describe, it } from 'vitest';
import {
  becameAvailable,
  duplicateFound,
  markBookAvailable,
  markBookCheckedOut,
  markBookOnHold,
  markedCheckedOut,
  markedOnHold,
} from '../../../../src/domains/library/builders.ts';
import { given } from '../spec.ts';
import { aLibrary, ann, ben, ddd1, sicp1 } from '../fixtures.ts';

const TILL = '2026-03-16T09:00';
const available = [...aLibrary(), becameAvailable(ddd1)];

describe('MarkBookAvailable', () => {
  it('starts the copy’s stream from the catalogue', () => {
    given(aLibrary())
      .when(markBookAvailable(sicp1))
      .thenEvents([becameAvailable(sicp1)]);
  });

  it('makes a held or checked-out copy available again', () => {
    given([...available, markedOnHold(ddd1, ann)])
      .when(markBookAvailable(ddd1))
      .thenEvents([becameAvailable(ddd1)]);
    given([...available, markedCheckedOut(ddd1, ann)])
      .when(markBookAvailable(ddd1))
      .thenEvents([becameAvailable(ddd1)]);
  });

  it('records nothing for a copy available already (redelivered)', () => {
    given(available).when(markBookAvailable(ddd1)).thenEvents([]);
  });

  it('rejects a copy the catalogue does not have', () => {
    given(aLibrary())
      .when(markBookAvailable({ ...ddd1, bookId: 'ddd-9' }))
      .thenRejects('BookNotFound', { bookId: 'ddd-9' });
  });
});

describe('MarkBookOnHold', () => {
  it('puts an available copy on hold for the patron', () => {
    given(available)
      .when(markBookOnHold(ddd1, ann, TILL))
      .thenEvents([markedOnHold(ddd1, ann, TILL)]);
  });

  it('records a duplicate when another patron already holds it: the first hold wins', () => {
    given([...available, markedOnHold(ddd1, ann)])
      .when(markBookOnHold(ddd1, ben, TILL, 3))
      .thenEvents([duplicateFound(ddd1, ann, ben, 3)]);
  });

  it('records a duplicate when another patron has it checked out', () => {
    given([...available, markedCheckedOut(ddd1, ann)])
      .when(markBookOnHold(ddd1, ben, null))
      .thenEvents([duplicateFound(ddd1, ann, ben)]);
  });

  it('records nothing when the copy is on hold for this very patron already (redelivered)', () => {
    given([...available, markedOnHold(ddd1, ann)])
      .when(markBookOnHold(ddd1, ann, TILL))
      .thenEvents([]);
  });

  it('requires holdTill, an instant or null', () => {
    given(available)
      .when({ type: 'MarkBookOnHold', data: { bookId: 'ddd-1', patronId: 'ann' } })
      .thenRejects('InvalidCommand', { field: 'data.holdTill', problem: 'is required' });
    given(available)
      .when(markBookOnHold(ddd1, ann, '2026-03-16'))
      .thenRejects('InvalidCommand', { field: 'data.holdTill' });
  });

  it('rejects a copy whose stream has not started', () => {
    given(aLibrary())
      .when(markBookOnHold(ddd1, ann, TILL))
      .thenRejects('BookNotFound', { bookId: 'ddd-1' });
  });
});

describe('MarkBookCheckedOut', () => {
  it('marks the copy checked out by the patron holding it', () => {
    given([...available, markedOnHold(ddd1, ann)])
      .when(markBookCheckedOut(ddd1, ann, TILL))
      .thenEvents([markedCheckedOut(ddd1, ann, TILL)]);
  });

  it('records nothing when it is checked out by this patron already (redelivered)', () => {
    given([...available, markedCheckedOut(ddd1, ann, TILL)])
      .when(markBookCheckedOut(ddd1, ann, TILL))
      .thenEvents([]);
  });

  it('rejects a copy whose stream has not started', () => {
    given(aLibrary())
      .when(markBookCheckedOut(ddd1, ann, TILL))
      .thenRejects('BookNotFound');
  });
});
