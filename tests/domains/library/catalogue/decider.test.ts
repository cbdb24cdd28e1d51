import { describe, it } from 'vitest';
import {
  addBook,
  addBookInstance,
  bookAdded,
  books,
  instanceAdded,
} from '../../../../src/domains/library/builders.ts';
import { given } from '../spec.ts';
import { ddd1, ddd2, sicp1 } from '../fixtures.ts';

describe('AddBook', () => {
  it('adds a book by its ISBN', () => {
    given([])
      .when(addBook(books.ddd))
      .thenEvents([bookAdded(books.ddd)]);
  });

  it('accepts an ISBN-10 ending in X', () => {
    const book = { isbn: '080442957X', title: 'Old Book', author: 'Someone' };
    given([])
      .when(addBook(book))
      .thenEvents([bookAdded(book)]);
  });

  it.each(['978-0321125217', '12345', '9790321125217x'])('rejects the ISBN %s', (isbn) => {
    given([])
      .when(addBook({ ...books.ddd, isbn }))
      .thenRejects('InvalidCommand', { field: 'data.isbn' });
  });

  it('rejects an empty title', () => {
    given([])
      .when(addBook({ ...books.ddd, title: '   ' }))
      .thenRejects('InvalidCommand', { field: 'data.title', problem: 'must not be empty' });
  });

  it('rejects an ISBN already in the catalogue', () => {
    given([bookAdded(books.ddd)])
      .when(addBook({ ...books.ddd, title: 'DDD, again' }))
      .thenRejects('BookAlreadyAdded', { isbn: books.ddd.isbn, title: 'Domain-Driven Design' });
  });
});

describe('AddBookInstance', () => {
  it('adds a copy of a catalogued book to a branch', () => {
    given([bookAdded(books.ddd)])
      .when(addBookInstance(ddd1))
      .thenEvents([instanceAdded(ddd1)]);
  });

  it('adds a restricted copy', () => {
    given([bookAdded(books.sicp)])
      .when(addBookInstance(sicp1))
      .thenEvents([instanceAdded(sicp1)]);
  });

  it('rejects an unknown book type', () => {
    given([bookAdded(books.ddd)])
      .when({ type: 'AddBookInstance', data: { ...ddd1, bookType: 'Reference' } })
      .thenRejects('InvalidCommand', {
        field: 'data.bookType',
        problem: 'must be Circulating or Restricted',
      });
  });

  it('rejects a copy of a book not in the catalogue, before the copy being added already', () => {
    given([bookAdded(books.ddd), instanceAdded(ddd1)])
      .when(addBookInstance({ ...ddd1, isbn: books.sicp.isbn }))
      .thenRejects('BookNotInCatalogue', { isbn: books.sicp.isbn, bookId: 'ddd-1' });
  });

  it('rejects a copy id already used, whatever its branch', () => {
    given([bookAdded(books.ddd), instanceAdded(ddd1)])
      .when(addBookInstance({ ...ddd2, bookId: 'ddd-1' }))
      .thenRejects('BookInstanceAlreadyAdded', { bookId: 'ddd-1', branchId: 'central' });
  });
});
