import { describe, expect, it } from 'vitest';
import type { DomainEvent, RecordedEvent } from '../../../src/core/event.ts';
import { recordEvents } from '../../../src/core/testing/givenWhenThen.ts';
import {
  becameAvailable,
  copies as allCopies,
  checkedOut,
  duplicateCanceled,
  duplicateFound,
  holdCanceled,
  holdExpired,
  markedCheckedOut,
  markedOnHold,
  overdueRegistered,
  placedOnHold,
  returned,
} from '../../../src/domains/library/builders.ts';
import { library } from '../../../src/domains/library/index.ts';
import {
  duplicateHoldCompensatedOnce,
  expiryAndOverdueAtMostOnce,
  oneHolderPerBook,
  regularPatronHoldLimit,
} from '../../../src/domains/library/invariants.ts';
import { aLibrary, ann, ben, cora, ddd1, extraCopies } from './fixtures.ts';

const log = (events: DomainEvent[]) => recordEvents(events, { streamIdOf: library.streamOfEvent });

/** Sets an event's causation: the id of the event that triggered the command that wrote it. */
const causedBy = (events: RecordedEvent[], position: number, trigger: number): RecordedEvent[] =>
  events.map((event) =>
    event.position === position
      ? { ...event, metadata: { ...event.metadata, causationId: `evt-${trigger}` } }
      : event,
  );

const copies = extraCopies(6);
const everyCopyAvailable = Object.values(allCopies).map((copy) => becameAvailable(copy));

describe('the domain’s invariants', () => {
  it('are the four of the contract, each named and titled', () => {
    expect(library.invariants.map((invariant) => invariant.name)).toEqual([
      'regularPatronHoldLimit',
      'oneHolderPerBook',
      'duplicateHoldCompensatedOnce',
      'expiryAndOverdueAtMostOnce',
    ]);
  });
});

describe('a regular patron never holds more than 5 books', () => {
  const five = copies.slice(0, 5).map((copy) => placedOnHold(ann, copy));

  it('holds with five, and with a sixth once one has ended', () => {
    expect(
      regularPatronHoldLimit(
        log([...aLibrary(copies), ...five, checkedOut(ann, copies[0]), placedOnHold(ann, copies[5])]),
      ),
    ).toEqual([]);
  });

  it('does not limit a researcher', () => {
    expect(
      regularPatronHoldLimit(log([...aLibrary(copies), ...copies.map((copy) => placedOnHold(cora, copy))])),
    ).toEqual([]);
  });

  it('is broken by a sixth hold, naming the patron and every hold', () => {
    const events = log([...aLibrary(copies), ...five, placedOnHold(ann, copies[5])]);
    const [violation] = regularPatronHoldLimit(events);
    expect(violation.invariant).toBe('regularPatronHoldLimit');
    expect(violation.positions).toHaveLength(6);
    expect(violation.message).toContain('ann, a regular patron, held 6 books');
  });
});

describe('each copy has at most one holder once settled, agreeing with its stream', () => {
  const base = aLibrary();

  it('holds when the copy’s stream follows the patrons', () => {
    expect(
      oneHolderPerBook(
        log([...base, ...everyCopyAvailable, placedOnHold(ann, ddd1), markedOnHold(ddd1, ann)]),
      ),
    ).toEqual([]);
  });

  it('is broken by two patrons holding one copy', () => {
    const [violation] = oneHolderPerBook(
      log([
        ...base,
        ...everyCopyAvailable,
        placedOnHold(ann, ddd1),
        placedOnHold(ben, ddd1),
        markedOnHold(ddd1, ann),
      ]),
    );
    expect(violation.message).toContain('Copy ddd-1 is held by 2 patrons');
  });

  it('is broken by a copy’s stream that disagrees with the patrons', () => {
    const [stale] = oneHolderPerBook(log([...base, ...everyCopyAvailable, placedOnHold(ann, ddd1)]));
    expect(stale.message).toContain("Copy ddd-1's stream says available");
    const [wrong] = oneHolderPerBook(
      log([
        ...base,
        ...everyCopyAvailable,
        placedOnHold(ann, ddd1),
        checkedOut(ann, ddd1),
        markedCheckedOut(ddd1, ben),
      ]),
    );
    expect(wrong.message).toContain('checked out by ben');
  });

  it('is broken by a copy the book process never made available', () => {
    expect(oneHolderPerBook(log(aLibrary())).map((violation) => violation.message)).toContain(
      'Copy ddd-1 never got a stream of its own: the book process did not make it available',
    );
  });
});

describe('every duplicate hold is compensated once, never the first patron', () => {
  // Positions: …, 18 Ann's hold, 19 Ben's hold #1, 20 on hold for Ann, 21 the duplicate, 22 the compensation.
  const race = [
    ...aLibrary(),
    placedOnHold(ann, ddd1),
    placedOnHold(ben, ddd1, { holdNumber: 1 }),
    markedOnHold(ddd1, ann),
    duplicateFound(ddd1, ann, ben, 1),
  ];
  const at = (events: DomainEvent[], type: string) =>
    log(events).find((event) => event.type === type)?.position ?? 0;
  const duplicateAt = at(race, 'BookDuplicateHoldFound');

  it('holds when the compensation cancels the second hold', () => {
    const events = log([...race, duplicateCanceled(ben, ddd1)]);
    expect(duplicateHoldCompensatedOnce(causedBy(events, events.length, duplicateAt))).toEqual([]);
  });

  it('holds when the second patron let the hold go before the compensation', () => {
    expect(duplicateHoldCompensatedOnce(log([...race, holdCanceled(ben, ddd1)]))).toEqual([]);
  });

  it('is broken while the duplicate hold is still active', () => {
    const [violation] = duplicateHoldCompensatedOnce(log(race));
    expect(violation.message).toContain("ben's duplicate hold on ddd-1");
  });

  it('is broken by a compensation of the first patron', () => {
    const events = log([...race, duplicateCanceled(ann, ddd1)]);
    const messages = duplicateHoldCompensatedOnce(causedBy(events, events.length, duplicateAt)).map(
      (v) => v.message,
    );
    expect(messages.some((message) => message.includes('cancelled the first patron ann'))).toBe(true);
  });

  it('is broken by a compensation that lands on a later hold of the second patron', () => {
    const events = log([
      ...race,
      holdCanceled(ben, ddd1),
      placedOnHold(ben, ddd1, { holdNumber: 2 }),
      duplicateCanceled(ben, ddd1),
    ]);
    const [violation] = duplicateHoldCompensatedOnce(causedBy(events, events.length, duplicateAt));
    expect(violation.message).toContain('which is not the duplicate hold #1');
  });

  it('is broken by a checkout on the duplicate hold', () => {
    const [violation] = duplicateHoldCompensatedOnce(log([...race, checkedOut(ben, ddd1)]));
    expect(violation.message).toContain('ben checked out ddd-1');
  });
});

describe('a hold expires at most once, an overdue checkout is recorded at most once', () => {
  const held = [...aLibrary(), placedOnHold(ann, ddd1)];
  const lent = [...held, checkedOut(ann, ddd1)];

  it('holds for one expiry and one overdue record', () => {
    expect(
      expiryAndOverdueAtMostOnce(
        log([
          ...held,
          holdExpired(ann, ddd1),
          placedOnHold(ann, ddd1),
          checkedOut(ann, ddd1),
          overdueRegistered(ann, ddd1),
          returned(ann, ddd1),
        ]),
      ),
    ).toEqual([]);
  });

  it.each([
    ['expires twice', [holdExpired(ann, ddd1), holdExpired(ann, ddd1)], 'had already expired'],
    ['expires once cancelled', [holdCanceled(ann, ddd1), holdExpired(ann, ddd1)], 'had been cancelled'],
    ['expires once checked out', [checkedOut(ann, ddd1), holdExpired(ann, ddd1)], 'had been checked out'],
  ])('is broken when a hold %s', (_, events, says) => {
    const [violation] = expiryAndOverdueAtMostOnce(log([...held, ...events]));
    expect(violation.message).toContain(says);
  });

  it('is broken by a checkout recorded overdue twice, or after its return', () => {
    const [twice] = expiryAndOverdueAtMostOnce(
      log([...lent, overdueRegistered(ann, ddd1), overdueRegistered(ann, ddd1)]),
    );
    expect(twice.message).toContain('recorded overdue twice');
    const [afterReturn] = expiryAndOverdueAtMostOnce(
      log([...lent, returned(ann, ddd1), overdueRegistered(ann, ddd1)]),
    );
    expect(afterReturn.message).toContain('after the book was returned');
  });
});
