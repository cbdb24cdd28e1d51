import type { IdKind } from '../../index.ts';

/** The ids the log introduces, so forms can suggest the todos the log knows (labelled by title). */
export const todoIds: Record<string, IdKind> = {
  todo: {
    label: 'Todo',
    fields: ['todoId'],
    introducedBy: [{ event: 'TodoAdded', field: 'todoId', labelField: 'title' }],
  },
};
