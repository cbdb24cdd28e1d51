import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../../src/core/testing/givenWhenThen.ts';
import type { DomainEvent } from '../../../../src/core/event.ts';
import {
  cancelHold,
  duplicateFound,
  holdCanceled,
  placedOnHold,
} from '../../../../src/domains/library/builders.ts';
import { DUPLICATE_HOLD } from '../../../../src/domains/library/events.ts';
import { library } from '../../../../src/domains/library/index.ts';
import { createDuplicateHoldSaga } from '../../../../src/domains/library/sagas/duplicateHoldSaga.ts';
import { given } from '../spec.ts';
import { ann, ben, ddd1 } from '../fixtures.ts';

const saga = { saga: 'duplicateHoldCompensation' };
const bothHold = [placedOnHold(ann, ddd1, { holdNumber: 1 }), placedOnHold(ben, ddd1, { holdNumber: 4 })];
const compensation = cancelHold(ben, ddd1, { reason: DUPLICATE_HOLD, holdNumber: 4 });

/** The instances' states after the whole log is delivered once. */
function instancesAfter(events: DomainEvent[]) {
  const compensator = createDuplicateHoldSaga();
  const state = recordEvents(events, { streamIdOf: library.streamOfEvent }).reduce(
    (current, event) => compensator.handle(current, event, { now: '2026-03-02T09:00' }).state,
    compensator.initialState(),
  );
  return library.sagaViews.duplicateHoldCompensation.instances?.(state).map((instance) => instance.state);
}

describe('the duplicate-hold compensation', () => {
  it('cancels the second patron’s hold, naming that very hold', () => {
    given(bothHold)
      .whenEvent(duplicateFound(ddd1, ann, ben, 4), saga)
      .thenReactions([compensation]);
  });

  it('cancels the second patron’s active hold when the duplicate does not name one', () => {
    given(bothHold)
      .whenEvent(duplicateFound(ddd1, ann, ben), saga)
      .thenReactions([cancelHold(ben, ddd1, { reason: DUPLICATE_HOLD, holdNumber: 4 })]);
  });

  it('never cancels the first patron’s hold', () => {
    const { reactions } = given(bothHold).whenEvent(duplicateFound(ddd1, ann, ben, 4), saga);
    expect(reactions.map((command) => (command.data as { patronId: string }).patronId)).toEqual(['ben']);
  });

  it('sends nothing when the second hold ended before the duplicate was found', () => {
    given([...bothHold, holdCanceled(ben, ddd1)])
      .whenEvent(duplicateFound(ddd1, ann, ben, 4), saga)
      .thenReactions([]);
  });

  it('sends nothing when the second patron’s active hold is a later one than the duplicate', () => {
    given([...bothHold, holdCanceled(ben, ddd1), placedOnHold(ben, ddd1, { holdNumber: 5 })])
      .whenEvent(duplicateFound(ddd1, ann, ben, 4), saga)
      .thenReactions([]);
  });

  it('sends nothing when the duplicate is delivered again', () => {
    given([...bothHold, duplicateFound(ddd1, ann, ben, 4)])
      .whenRedelivered(3, saga)
      .thenReactions([]);
  });

  it('is compensated once the cancellation lands', () => {
    expect(instancesAfter([...bothHold, duplicateFound(ddd1, ann, ben, 4)])).toEqual(['compensating']);
    expect(
      instancesAfter([
        ...bothHold,
        duplicateFound(ddd1, ann, ben, 4),
        holdCanceled(ben, ddd1, DUPLICATE_HOLD),
      ]),
    ).toEqual(['compensated']);
  });

  it('says when the hold ended some other way before the compensation landed', () => {
    expect(instancesAfter([...bothHold, duplicateFound(ddd1, ann, ben, 4), holdCanceled(ben, ddd1)])).toEqual(
      ['endedBeforeCompensation'],
    );
    expect(instancesAfter([...bothHold, holdCanceled(ben, ddd1), duplicateFound(ddd1, ann, ben, 4)])).toEqual(
      ['endedBeforeCompensation'],
    );
  });
});
