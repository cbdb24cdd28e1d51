import {
  type Copy,
  bookAdded,
  books,
  copies,
  instanceAdded,
  patronCreated,
  patrons,
} from '../../../src/domains/library/builders.ts';

export const { ann, ben, cora } = patrons;
export const { ddd1, ddd2, iddd1, ddia1, legacy1, eip1, refactoring1, sicp1 } = copies;

/** Extra circulating copies of Domain-Driven Design at a branch: `ddd-<branch>-1`, `ddd-<branch>-2`… */
export const extraCopies = (count: number, branchId = 'central'): Copy[] =>
  Array.from({ length: count }, (_, index) => ({
    bookId: `ddd-${branchId}-${index + 1}`,
    isbn: books.ddd.isbn,
    branchId,
    bookType: 'Circulating' as const,
  }));

/** Every book of the cast in the catalogue, every copy added, Ann, Ben (regular) and Cora (researcher) registered. */
export const aLibrary = (more: Copy[] = []) => [
  ...Object.values(books).map((book) => bookAdded(book)),
  ...[...Object.values(copies), ...more].map((copy) => instanceAdded(copy)),
  patronCreated(ann),
  patronCreated(ben),
  patronCreated(cora),
];
