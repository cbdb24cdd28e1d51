/** The library's demo world: a small library with two branches, some copies, three patrons and a few holds. */
import type { Command } from '../../core/boundedContext.ts';
import type { Demo } from '../kit/index.ts';
import { addBook, addBookInstance, books, copies, patrons, placeOnHold, registerPatron } from './builders.ts';

const { ann, ben, cora } = patrons;

/** A small library: Central and Riverside branches, seven books, eight copies (one restricted), three patrons. */
export const libraryDemo: Demo = {
  title: 'A small library',
  description:
    'Two branches (central and riverside), seven books and eight copies, one of them restricted; Ann and Ben are ' +
    'regular patrons and Dr Cora Reyes a researcher. Ann and Ben each hold a book; Cora holds the restricted copy ' +
    'open-ended.',
  commands(): Command[] {
    // Why the clock does not matter: every hold is placed from now, so each command is valid at any clock.
    return [
      ...Object.values(books).map((book) => addBook(book)),
      ...Object.values(copies).map((copy) => addBookInstance(copy)),
      registerPatron(ann),
      registerPatron(ben),
      registerPatron(cora),
      placeOnHold(ann, copies.ddd1, 7),
      placeOnHold(ben, copies.ddia1, 3),
      placeOnHold(cora, copies.sicp1),
    ];
  },
};
