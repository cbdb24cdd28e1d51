/**
 * A domain's read side as its queries answer it: every query of its catalog, asked of every argument the log
 * names. Generic: the arguments come from the query's own `valuesIn`, from the ids of its `idKind`, or from event
 * fields of the same name, so a tool can show and compare read models without knowing the domain.
 */
import type { QueryArgument } from '../../core/boundedContext.ts';
import type { DomainModule } from '../../core/domain/domainModule.ts';
import type { DomainEvent } from '../../core/event.ts';

/** One question to the read side: a query and its arguments. */
export interface Question {
  query: string;
  args: string[];
}

/** A question and what the read models answered. */
export interface QueryAnswer extends Question {
  answer: unknown;
}

/** The read side of a log: every answer, in the catalog's order, and how many questions were left out. */
export interface ReadSide {
  answers: QueryAnswer[];
  /** Questions beyond `MAX_QUESTIONS_PER_QUERY` of one query, not asked. */
  leftOut: number;
}

/** Why a bound: a query of two ids over a long log (patients × months) would otherwise ask millions of questions. */
export const MAX_QUESTIONS_PER_QUERY = 2_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Pure: the string values of `fields` in the events' data, in first-seen order. */
function fieldValues(events: readonly DomainEvent[], fields: readonly string[]): string[] {
  const values = new Set<string>();
  for (const event of events) {
    const data = isRecord(event.data) ? event.data : {};
    for (const field of fields)
      if (Object.hasOwn(data, field) && typeof data[field] === 'string' && data[field] !== '')
        values.add(data[field]);
  }
  return [...values];
}

/** Pure: the values `events` name for one argument of a query, each acceptable to the argument's rule, sorted. */
export function argumentValues(
  domain: DomainModule,
  argument: QueryArgument,
  events: readonly DomainEvent[],
): string[] {
  let values: string[];
  if (argument.valuesIn) values = argument.valuesIn(events);
  else if (argument.idKind && Object.hasOwn(domain.ids, argument.idKind)) {
    const kind = domain.ids[argument.idKind];
    values = fieldValues(events, [...kind.fields, ...kind.introducedBy.map((by) => by.field)]);
  } else values = fieldValues(events, [argument.name]);
  return [...new Set(values)].filter((value) => (argument.problem?.(value) ?? null) === null).sort();
}

/** Pure: a question as a person reads it: `monthlyBookings(tom-baker, 2026-03)`. */
export const questionLabel = ({ query, args }: Question): string => `${query}(${args.join(', ')})`;

/** Pure: every question the events give each query of the domain (arguments combined), at most a bound per query. */
export function questionsOf(
  domain: DomainModule,
  events: readonly DomainEvent[],
): { questions: Question[]; leftOut: number } {
  const questions: Question[] = [];
  let leftOut = 0;
  for (const [query, definition] of Object.entries(domain.queries)) {
    let tuples: string[][] = [[]];
    for (const argument of definition.args) {
      const values = argumentValues(domain, argument, events);
      const next: string[][] = [];
      for (const tuple of tuples)
        for (const value of values) {
          if (next.length >= MAX_QUESTIONS_PER_QUERY) break;
          next.push([...tuple, value]);
        }
      leftOut += Math.max(0, tuples.length * values.length - next.length);
      tuples = next;
    }
    for (const args of tuples) questions.push({ query, args });
  }
  return { questions, leftOut };
}

/** Pure: the read models' answers to each question, at the clock `now` (a copy: the answers are plain data). */
export function answersOf(
  domain: DomainModule,
  questions: readonly Question[],
  read: (projectionName: string) => unknown,
  now: string,
): QueryAnswer[] {
  return questions.map(({ query, args }) => ({
    query,
    args,
    answer: structuredClone(domain.queries[query].run({ read, now }, ...args)),
  }));
}

/** Pure: the read side of `events` as the read models `read` hold it, at the clock `now`. */
export function readSideOf(
  domain: DomainModule,
  events: readonly DomainEvent[],
  read: (projectionName: string) => unknown,
  now: string,
): ReadSide {
  const { questions, leftOut } = questionsOf(domain, events);
  return { answers: answersOf(domain, questions, read, now), leftOut };
}

/** Pure: a value in one short line: texts unquoted, objects as `{key: value, …}`, cut at `max` characters. */
export function summaryOf(value: unknown, max = 160): string {
  const say = (item: unknown): string => {
    if (item === null) return 'null';
    if (typeof item === 'string') return item;
    if (typeof item !== 'object') return String(item);
    if (Array.isArray(item)) return `[${item.map(say).join(', ')}]`;
    return `{${Object.entries(item)
      .map(([key, each]) => `${key}: ${say(each)}`)
      .join(', ')}}`;
  };
  const text = say(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Pure: an answer in a few words: a count as is, a list by its length, no row as `none`. */
export function answerSummary(answer: unknown): string {
  if (answer === null || answer === undefined) return 'none';
  if (isRecord(answer)) return summaryOf(answer, 80);
  if (Array.isArray(answer))
    return answer.length === 0 ? 'none' : `${answer.length} row${answer.length === 1 ? '' : 's'}`;
  return summaryOf(answer);
}

/** How many changes one difference names before it says how many more there are. */
const NAMED_CHANGES = 4;

/**
 * Pure: the field that tells a list's rows apart, to compare lists row by row rather than place by place: an id
 * field every row holds, with a value of its own in each; the most specific (longest ids) when several do.
 */
function rowKeyOf(rows: readonly unknown[], idFields: ReadonlySet<string>): string | null {
  if (rows.length === 0 || !rows.every(isRecord)) return null;
  let best: { field: string; length: number } | null = null;
  for (const field of idFields) {
    const values = rows.map((row) => (row as Record<string, unknown>)[field]);
    if (!values.every((value) => typeof value === 'string') || new Set(values).size !== values.length)
      continue;
    const length = values.reduce((sum: number, value) => sum + (value as string).length, 0) / values.length;
    if (!best || length > best.length) best = { field, length };
  }
  return best?.field ?? null;
}

/** Pure: every change from `before` to `after`, at its path (`slots[…_09:00].status: booked → available`). */
function changesOf(before: unknown, after: unknown, idFields: ReadonlySet<string>, path: string): string[] {
  const at = (text: string) => (path ? `${path}: ${text}` : text);
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length === 0 || after.length === 0)
      return [at(`${answerSummary(before)} → ${answerSummary(after)}`)];
    const key = rowKeyOf(before, idFields);
    if (key && key === rowKeyOf(after, idFields)) {
      const byKey = (rows: unknown[]) =>
        new Map(rows.map((row) => [(row as Record<string, string>)[key], row]));
      const [left, right] = [byKey(before), byKey(after)];
      return [
        ...[...left.keys()].filter((k) => !right.has(k)).map((k) => at(`without ${k}`)),
        ...[...right.keys()].filter((k) => !left.has(k)).map((k) => at(`with ${k}`)),
        ...[...left.keys()]
          .filter((k) => right.has(k))
          .flatMap((k) => changesOf(left.get(k), right.get(k), idFields, `${path}[${k}]`)),
      ];
    }
    if (before.length !== after.length) return [at(`${answerSummary(before)} → ${answerSummary(after)}`)];
    return before.flatMap((item, index) => changesOf(item, after[index], idFields, `${path}[${index}]`));
  }
  if (isRecord(before) && isRecord(after))
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((field) =>
      changesOf(
        Object.hasOwn(before, field) ? before[field] : null,
        Object.hasOwn(after, field) ? after[field] : null,
        idFields,
        path ? `${path}.${field}` : field,
      ),
    );
  return [at(`${answerSummary(before)} → ${answerSummary(after)}`)];
}

/** Pure: a value with every event id it quotes replaced by what that event is (its stream and version). */
function keyed(value: unknown, keys: ReadonlyMap<string, string>): unknown {
  if (keys.size === 0) return value;
  if (typeof value === 'string') return keys.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => keyed(item, keys));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyed(v, keys)]));
  return value;
}

/**
 * Pure: how the read side `after` differs from `before`, one line per answer that differs: the question, then
 * what changed (`doctorDay(ana-silva_2026-03-02): slots[…_09:00].status: booked → available`). Both sides must
 * answer the same questions (see `questionsOf`); a question only one side asked reads as none on the other. With
 * `eventKeys`, an event id an answer quotes compares as the event it names (recorded again under another id).
 */
export function readSideChanges(
  domain: DomainModule,
  before: ReadSide,
  after: ReadSide,
  eventKeys: { before: ReadonlyMap<string, string>; after: ReadonlyMap<string, string> } = {
    before: new Map(),
    after: new Map(),
  },
): string[] {
  const idFields = new Set(Object.values(domain.ids).flatMap((kind) => kind.fields));
  const keyOf = (answer: Question) => questionLabel(answer);
  const afterByKey = new Map(after.answers.map((answer) => [keyOf(answer), answer.answer]));
  const beforeByKey = new Map(before.answers.map((answer) => [keyOf(answer), answer.answer]));
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])];
  const changes: string[] = [];
  for (const key of keys) {
    const left = beforeByKey.get(key) ?? null;
    const right = afterByKey.get(key) ?? null;
    const changed = changesOf(keyed(left, eventKeys.before), keyed(right, eventKeys.after), idFields, '');
    if (changed.length === 0) continue;
    const named = changed.slice(0, NAMED_CHANGES);
    if (changed.length > named.length) named.push(`${changed.length - named.length} more`);
    changes.push(`${key}: ${named.join(', ')}`);
  }
  return changes;
}
