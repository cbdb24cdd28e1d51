import { givenWhenThen } from '../../../src/core/testing/givenWhenThen.ts';
import { OPENING } from '../../../src/domains/library/builders.ts';
import { library } from '../../../src/domains/library/index.ts';

/** The virtual clock of every spec: Monday 2 March 2026, 09:00, when the library opens. */
export const NOW = OPENING;

/** Given/When/Then for the library context, throwing a readable diff on mismatch. */
export const { given } = givenWhenThen(library.context, {
  now: NOW,
  streamIdOf: library.streamOfEvent,
  throwOnFailure: true,
});

/** The same, returning results instead of throwing (to check that a spec fails). */
export const { given: givenSoft } = givenWhenThen(library.context, {
  now: NOW,
  streamIdOf: library.streamOfEvent,
});
