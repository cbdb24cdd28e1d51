import { describe, expect, it } from 'vitest';
import { notifyStakeholder, stakeholderNotified } from './builders.ts';
import { given } from './spec.ts';
import { todo } from '../../../src/domains/todo/index.ts';

describe('NotifyStakeholder', () => {
  describe('when the stakeholder was not told of this completion', () => {
    it('tells them, in the stakeholder’s stream', () => {
      given([]).when(notifyStakeholder()).thenEvents([stakeholderNotified()]);
      expect(todo.context.plan(notifyStakeholder())).toEqual({
        streamId: 'stakeholder-chopper',
        guardStreamIds: [],
      });
    });

    it('tells them of another completion', () => {
      given([stakeholderNotified({ causationEventId: 'evt-2' })])
        .when(notifyStakeholder({ causationEventId: 'evt-9' }))
        .thenEvents([stakeholderNotified({ causationEventId: 'evt-9' })]);
    });
  });

  describe('when the same completion is notified again (a redelivered reaction)', () => {
    it('accepts it and appends nothing', () => {
      given([stakeholderNotified({ causationEventId: 'evt-2' })])
        .when(notifyStakeholder({ causationEventId: 'evt-2' }))
        .thenEvents([]);
    });
  });

  describe('when the command is malformed (InvalidCommand)', () => {
    it('rejects a stakeholder email that is not an email address', () => {
      given([])
        .when(notifyStakeholder({ stakeholderEmail: 'dillon' }))
        .thenRejects('InvalidCommand', { field: 'data.stakeholderEmail' });
    });

    it('rejects a missing causation event id', () => {
      const { causationEventId: _, ...data } = notifyStakeholder().data;
      given([])
        .when({ type: 'NotifyStakeholder', data })
        .thenRejects('InvalidCommand', { field: 'data.causationEventId', problem: 'is required' });
    });
  });
});
