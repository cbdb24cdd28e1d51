/** The kinds of id the library's log introduces, so forms can suggest the ids it knows. */
import type { IdKind } from '../kit/index.ts';

/** Patrons, copies, ISBNs and branches, with the events that introduce them. */
export const libraryIds: Record<string, IdKind> = {
  patron: {
    label: 'Patron',
    fields: ['patronId', 'firstPatronId', 'secondPatronId'],
    introducedBy: [{ event: 'PatronCreated', field: 'patronId', labelField: 'name' }],
  },
  book: {
    label: 'Copy',
    fields: ['bookId'],
    introducedBy: [{ event: 'BookInstanceAddedToCatalogue', field: 'bookId' }],
  },
  isbn: {
    label: 'ISBN',
    fields: ['isbn'],
    introducedBy: [{ event: 'BookAdded', field: 'isbn', labelField: 'title' }],
  },
  branch: {
    label: 'Branch',
    fields: ['branchId'],
    introducedBy: [{ event: 'BookInstanceAddedToCatalogue', field: 'branchId' }],
  },
};
