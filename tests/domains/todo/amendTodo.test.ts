import { describe, it } from 'vitest';
import { amendTodo, todoAbandoned, todoAdded, todoAmended, todoCompleted } from './builders.ts';
import { given } from './spec.ts';

const outstanding = todoAdded({ dueDate: '2026-03-04', stakeholderEmail: 'dillon@example.com' });

describe('AmendTodo', () => {
  describe('when the todo is outstanding', () => {
    it('records the new title', () => {
      given([outstanding])
        .when(amendTodo({ title: 'Get to the chopper, NOW' }))
        .thenEvents([todoAmended({ title: 'Get to the chopper, NOW' })]);
    });

    it('records every field that changes, and only those', () => {
      given([outstanding])
        .when(
          amendTodo({
            title: 'Get to the chopper',
            description: 'It is in the trees.',
            stakeholderEmail: 'anna@example.com',
          }),
        )
        .thenEvents([
          todoAmended({ description: 'It is in the trees.', stakeholderEmail: 'anna@example.com' }),
        ]);
    });

    it('clears the due date and the stakeholder with null', () => {
      given([outstanding])
        .when(amendTodo({ dueDate: null, stakeholderEmail: null }))
        .thenEvents([todoAmended({ dueDate: null, stakeholderEmail: null })]);
    });

    it('appends nothing when nothing changes', () => {
      given([outstanding])
        .when(amendTodo({ dueDate: '2026-03-04' }))
        .thenEvents([]);
    });

    it('compares with the todo as amended last', () => {
      given([outstanding, todoAmended({ title: 'Get to the chopper, NOW' })])
        .when(amendTodo({ title: 'Get to the chopper, NOW' }))
        .thenEvents([]);
      given([outstanding, todoAmended({ title: 'Get to the chopper, NOW' })])
        .when(amendTodo({ title: 'Get to the chopper' }))
        .thenEvents([todoAmended({ title: 'Get to the chopper' })]);
    });
  });

  describe('when the command is malformed (InvalidCommand, checked first)', () => {
    it('rejects an amendment that changes no field', () => {
      given([outstanding]).when(amendTodo()).thenRejects('InvalidCommand', {
        field: 'data',
        problem: 'must change at least one of title, description, dueDate or stakeholderEmail',
      });
    });

    it('rejects an empty title, a bad date and a bad email', () => {
      given([outstanding])
        .when(amendTodo({ title: ' ' }))
        .thenRejects('InvalidCommand', { field: 'data.title' });
      given([outstanding])
        .when(amendTodo({ dueDate: 'tomorrow' }))
        .thenRejects('InvalidCommand', { field: 'data.dueDate' });
      given([outstanding])
        .when(amendTodo({ stakeholderEmail: 'anna' }))
        .thenRejects('InvalidCommand', { field: 'data.stakeholderEmail' });
    });

    it('says so before it says the todo is unknown', () => {
      given([]).when(amendTodo()).thenRejects('InvalidCommand');
    });
  });

  describe('when there is no such todo (TodoNotFound)', () => {
    it('rejects the amendment', () => {
      given([])
        .when(amendTodo({ title: 'Anything' }))
        .thenRejects('TodoNotFound', { todoId: 'chopper' });
      given([todoAdded({ todoId: 'taxes' })])
        .when(amendTodo({ title: 'Anything' }))
        .thenRejects('TodoNotFound', { todoId: 'chopper' });
    });
  });

  describe('when the todo is closed', () => {
    it('rejects amending a completed todo (TodoAlreadyCompleted)', () => {
      given([outstanding, todoCompleted()])
        .when(amendTodo({ title: 'Got to the chopper' }))
        .thenRejects('TodoAlreadyCompleted', { todoId: 'chopper' });
    });

    it('rejects amending an abandoned todo (TodoAlreadyAbandoned)', () => {
      given([outstanding, todoAbandoned()])
        .when(amendTodo({ title: 'Got to the chopper' }))
        .thenRejects('TodoAlreadyAbandoned', { todoId: 'chopper' });
    });
  });
});
