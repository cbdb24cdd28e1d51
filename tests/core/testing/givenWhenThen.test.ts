import { describe, expect, it } from 'vitest';
import type { BoundedContext, Command } from '../../../src/core/boundedContext.ts';
import { accept, reject } from '../../../src/core/decider.ts';
import type { DomainEvent } from '../../../src/core/event.ts';
import {
  SpecFailure,
  givenWhenThen,
  lineDiff,
  recordEvents,
} from '../../../src/core/testing/givenWhenThen.ts';

type Counted = DomainEvent<'Counted', { by: number }>;

/** A tiny context: a counter that refuses to go above 3, a read model of the total, a saga echoing big steps. */
const counter: BoundedContext<Command<'Count', { by: number }>, Counted> = {
  name: 'counter',
  validate: (input) => {
    const command = input as Command<'Count', { by: number }>;
    return typeof command?.data?.by === 'number'
      ? { kind: 'valid', command }
      : {
          kind: 'invalid',
          error: { code: 'InvalidCommand', message: 'by must be a number', field: 'data.by' },
        };
  },
  plan: () => ({ streamId: 'counter', guardStreamIds: [] }),
  decide: (command, { stream }) => {
    const total = stream.reduce((sum, event) => sum + (event.data as { by: number }).by, 0);
    return total + command.data.by > 3
      ? reject({ code: 'TooMuch', message: `Total would be ${total + command.data.by}`, total })
      : accept({ type: 'Counted', data: { by: command.data.by } });
  },
  projections: [
    {
      name: 'total',
      description: 'the total',
      initialState: () => 0,
      apply: (total, event) => (total as number) + (event.data as { by: number }).by,
    },
  ],
  sagas: [
    {
      name: 'echo',
      description: 'counts big steps again',
      initialState: () => ({ last: 0 }),
      handle: (state, event) => {
        const { last } = state as { last: number };
        if (event.position <= last) return { state, reactions: [] };
        const { by } = event.data as { by: number };
        return {
          state: { last: event.position },
          reactions: by > 1 ? [{ command: { type: 'Count', data: { by: 1 } } }] : [],
        };
      },
    },
  ],
};

const { given } = givenWhenThen(counter, { streamIdOf: () => 'counter' });
const counted = (by: number): Counted => ({ type: 'Counted', data: { by } });

describe('givenWhenThen', () => {
  describe('for a decider', () => {
    it('passes when the events match', () => {
      expect(
        given([counted(1)])
          .when({ type: 'Count', data: { by: 2 } })
          .thenEvents([counted(2)]),
      ).toEqual(expect.objectContaining({ pass: true, diff: '' }));
    });

    it('fails with a readable diff when they differ', () => {
      const result = given([])
        .when({ type: 'Count', data: { by: 2 } })
        .thenEvents([counted(3)]);
      expect(result.pass).toBe(false);
      expect(result.diff).toMatch(/^- +"by": 3$/m);
      expect(result.diff).toMatch(/^\+ +"by": 2$/m);
    });

    it('passes a rejection with the expected code and facts', () => {
      expect(
        given([counted(3)])
          .when({ type: 'Count', data: { by: 1 } })
          .thenRejects('TooMuch', { total: 3 }).pass,
      ).toBe(true);
    });

    it('fails a rejection with other facts, or an acceptance', () => {
      expect(
        given([counted(3)])
          .when({ type: 'Count', data: { by: 1 } })
          .thenRejects('TooMuch', { total: 2 }).pass,
      ).toBe(false);
      const accepted = given([])
        .when({ type: 'Count', data: { by: 1 } })
        .thenRejects('TooMuch');
      expect(accepted.pass).toBe(false);
      expect(accepted.diff).toMatch(/^\+ +"accepted"/m);
    });

    it('validates the command first', () => {
      expect(
        given([]).when({ type: 'Count', data: {} }).thenRejects('InvalidCommand', { field: 'data.by' }).pass,
      ).toBe(true);
    });
  });

  describe('for a projection', () => {
    it('compares the query result', () => {
      expect(given([counted(1), counted(2)]).thenQuery((read) => read('total'), 3).pass).toBe(true);
      expect(given([counted(1)]).thenQuery((read) => read('total'), 3).diff).toContain('- 3\n+ 1');
    });
  });

  describe('for a saga', () => {
    it('compares the reactions to a new event', () => {
      expect(
        given([])
          .whenEvent(counted(2))
          .thenReactions([{ type: 'Count', data: { by: 1 } }]).pass,
      ).toBe(true);
    });

    it('delivers a given event again for redelivery specs', () => {
      expect(
        given([counted(2)])
          .whenRedelivered(1)
          .thenReactions([]).pass,
      ).toBe(true);
    });
  });

  describe('with throwOnFailure', () => {
    it('throws a SpecFailure carrying the diff', () => {
      const strict = givenWhenThen(counter, { streamIdOf: () => 'counter', throwOnFailure: true });
      expect(() =>
        strict
          .given([])
          .when({ type: 'Count', data: { by: 9 } })
          .thenEvents([]),
      ).toThrow(SpecFailure);
    });
  });

  describe('recordEvents', () => {
    it('gives gapless positions, per-stream versions and ids', () => {
      const log = recordEvents([
        { ...counted(1), streamId: 'a' },
        { ...counted(1), streamId: 'b' },
        { ...counted(1), streamId: 'a' },
      ]);
      expect(log.map(({ id, position, streamId, version }) => [id, position, streamId, version])).toEqual([
        ['evt-1', 1, 'a', 1],
        ['evt-2', 2, 'b', 1],
        ['evt-3', 3, 'a', 2],
      ]);
    });
  });

  describe('lineDiff', () => {
    it('keeps common lines and marks the rest', () => {
      expect(lineDiff('a\nb\nc', 'a\nx\nc')).toBe('  a\n- b\n+ x\n  c');
    });
  });
});
