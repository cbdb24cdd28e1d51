import { describe, expect, it } from 'vitest';
import { addTodo, todoAdded } from './builders.ts';
import { given } from './spec.ts';

describe('AddTodo', () => {
  describe('when the todo is new', () => {
    it('adds it with everything given', () => {
      const full = {
        description: 'It is in the trees.',
        dueDate: '2026-03-04',
        stakeholderEmail: 'dillon@example.com',
      };
      given([])
        .when(addTodo(full))
        .thenEvents([todoAdded(full)]);
    });

    it('records what is not given as absent: no description, no due date, no stakeholder', () => {
      given([])
        .when(addTodo())
        .thenEvents([todoAdded({ description: '', dueDate: null, stakeholderEmail: null })]);
    });

    it('trims the title', () => {
      given([])
        .when(addTodo({ title: '  Get to the chopper ' }))
        .thenEvents([todoAdded()]);
    });
  });

  describe('when the command is malformed (InvalidCommand, checked first)', () => {
    it('rejects an empty title', () => {
      given([])
        .when(addTodo({ title: '   ' }))
        .thenRejects('InvalidCommand', { field: 'data.title', problem: 'must not be empty' });
    });

    it('rejects a due date that is not a real date', () => {
      given([])
        .when(addTodo({ dueDate: '2026-02-30' }))
        .thenRejects('InvalidCommand', { field: 'data.dueDate' });
    });

    it('rejects a stakeholder email that is not an email address', () => {
      given([])
        .when(addTodo({ stakeholderEmail: 'dillon at example.com' }))
        .thenRejects('InvalidCommand', {
          field: 'data.stakeholderEmail',
          problem: 'must be an email address',
        });
    });

    it('rejects a missing todo id', () => {
      given([])
        .when({ type: 'AddTodo', data: { title: 'Get to the chopper' } })
        .thenRejects('InvalidCommand', { field: 'data.todoId', problem: 'is required' });
    });

    it('says so before it says the id is taken', () => {
      given([todoAdded()])
        .when(addTodo({ title: '' }))
        .thenRejects('InvalidCommand');
    });
  });

  describe('when the id is taken (TodoAlreadyAdded)', () => {
    it('rejects the second todo, in a sentence naming the first', () => {
      const { decision } = given([todoAdded()]).when(addTodo({ title: 'Another chopper' }));
      expect(decision).toEqual({
        kind: 'rejected',
        error: {
          code: 'TodoAlreadyAdded',
          message: 'There is already a todo chopper (“Get to the chopper”); choose another id.',
          todoId: 'chopper',
        },
      });
    });
  });
});
