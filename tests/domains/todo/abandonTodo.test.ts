import { describe, it } from 'vitest';
import { abandonTodo, todoAbandoned, todoAdded, todoCompleted } from './builders.ts';
import { given } from './spec.ts';

describe('AbandonTodo', () => {
  describe('when the todo is outstanding', () => {
    it('abandons it on the given date', () => {
      given([todoAdded()])
        .when(abandonTodo({ abandonedOn: '2026-03-04' }))
        .thenEvents([todoAbandoned({ abandonedOn: '2026-03-04' })]);
    });
  });

  describe('when the command is malformed (InvalidCommand, checked first)', () => {
    it('rejects an abandonment date that is not a date', () => {
      given([])
        .when(abandonTodo({ abandonedOn: '03/04/2026' }))
        .thenRejects('InvalidCommand', {
          field: 'data.abandonedOn',
        });
    });

    it('rejects an id with spaces', () => {
      given([])
        .when(abandonTodo({ todoId: 'the chopper' }))
        .thenRejects('InvalidCommand', { field: 'data.todoId' });
    });
  });

  describe('when there is no such todo (TodoNotFound)', () => {
    it('rejects the abandonment', () => {
      given([]).when(abandonTodo()).thenRejects('TodoNotFound', { todoId: 'chopper' });
    });
  });

  describe('when the todo is closed', () => {
    it('rejects abandoning a completed todo (TodoAlreadyCompleted)', () => {
      given([todoAdded(), todoCompleted()]).when(abandonTodo()).thenRejects('TodoAlreadyCompleted');
    });

    it('rejects abandoning it twice (TodoAlreadyAbandoned)', () => {
      given([todoAdded(), todoAbandoned()]).when(abandonTodo()).thenRejects('TodoAlreadyAbandoned');
    });
  });
});
