/**
 * Writing TypeScript sources from data (exported tests). Untrusted text (a type, an actor, a code, a title from a
 * link or an imported log) only ever goes into a string literal made here, never into a comment or code:
 * JSON.stringify escapes quotes, backslashes and line breaks, and the two separators it leaves as they are
 * (U+2028, U+2029, line terminators to older parsers) are escaped too.
 */

const escapeSeparators = (text: string) => text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Pure: a value as a TypeScript literal on one line. */
export const inlineLiteral = (value: unknown): string =>
  escapeSeparators(JSON.stringify(value) ?? 'undefined');

/** Pure: a value as a TypeScript literal over several lines, each after the first indented by `indent`. */
export const literal = (value: unknown, indent = ''): string =>
  escapeSeparators(JSON.stringify(value, null, 2) ?? 'undefined').replace(/\n/g, `\n${indent}`);
