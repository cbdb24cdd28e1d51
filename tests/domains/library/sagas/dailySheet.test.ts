import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../../src/core/testing/givenWhenThen.ts';
import type { DomainEvent } from '../../../../src/core/event.ts';
import {
  checkedOut,
  dailySheetRun,
  expireHold,
  holdCanceled,
  holdExpired,
  overdueRegistered,
  placedOnHold,
  registerOverdueCheckout,
  returned,
} from '../../../../src/domains/library/builders.ts';
import { library } from '../../../../src/domains/library/index.ts';
import { createDailySheetSaga } from '../../../../src/domains/library/sagas/dailySheetSaga.ts';
import { given } from '../spec.ts';
import { ann, ben, cora, ddd1, ddia1, iddd1, sicp1 } from '../fixtures.ts';

const FOUR_DAYS_LATER = { saga: 'dailySheet', now: '2026-03-06T00:00' };
const twoDayHold = placedOnHold(ann, ddd1, { days: 2 });
const weekHold = placedOnHold(ben, iddd1, { days: 7 });
const lentTwoDays = checkedOut(ann, ddia1, '2026-03-04T09:00');

/** Every command the saga sends while the whole log is delivered once, at `now`. */
function reactionsOver(events: DomainEvent[], now = FOUR_DAYS_LATER.now) {
  const sheet = createDailySheetSaga();
  let state = sheet.initialState();
  const commands: unknown[] = [];
  for (const event of recordEvents(events, { streamIdOf: library.streamOfEvent })) {
    const handled = sheet.handle(state, event, { now });
    state = handled.state;
    commands.push(...handled.reactions.map((reaction) => reaction.command));
  }
  return { state, commands };
}

describe('the daily sheet process', () => {
  it('expires each hold past its end and records each late checkout overdue', () => {
    given([twoDayHold, weekHold, placedOnHold(ann, ddia1), lentTwoDays])
      .whenEvent(dailySheetRun('2026-03-06'), FOUR_DAYS_LATER)
      .thenReactions([registerOverdueCheckout(ann, ddia1), expireHold(ann, ddd1)]);
  });

  it('leaves open-ended holds and holds whose end is exactly now alone', () => {
    given([placedOnHold(cora, sicp1, { days: null }), placedOnHold(ann, ddd1, { days: 2 })])
      .whenEvent(dailySheetRun('2026-03-04'), { saga: 'dailySheet', now: '2026-03-04T09:00' })
      .thenReactions([]);
  });

  it('leaves holds that ended and checkouts that were returned or are overdue already', () => {
    given([
      twoDayHold,
      holdCanceled(ann, ddd1),
      placedOnHold(ann, ddia1),
      lentTwoDays,
      returned(ann, ddia1),
      placedOnHold(ben, ddia1),
      checkedOut(ben, ddia1, '2026-03-04T09:00'),
      overdueRegistered(ben, ddia1),
    ])
      .whenEvent(dailySheetRun('2026-03-06'), FOUR_DAYS_LATER)
      .thenReactions([]);
  });

  it('asks at most once per hold or checkout, even when a later run comes before the answer', () => {
    const { commands } = reactionsOver([
      twoDayHold,
      lentTwoDays,
      dailySheetRun('2026-03-05'),
      dailySheetRun('2026-03-06'),
    ]);
    expect(commands).toEqual([registerOverdueCheckout(ann, ddia1), expireHold(ann, ddd1)]);
  });

  it('asks again for a new hold on the same copy once the first has ended', () => {
    const { commands } = reactionsOver([
      twoDayHold,
      dailySheetRun('2026-03-05'),
      holdExpired(ann, ddd1),
      placedOnHold(ann, ddd1, { holdFrom: '2026-03-05T09:00', days: 0.5 }),
      dailySheetRun('2026-03-06'),
    ]);
    expect(commands).toEqual([expireHold(ann, ddd1), expireHold(ann, ddd1)]);
  });

  it('sends nothing when a run is delivered again', () => {
    given([twoDayHold, dailySheetRun('2026-03-06')])
      .whenRedelivered(2, FOUR_DAYS_LATER)
      .thenReactions([]);
  });

  it('watches only what is still active, in plain JSON', () => {
    const { state } = reactionsOver([
      twoDayHold,
      weekHold,
      holdExpired(ann, ddd1),
      lentTwoDays,
      returned(ann, ddia1),
    ]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(library.sagaViews.dailySheet.instances?.(state)).toEqual([
      {
        key: 'hold ben iddd-1',
        state: 'held',
        context: { kind: 'hold', patronId: 'ben', bookId: 'iddd-1', end: '2026-03-09T09:00' },
      },
    ]);
  });
});
