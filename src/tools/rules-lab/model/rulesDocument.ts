/**
 * A rules document: the TypeScript source of a domain's rules as a learner edits it, the domain it defines, and
 * the exercise it started from. Its versioned file format (`eventscope.rules`), and how a plain `.ts` file someone
 * brings is read as one.
 */
import { z } from 'zod';

export const RULES_FORMAT = 'eventscope.rules';
export const RULES_FORMAT_VERSION = 1;

/** Why bounds: a rules file is one module a person reads, carried in a file or a link. */
export const RULES_LIMITS = {
  maxSourceLength: 100_000,
  maxNameLength: 64,
} as const;

/** The rules a learner edits: which domain, from which exercise (none when brought from elsewhere), and the source. */
export interface RulesDocument {
  /** The domain's lower-case id, as its source names it (`todo`), or `custom` when it names none. */
  domain: string;
  /** The exercise it started from (`todo`), or null for rules someone brought. */
  exercise: string | null;
  source: string;
}

/** The versioned file: one rules document. */
export interface RulesFile extends RulesDocument {
  format: typeof RULES_FORMAT;
  formatVersion: typeof RULES_FORMAT_VERSION;
}

export type ParsedRules = { kind: 'ok'; document: RulesDocument } | { kind: 'invalid'; message: string };

const NAME = /^[a-z][a-z0-9-]*$/;
const name = z
  .string({ error: 'must be a text' })
  .max(RULES_LIMITS.maxNameLength, `must be at most ${RULES_LIMITS.maxNameLength} characters`)
  .regex(NAME, 'must be a lower-case id like "todo"');

const fileSchema = z.object({
  format: z.literal(RULES_FORMAT, { error: `must be "${RULES_FORMAT}"` }),
  formatVersion: z.literal(RULES_FORMAT_VERSION, {
    error: `must be ${RULES_FORMAT_VERSION} (this version of Eventscope reads no other)`,
  }),
  domain: name,
  exercise: name.nullable(),
  source: z
    .string({ error: 'must be a text' })
    .max(RULES_LIMITS.maxSourceLength, `must be at most ${RULES_LIMITS.maxSourceLength} characters`),
});

/** Pure: the file for a document. */
export const toRulesFile = (document: RulesDocument): RulesFile => ({
  format: RULES_FORMAT,
  formatVersion: RULES_FORMAT_VERSION,
  domain: document.domain,
  exercise: document.exercise,
  source: document.source,
});

/** Pure: a document from a rules file's JSON; when it is not one, a sentence naming the first bad part. */
export function parseRulesFile(json: unknown): ParsedRules {
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) {
    const { domain, exercise, source } = parsed.data;
    return { kind: 'ok', document: { domain, exercise, source } };
  }
  const issue = parsed.error.issues[0];
  const path = issue.path.length > 0 ? issue.path.join('.') : '(the file)';
  return { kind: 'invalid', message: `${path} ${issue.message}` };
}

/** Pure: the domain a source defines, from its `name: '…'` (the first lower-case id given as a name), else `custom`. */
export function domainNamed(source: string): string {
  const match = /\bname\s*:\s*(['"])([a-z][a-z0-9-]{0,31})\1/.exec(source);
  return match ? match[2] : 'custom';
}

/** Pure: a document for TypeScript source someone brought (pasted, or opened as a `.ts` file). */
export function rulesFromSource(source: string): ParsedRules {
  if (source.length > RULES_LIMITS.maxSourceLength)
    return {
      kind: 'invalid',
      message: `The rules are ${source.length} characters long; at most ${RULES_LIMITS.maxSourceLength} fit in the Rules lab.`,
    };
  return { kind: 'ok', document: { domain: domainNamed(source), exercise: null, source } };
}

/**
 * Pure: an opened file as rules: a rules file (JSON, `eventscope.rules`) or TypeScript source (`.ts`, or any text
 * that is not a JSON object). A JSON object that is not a valid rules file is refused, with what is wrong.
 */
export function readRulesText(text: string, fileName = ''): ParsedRules {
  if (/\.(ts|mts|js|mjs)$/i.test(fileName)) return rulesFromSource(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return rulesFromSource(text);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return rulesFromSource(text);
  const parsed = parseRulesFile(json);
  return parsed.kind === 'ok'
    ? parsed
    : { kind: 'invalid', message: `This is not a rules file Eventscope can open: ${parsed.message}.` };
}

/** Pure: the file name a document downloads as, e.g. `todo.rules.json`. */
export const rulesFileName = (document: RulesDocument): string => `${document.domain}.rules.json`;
