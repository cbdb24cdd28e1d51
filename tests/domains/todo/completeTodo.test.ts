import { describe, expect, it } from 'vitest';
import { completeTodo, todoAbandoned, todoAdded, todoAmended, todoCompleted } from './builders.ts';
import { given } from './spec.ts';

describe('CompleteTodo', () => {
  describe('when the todo is outstanding', () => {
    it('completes it on the given date', () => {
      given([todoAdded(), todoAmended({ title: 'Get to the chopper, NOW' })])
        .when(completeTodo({ completedOn: '2026-03-05' }))
        .thenEvents([todoCompleted({ completedOn: '2026-03-05' })]);
    });
  });

  describe('when the command is malformed (InvalidCommand, checked first)', () => {
    it('rejects a completion date that is not a real date', () => {
      given([todoAdded()])
        .when(completeTodo({ completedOn: '2026-13-01' }))
        .thenRejects('InvalidCommand', { field: 'data.completedOn' });
    });

    it('rejects a missing completion date, before looking for the todo', () => {
      given([])
        .when({ type: 'CompleteTodo', data: { todoId: 'chopper' } })
        .thenRejects('InvalidCommand', { field: 'data.completedOn', problem: 'is required' });
    });
  });

  describe('when there is no such todo (TodoNotFound)', () => {
    it('rejects the completion', () => {
      given([]).when(completeTodo()).thenRejects('TodoNotFound', { todoId: 'chopper' });
    });
  });

  describe('when the todo is already completed (TodoAlreadyCompleted)', () => {
    it('rejects the second completion, in a sentence naming the todo', () => {
      const { decision } = given([todoAdded(), todoCompleted()]).when(completeTodo());
      expect(decision).toMatchObject({
        kind: 'rejected',
        error: { code: 'TodoAlreadyCompleted', todoId: 'chopper' },
      });
      expect(decision.kind === 'rejected' && decision.error.message).toBe(
        '“Get to the chopper” (chopper) is already completed; it can no longer change.',
      );
    });
  });

  describe('when the todo was abandoned (TodoAlreadyAbandoned)', () => {
    it('rejects the completion', () => {
      given([todoAdded(), todoAbandoned()])
        .when(completeTodo())
        .thenRejects('TodoAlreadyAbandoned', { todoId: 'chopper' });
    });
  });
});
