import { givenWhenThen } from '../../../src/core/testing/givenWhenThen.ts';
import { createScheduling, streamIdOfEvent } from '../../../src/domains/scheduling/index.ts';

/** The virtual clock of every spec: Monday 2 March 2026, 08:00, the builders' default day. */
export const NOW = '2026-03-02T08:00';

/** Given/When/Then for the scheduling context, throwing a readable diff on mismatch. */
export const { given } = givenWhenThen(createScheduling(), {
  now: NOW,
  streamIdOf: streamIdOfEvent,
  throwOnFailure: true,
});

/** The same with a monthly limit, for saga specs. */
export const withMonthlyLimit = (monthlyLimit: number) =>
  givenWhenThen(createScheduling({ monthlyLimit }), {
    now: NOW,
    streamIdOf: streamIdOfEvent,
    throwOnFailure: true,
  }).given;
