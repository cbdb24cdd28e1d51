/**
 * The one edit model of every what-if: a branch is a copy of an original history (a live log's events, or a
 * scenario's Given steps) changed by a list of edits applied in turn: skip an item, move it, change its data,
 * insert a new one. Items are named by their position in the original, so an edit keeps meaning the same item
 * whatever the edits before it did.
 */

/**
 * One change of a branch. A move or an insert says where either by `before` (the original position of the item
 * it goes just before; null = the end of the branch) or by `to`/`at` (an index, 0-based, in the branch as the
 * edits before have left it).
 */
export type WhatIfEdit<Inserted> =
  | { kind: 'skip'; position: number }
  | { kind: 'move'; position: number; to: number }
  | { kind: 'move'; position: number; before: number | null }
  | { kind: 'change'; position: number; data: Record<string, unknown> }
  | { kind: 'insert'; at: number; item: Inserted }
  | { kind: 'insert'; before: number | null; item: Inserted };

/** One item of the original history, named by its position. */
export interface Original<Item> {
  position: number;
  item: Item;
}

/** One step of a branch: an item of the original (maybe changed), or one inserted there. */
export type BranchStep<Item, Inserted> =
  { kind: 'original'; from: number; item: Item; isChanged: boolean } | { kind: 'inserted'; item: Inserted };

export type Branch<Item, Inserted> =
  { kind: 'ok'; steps: BranchStep<Item, Inserted>[] } | { kind: 'invalid'; message: string };

/**
 * Pure: the branch's steps after the edits, or the first edit that names nothing there. `change` gives an item
 * with new data (never changing the original); `noun` names the items in messages (`event 5`, `step 5`).
 */
export function applyEdits<Item, Inserted>(
  originals: readonly Original<Item>[],
  edits: readonly WhatIfEdit<Inserted>[],
  change: (item: Item, data: Record<string, unknown>) => Item,
  noun = 'event',
): Branch<Item, Inserted> {
  let steps: BranchStep<Item, Inserted>[] = originals.map(({ position, item }) => ({
    kind: 'original',
    from: position,
    item,
    isChanged: false,
  }));
  const indexOf = (position: number, within: readonly BranchStep<Item, Inserted>[]) =>
    within.findIndex((step) => step.kind === 'original' && step.from === position);
  for (const [n, edit] of edits.entries()) {
    const where = `Edit ${n + 1} (${edit.kind})`;
    const notThere = (position: number): Branch<Item, Inserted> => ({
      kind: 'invalid',
      message: `${where}: ${noun} ${position} is not in the branch (any more)`,
    });
    if (edit.kind === 'insert') {
      const at = 'at' in edit ? edit.at : edit.before === null ? steps.length : indexOf(edit.before, steps);
      if ('before' in edit && edit.before !== null && at < 0) return notThere(edit.before);
      if (!Number.isInteger(at) || at < 0 || at > steps.length)
        return { kind: 'invalid', message: `${where}: there is no step ${at + 1} to insert at` };
      steps = [...steps.slice(0, at), { kind: 'inserted', item: edit.item }, ...steps.slice(at)];
      continue;
    }
    const index = indexOf(edit.position, steps);
    if (index < 0) return notThere(edit.position);
    const step = steps[index] as Extract<BranchStep<Item, Inserted>, { kind: 'original' }>;
    if (edit.kind === 'skip') steps = steps.filter((_, i) => i !== index);
    else if (edit.kind === 'change')
      steps[index] = { ...step, item: change(step.item, structuredClone(edit.data)), isChanged: true };
    else {
      const rest = steps.filter((_, i) => i !== index);
      if ('before' in edit && edit.before === edit.position)
        return { kind: 'invalid', message: `${where}: ${noun} ${edit.position} cannot move before itself` };
      const to = 'to' in edit ? edit.to : edit.before === null ? rest.length : indexOf(edit.before, rest);
      if ('before' in edit && edit.before !== null && to < 0) return notThere(edit.before);
      if (!Number.isInteger(to) || to < 0 || to > rest.length || ('to' in edit && to >= steps.length))
        return {
          kind: 'invalid',
          message: `${where}: there is no step ${to + 1} to move ${noun} ${edit.position} to`,
        };
      steps = [...rest.slice(0, to), step, ...rest.slice(to)];
    }
  }
  return { kind: 'ok', steps };
}

/** How a list of edits names things, for the list of changes on a branch. */
export interface EditNames<Inserted> {
  /** An original item by its position: `#12 SlotBooked ana-silva_2026-03-02_09:00`, `step 5 (BookSlot)`. */
  original(position: number): string;
  /** An inserted item: `BookSlot ana-silva_2026-03-02_09:00`. */
  inserted(item: Inserted): string;
  /** The original data of an item, to say which fields a change changes. */
  dataOf(position: number): Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'none'));

/** Pure: one line for an edit, naming the items it touches, for the list of changes on the branch. */
export function describeEdit<Inserted>(edit: WhatIfEdit<Inserted>, names: EditNames<Inserted>): string {
  const where = (before: number | null) =>
    before === null ? 'at the end' : `before ${names.original(before)}`;
  if (edit.kind === 'skip') return `Skip ${names.original(edit.position)}`;
  if (edit.kind === 'change') {
    const original = names.dataOf(edit.position);
    const changed = [...new Set([...Object.keys(original), ...Object.keys(edit.data)])]
      .filter((key) => text(original[key]) !== text(edit.data[key]))
      .map((key) => `${key} → ${text(edit.data[key])}`);
    return `Change the data of ${names.original(edit.position)}${changed.length > 0 ? `: ${changed.join(', ')}` : ''}`;
  }
  if (edit.kind === 'move')
    return 'before' in edit
      ? `Move ${names.original(edit.position)} ${where(edit.before)}`
      : `Move ${names.original(edit.position)} to step ${edit.to + 1}`;
  return 'before' in edit
    ? `Insert ${names.inserted(edit.item)} ${where(edit.before)}`
    : `Insert ${names.inserted(edit.item)} at step ${edit.at + 1}`;
}

/** The edits a branch is made of, edited one choice at a time (the what-if views keep one of these). */
export interface EditChoices<Inserted> {
  skipped: readonly number[];
  /** New data of changed items: original position and data. */
  changed: Iterable<readonly [number, Record<string, unknown>]>;
  /** Moves, in order: item `position` goes just before item `before` (null = the end). */
  moves: readonly { position: number; before: number | null }[];
  /** Items inserted, in order, just before item `before` (null = the end). */
  inserts: readonly { item: Inserted; before: number | null }[];
}

/**
 * Pure: the edit list choices amount to: the moves and inserts in the order made, the changes, then the skips.
 * Why skips last: a move or insert may name an item skipped since; it keeps its place relative to the others.
 */
export const editsOf = <Inserted>(choices: EditChoices<Inserted>): WhatIfEdit<Inserted>[] => [
  ...choices.moves.map(({ position, before }): WhatIfEdit<Inserted> => ({ kind: 'move', position, before })),
  ...choices.inserts.map(({ item, before }): WhatIfEdit<Inserted> => ({ kind: 'insert', before, item })),
  ...[...choices.changed]
    .filter(([position]) => !choices.skipped.includes(position))
    .map(([position, data]): WhatIfEdit<Inserted> => ({ kind: 'change', position, data })),
  ...choices.skipped.map((position): WhatIfEdit<Inserted> => ({ kind: 'skip', position })),
];
