/**
 * The read-model answers a scenario may expect: a query of the domain's catalog, its arguments checked by the
 * query's own rules, and an answer of the kind the query gives.
 */
import type { QueryAnswerKind, QueryArgument, QueryDefinition } from '../../../core/boundedContext.ts';
import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { ExpectedRows } from '../../../core/domain/scenario.ts';

export type { QueryAnswerKind };

/** Pure: the query of that name in the domain's catalog, or null (names like `toString` are not queries). */
export const queryNamed = (domain: DomainModule, name: string): QueryDefinition | null =>
  Object.hasOwn(domain.queries, name) ? domain.queries[name] : null;

/** Pure: what is wrong with one argument of a query, or null. */
export function argumentProblem(argument: QueryArgument, value: string): string | null {
  if (value.trim() === '') return 'is required';
  return argument.problem?.(value) ?? null;
}

/** What an expected answer of each kind must look like, in words. */
export const answerProblems: Record<QueryAnswerKind, string> = {
  count: 'must be a whole number, 0 or more',
  list: 'must be a list of rows [ … ] (an empty list for none)',
  oneOrNull: 'must be one row { … }, or null for none',
  value: 'must be a JSON value',
};

/** Pure: does `expected` have the kind of answer the query gives? (Its rows are compared when the scenario runs.) */
export function answerFits(kind: QueryAnswerKind, expected: unknown): boolean {
  if (kind === 'count') return typeof expected === 'number' && Number.isInteger(expected) && expected >= 0;
  if (kind === 'list') return Array.isArray(expected);
  if (kind === 'oneOrNull')
    return expected === null || (typeof expected === 'object' && !Array.isArray(expected));
  return expected !== undefined;
}

/** Pure: the first problem of an expected read-model answer, with its path (`query`, `args.1`, `expected`), or null. */
export function rowsProblem(
  domain: DomainModule,
  rows: Pick<ExpectedRows, 'query' | 'args' | 'expected'>,
): { path: (string | number)[]; problem: string } | null {
  const query = queryNamed(domain, rows.query);
  if (!query) {
    const known = Object.keys(domain.queries);
    return {
      path: ['query'],
      problem: known.length
        ? `must be a query of ${domain.name}: one of ${known.join(', ')} (got ${JSON.stringify(rows.query)})`
        : `names a query, but ${domain.name} has none`,
    };
  }
  const { args } = query;
  if (rows.args.length !== args.length)
    return {
      path: ['args'],
      problem:
        args.length === 0
          ? 'must be empty: the query takes no argument'
          : `must hold ${args.length === 1 ? 'one argument' : `${args.length} arguments`}: ${args.map((a) => a.name).join(', ')}`,
    };
  for (const [index, argument] of args.entries()) {
    const problem = argumentProblem(argument, rows.args[index]);
    if (problem) return { path: ['args', index], problem };
  }
  return answerFits(query.answer, rows.expected)
    ? null
    : { path: ['expected'], problem: answerProblems[query.answer] };
}
