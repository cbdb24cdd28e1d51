import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../../src/core/testing/givenWhenThen.ts';
import {
  bookAdded,
  books,
  checkedOut,
  holdCanceled,
  holdExpired,
  instanceAdded,
  markBookAvailable,
  markBookCheckedOut,
  markBookOnHold,
  placedOnHold,
  returned,
} from '../../../../src/domains/library/builders.ts';
import { DUPLICATE_HOLD } from '../../../../src/domains/library/events.ts';
import { library } from '../../../../src/domains/library/index.ts';
import { createBookFollowsPatronsSaga } from '../../../../src/domains/library/sagas/bookFollowsPatronsSaga.ts';
import { given } from '../spec.ts';
import { ann, ben, ddd1 } from '../fixtures.ts';

const saga = { saga: 'bookFollowsPatrons' };
const catalogued = [bookAdded(books.ddd), instanceAdded(ddd1)];
const annHolds = placedOnHold(ann, ddd1, { holdNumber: 1 });
const benHolds = placedOnHold(ben, ddd1, { holdNumber: 1 });
const TILL = '2026-03-09T09:00';

describe('the book process', () => {
  it('makes a copy added to the catalogue available', () => {
    given([bookAdded(books.ddd)])
      .whenEvent(instanceAdded(ddd1), saga)
      .thenReactions([markBookAvailable(ddd1)]);
  });

  it('puts the copy on hold for the patron who placed it on hold, with the hold’s end and number', () => {
    given(catalogued)
      .whenEvent(annHolds, saga)
      .thenReactions([markBookOnHold(ddd1, ann, TILL, 1)]);
  });

  it('passes a second patron’s hold on to the copy too, so the copy’s stream finds the duplicate', () => {
    given([...catalogued, annHolds])
      .whenEvent(benHolds, saga)
      .thenReactions([markBookOnHold(ddd1, ben, TILL, 1)]);
  });

  describe('makes the copy available again only when its own holder lets go', () => {
    it('when the holder cancels or the hold expires', () => {
      given([...catalogued, annHolds])
        .whenEvent(holdCanceled(ann, ddd1), saga)
        .thenReactions([markBookAvailable(ddd1)]);
      given([...catalogued, annHolds])
        .whenEvent(holdExpired(ann, ddd1), saga)
        .thenReactions([markBookAvailable(ddd1)]);
    });

    it('not when the second patron’s duplicate hold is cancelled', () => {
      given([...catalogued, annHolds, benHolds])
        .whenEvent(holdCanceled(ben, ddd1, DUPLICATE_HOLD), saga)
        .thenReactions([]);
    });

    it('when the holder returns it, and not when someone else “returns” it', () => {
      const lent = [...catalogued, annHolds, checkedOut(ann, ddd1)];
      given(lent)
        .whenEvent(returned(ann, ddd1), saga)
        .thenReactions([markBookAvailable(ddd1)]);
      given(lent).whenEvent(returned(ben, ddd1), saga).thenReactions([]);
    });
  });

  it('marks the copy checked out by the holder', () => {
    const till = '2026-03-16T09:00';
    given([...catalogued, annHolds])
      .whenEvent(checkedOut(ann, ddd1, till), saga)
      .thenReactions([markBookCheckedOut(ddd1, ann, till)]);
  });

  it('ignores patron events about a copy it never saw added', () => {
    given([]).whenEvent(annHolds, saga).thenReactions([]);
  });

  it('sends nothing when an event is delivered again', () => {
    given([...catalogued, annHolds])
      .whenRedelivered(3, saga)
      .thenReactions([]);
    given([...catalogued, annHolds])
      .whenRedelivered(2, saga)
      .thenReactions([]);
  });

  it('keeps one instance per copy in plain JSON, never changing a state it was given', () => {
    const process = createBookFollowsPatronsSaga();
    let state = process.initialState();
    for (const event of recordEvents([...catalogued, annHolds, checkedOut(ann, ddd1)], {
      streamIdOf: library.streamOfEvent,
    })) {
      const before = JSON.stringify(state);
      const frozen = Object.freeze(state);
      state = process.handle(frozen, event, { now: '2026-03-02T09:00' }).state;
      expect(JSON.stringify(frozen)).toBe(before);
    }
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(library.sagaViews.bookFollowsPatrons.instances?.(state)).toEqual([
      {
        key: 'ddd-1',
        state: 'checkedOut',
        context: { bookId: 'ddd-1', branchId: 'central', bookType: 'Circulating', patronId: 'ann' },
      },
    ]);
  });
});
