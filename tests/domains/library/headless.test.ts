import { describe, expect, it } from 'vitest';
import { createSandbox, createDeterministicScheduler, type ActorScheduler } from '../../../src/index.ts';
import {
  addBook,
  addBookInstance,
  books,
  copies,
  OPENING,
  patrons,
  placeOnHold,
  registerPatron,
} from '../../../src/domains/library/builders.ts';

async function openLibrary(options: { scheduler?: ActorScheduler } = {}) {
  const sandbox = createSandbox({ domain: 'library', now: OPENING, scheduler: options.scheduler });
  for (const command of [
    addBook(books.ddd),
    addBookInstance(copies.ddd1),
    registerPatron(patrons.ann),
    registerPatron(patrons.ben),
  ])
    expect((await sandbox.dispatch(command)).kind, JSON.stringify(command)).toBe('accepted');
  await sandbox.settle();
  return sandbox;
}

describe('the library headless, through createSandbox({ domain: "library" })', () => {
  it('makes a new copy available through the book process', async () => {
    const sandbox = await openLibrary();
    expect(sandbox.domain).toBe('library');
    expect(sandbox.query.bookStatus('ddd-1')).toEqual({ bookId: 'ddd-1', status: 'available' });
    expect(sandbox.query.availableBooks('central')).toEqual([
      { bookId: 'ddd-1', isbn: books.ddd.isbn, title: 'Domain-Driven Design', bookType: 'Circulating' },
    ]);
  });

  it('lets two patrons hold one copy for a moment, then cancels the second hold with the duplicate as its cause', async () => {
    // Both holds decided before the book process reacts: the deterministic scheduler runs them back to back.
    const sandbox = await openLibrary({ scheduler: createDeterministicScheduler() });
    const [first, second] = await Promise.all([
      sandbox.dispatch(placeOnHold(patrons.ann, copies.ddd1, 7)),
      sandbox.dispatch(placeOnHold(patrons.ben, copies.ddd1, 7)),
    ]);
    expect([first.kind, second.kind]).toEqual(['accepted', 'accepted']);
    await sandbox.settle();
    const events = await sandbox.events();
    const duplicate = events.find((e) => e.type === 'BookDuplicateHoldFound');
    expect(duplicate?.data).toMatchObject({ bookId: 'ddd-1', firstPatronId: 'ann', secondPatronId: 'ben' });
    const compensation = events.find(
      (e) => e.type === 'BookHoldCanceled' && (e.data as { reason: string }).reason === 'duplicate-hold',
    );
    expect(compensation?.data).toMatchObject({ patronId: 'ben', bookId: 'ddd-1' });
    expect(compensation?.metadata.causationId).toBe(duplicate?.id);
    expect(sandbox.query.patronHolds('ann').map((h) => h.bookId)).toEqual(['ddd-1']);
    expect(sandbox.query.patronHolds('ben')).toEqual([]);
    expect(sandbox.query.bookStatus('ddd-1')).toMatchObject({ status: 'on-hold', patronId: 'ann' });
  });

  it('runs the daily sheet when the clock passes midnight: an expired hold expires once', async () => {
    const sandbox = await openLibrary();
    expect((await sandbox.dispatch(placeOnHold(patrons.ann, copies.ddd1, 1))).kind).toBe('accepted');
    await sandbox.settle();
    sandbox.clock.set('2026-03-04T08:00');
    await sandbox.settle();
    sandbox.clock.set('2026-03-05T08:00');
    await sandbox.settle();
    const expired = (await sandbox.events()).filter((e) => e.type === 'BookHoldExpired');
    expect(expired.map((e) => e.data)).toEqual([
      expect.objectContaining({ patronId: 'ann', bookId: 'ddd-1' }),
    ]);
    expect(sandbox.query.patronHolds('ann')).toEqual([]);
    expect(sandbox.query.bookStatus('ddd-1')).toMatchObject({ status: 'available' });
  });
});
