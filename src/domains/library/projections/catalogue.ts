import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { asLibraryEvent } from '../events.ts';
import { type Keyed, emptyKeyed, put } from '../keyed.ts';
import type { BookType } from '../rules.ts';

export interface CatalogueBookView {
  isbn: string;
  title: string;
  author: string;
}

export interface CatalogueInstanceView {
  bookId: string;
  isbn: string;
  branchId: string;
  bookType: BookType;
}

export interface CatalogueView {
  books: Keyed<CatalogueBookView>;
  instances: Keyed<CatalogueInstanceView>;
}

function apply(state: CatalogueView, recorded: RecordedEvent): CatalogueView {
  const event = asLibraryEvent(recorded);
  if (event.type === 'BookAdded') put(state.books, event.data.isbn, { ...event.data });
  else if (event.type === 'BookInstanceAddedToCatalogue')
    put(state.instances, event.data.bookId, { ...event.data });
  return state;
}

/** The catalogue's books and copies (from the `catalogue` stream only): feeds `catalogue` and the titles. */
export const catalogueProjection: Projection<CatalogueView> = {
  name: 'catalogue',
  description: 'Every book by ISBN and every copy with its branch and type, from the catalogue stream.',
  initialState: () => ({ books: emptyKeyed(), instances: emptyKeyed() }),
  apply,
};
