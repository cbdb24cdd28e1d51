/**
 * The scenario file: one or more Given/When/Then scenarios of one domain, as JSON. Everything in it is checked
 * with the domain's own rules (its event schemas, its command validation, its queries and settings), and every
 * list is bounded, so a file or link from anyone reads as a scenario or is refused with the first problem named.
 * Version 1 files (scheduling only, a `monthlyLimit` per scenario) still read.
 */
import { z } from 'zod';
import { isInstant } from '../../../core/clock.ts';
import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { ExpectedRows, GivenItem, Message, ScenarioSpec } from '../../../core/domain/scenario.ts';
import { rowsProblem } from './scenarioRows.ts';

export type { ExpectedRows, GivenItem, Message, ScenarioSpec };

export const SCENARIO_FORMAT = 'eventscope.scenario';
/** 2: the file names its domain, and a scenario's `settings` replace version 1's `monthlyLimit`. */
export const SCENARIO_FORMAT_VERSION = 2;
/** The domain of a file that names none (every version 1 file). */
export const DEFAULT_SCENARIO_DOMAIN = 'scheduling';

/**
 * Why bounds: a scenario is read by people, carried in a URL and run in the page; a whole 100k-event log is none
 * of these. Every list of a file is bounded, and so is every text a person reads.
 */
export const SCENARIO_LIMITS = {
  scenariosPerFile: 200,
  givenSteps: 500,
  thenEvents: 200,
  thenRows: 20,
  args: 8,
  tags: 20,
  tagLength: 40,
  titleLength: 200,
  descriptionLength: 2_000,
  typeLength: 128,
} as const;
export const MAX_GIVEN_STEPS = SCENARIO_LIMITS.givenSteps;

/** The versioned file: one or more scenarios of one domain. */
export interface ScenarioFile {
  format: typeof SCENARIO_FORMAT;
  formatVersion: typeof SCENARIO_FORMAT_VERSION;
  domain: string;
  scenarios: ScenarioSpec[];
}

/** Finds a domain by the name a file gives (the built-in domains by default). */
export type DomainResolver = (name: string) => DomainModule | null;

export type ParsedScenarios =
  | { kind: 'ok'; domain: DomainModule; scenarios: ScenarioSpec[] }
  | { kind: 'invalid'; path: string; message: string };

/** Pure: the file holding `scenarios` of `domain`. */
export const toScenarioFile = (domain: DomainModule | string, scenarios: ScenarioSpec[]): ScenarioFile => ({
  format: SCENARIO_FORMAT,
  formatVersion: SCENARIO_FORMAT_VERSION,
  domain: typeof domain === 'string' ? domain : domain.name,
  scenarios,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One line a person typed: no control characters and no line or paragraph separators. */
const LINE = /^[^\p{Cc}\u2028\u2029]*$/u;
const lineOf = (max: number) =>
  z
    .string({ error: 'must be a text' })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(LINE, 'must not contain control characters or line breaks');
/** A scenario's id: a key in the library and a file name, so no spaces and nothing invisible. */
const idSchema = z
  .string({ error: 'must be a text' })
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[^\p{C}\p{Z}\s]+$/u, 'must not contain spaces, control or invisible characters');
/** A rule's code, e.g. `SlotAlreadyBooked`. */
const codeSchema = z
  .string({ error: 'must be a text' })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'must be a rule’s code: letters and digits, e.g. AlreadyDone');

const message = z.object({
  type: z.string({ error: 'must be a text' }).min(1, 'must not be empty').max(SCENARIO_LIMITS.typeLength),
  data: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
});

/** Cheap checks first: a list too long is refused before anything in it is checked against the domain. */
const atMost = (limit: number, what: string) => `must hold at most ${limit} ${what}`;
const LIMIT_TEXT = {
  tags: atMost(SCENARIO_LIMITS.tags, 'tags'),
  given: atMost(SCENARIO_LIMITS.givenSteps, 'steps'),
  thenEvents: atMost(SCENARIO_LIMITS.thenEvents, 'events'),
  thenRows: atMost(SCENARIO_LIMITS.thenRows, 'expected answers'),
  args: atMost(SCENARIO_LIMITS.args, 'arguments'),
  scenarios: atMost(SCENARIO_LIMITS.scenariosPerFile, 'scenarios'),
};
const limitsSchema = z.object({
  scenarios: z
    .array(
      z.object({
        tags: z.array(z.unknown()).max(SCENARIO_LIMITS.tags, LIMIT_TEXT.tags).optional(),
        given: z.array(z.unknown()).max(SCENARIO_LIMITS.givenSteps, LIMIT_TEXT.given).optional(),
        then: z
          .object({
            events: z.array(z.unknown()).max(SCENARIO_LIMITS.thenEvents, LIMIT_TEXT.thenEvents).optional(),
          })
          .optional(),
        thenRows: z.array(z.unknown()).max(SCENARIO_LIMITS.thenRows, LIMIT_TEXT.thenRows).optional(),
      }),
    )
    .min(1, 'must hold at least one scenario')
    .max(SCENARIO_LIMITS.scenariosPerFile, LIMIT_TEXT.scenarios),
});

const schemas = new WeakMap<DomainModule, z.ZodType<ScenarioSpec>>();

/** The schema of one scenario of `domain`: its messages, rows and settings checked by the domain's own rules. */
function scenarioSchemaOf(domain: DomainModule): z.ZodType<ScenarioSpec> {
  const cached = schemas.get(domain);
  if (cached) return cached;
  // Why only checked, not parsed: the file keeps each message as written, so it reads back the same.
  const eventMessage = message.superRefine((event, context) => {
    const [first] = domain.eventProblems(event);
    if (first) context.addIssue({ code: 'custom', path: first.path, message: first.problem });
  });
  const commandMessage = message.superRefine((command, context) => {
    const validated = domain.context.validate(command);
    if (validated.kind === 'valid') return;
    const { field, problem } = validated.error as { field?: unknown; problem?: unknown };
    const path = typeof field === 'string' && field !== 'command' ? field.split('.') : [];
    context.addIssue({ code: 'custom', path, message: String(problem ?? validated.error.message) });
  });
  const expectedRows = z
    .object({
      query: z.string({ error: 'must be a query name' }).max(SCENARIO_LIMITS.typeLength),
      args: z
        .array(z.string({ error: 'must be a text' }).max(256))
        .max(SCENARIO_LIMITS.args, LIMIT_TEXT.args),
      expected: z.unknown(),
    })
    .superRefine((rows, context) => {
      const problem = rowsProblem(domain, rows);
      if (problem) context.addIssue({ code: 'custom', path: problem.path, message: problem.problem });
    });
  const settings = z
    .record(z.string(), z.unknown(), { error: 'must be an object of settings' })
    .superRefine((values, context) => {
      for (const [key, value] of Object.entries(values)) {
        if (!Object.hasOwn(domain.settings, key)) {
          const known = Object.keys(domain.settings);
          context.addIssue({
            code: 'custom',
            path: [key],
            message: `is not a setting of ${domain.name} (${known.length ? `it has ${known.join(', ')}` : 'it has none'})`,
          });
          return;
        }
        const problem = domain.settings[key].problem?.(value) ?? null;
        if (problem) context.addIssue({ code: 'custom', path: [key], message: problem });
      }
    });
  const schema = z.object({
    id: idSchema,
    title: lineOf(SCENARIO_LIMITS.titleLength),
    tags: z.array(lineOf(SCENARIO_LIMITS.tagLength)).max(SCENARIO_LIMITS.tags, LIMIT_TEXT.tags),
    description: z
      .string({ error: 'must be a text' })
      .max(SCENARIO_LIMITS.descriptionLength)
      .regex(/^(?:[^\p{Cc}\u2028\u2029]|[\n\t])*$/u, 'must not contain control characters')
      .optional(),
    now: z.string({ error: 'must be a text' }).refine(isInstant, 'is not an instant YYYY-MM-DDTHH:MM'),
    settings: settings.optional(),
    given: z
      .array(
        z.discriminatedUnion(
          'kind',
          [
            z.object({ kind: z.literal('event'), event: eventMessage }),
            z.object({ kind: z.literal('command'), command: commandMessage }),
          ],
          { error: 'must be { kind: "event", event } or { kind: "command", command }' },
        ),
      )
      .max(SCENARIO_LIMITS.givenSteps, LIMIT_TEXT.given),
    when: commandMessage,
    then: z.union(
      [
        z.object({ events: z.array(eventMessage).max(SCENARIO_LIMITS.thenEvents, LIMIT_TEXT.thenEvents) }),
        z.object({ rejection: codeSchema }),
      ],
      { error: 'must be { events: [ … ] } or { rejection: "<code>" }' },
    ),
    thenRows: z.array(expectedRows).max(SCENARIO_LIMITS.thenRows, LIMIT_TEXT.thenRows).optional(),
  }) as unknown as z.ZodType<ScenarioSpec>;
  schemas.set(domain, schema);
  return schema;
}

const invalid = (path: readonly PropertyKey[], problem: string): ParsedScenarios => {
  const where = path.length > 0 ? path.map(String).join('.') : '(the file)';
  return { kind: 'invalid', path: where, message: `${where}: ${problem}` };
};

/**
 * Pure: a version 1 scenario as version 2 says it: its monthly limit becomes the `monthlyLimit` setting (checked
 * by the domain's rule for it), or the problem with it.
 */
function fromVersion1(
  domain: DomainModule,
  scenario: unknown,
  index: number,
): { kind: 'ok'; scenario: unknown } | { kind: 'invalid'; parsed: ParsedScenarios } {
  if (!isRecord(scenario) || !Object.hasOwn(scenario, 'monthlyLimit')) return { kind: 'ok', scenario };
  const { monthlyLimit, ...rest } = scenario;
  const setting = Object.hasOwn(domain.settings, 'monthlyLimit') ? domain.settings.monthlyLimit : null;
  const problem = setting ? (setting.problem?.(monthlyLimit) ?? null) : `is not a setting of ${domain.name}`;
  if (problem) return { kind: 'invalid', parsed: invalid(['scenarios', index, 'monthlyLimit'], problem) };
  return {
    kind: 'ok',
    scenario: { ...rest, settings: { ...(isRecord(rest.settings) ? rest.settings : {}), monthlyLimit } },
  };
}

/** Pure: the first two scenarios sharing an id, as a problem at the second one's id. */
function duplicateId(scenarios: readonly ScenarioSpec[]): ParsedScenarios | null {
  const first = new Map<string, number>();
  for (const [index, scenario] of scenarios.entries()) {
    const earlier = first.get(scenario.id);
    if (earlier !== undefined)
      return invalid(
        ['scenarios', index, 'id'],
        `${JSON.stringify(scenario.id)} is also the id of scenario ${earlier + 1}: ids in a file must be unique`,
      );
    first.set(scenario.id, index);
  }
  return null;
}

/** Pure: scenarios of `domain` checked as a file checks them (plain copies), or the first problem and where. */
export function checkScenarios(domain: DomainModule, scenarios: readonly unknown[]): ParsedScenarios {
  const limits = limitsSchema.safeParse({ scenarios });
  if (!limits.success) return invalid(limits.error.issues[0].path, limits.error.issues[0].message);
  const parsed = z.array(scenarioSchemaOf(domain)).safeParse(scenarios);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(['scenarios', ...issue.path], issue.message);
  }
  return duplicateId(parsed.data) ?? { kind: 'ok', domain, scenarios: parsed.data };
}

/**
 * Pure: every scenario of a file, with the domain it names, or the first problem and where it is; never some of
 * them. A file naming no domain is the doctor practice's; a version 1 file's monthly limits become settings.
 */
export function parseScenarioFile(json: unknown, resolve: DomainResolver): ParsedScenarios {
  if (!isRecord(json)) return invalid([], 'must be a scenario file { format, formatVersion, scenarios }');
  if (json.format !== SCENARIO_FORMAT)
    return invalid(
      ['format'],
      `must be ${JSON.stringify(SCENARIO_FORMAT)} (got ${JSON.stringify(json.format) ?? 'nothing'})`,
    );
  if (json.formatVersion !== 1 && json.formatVersion !== SCENARIO_FORMAT_VERSION)
    return invalid(
      ['formatVersion'],
      `must be 1 or ${SCENARIO_FORMAT_VERSION} (got ${JSON.stringify(json.formatVersion) ?? 'nothing'}): a newer Eventscope wrote this file`,
    );
  const name = json.domain ?? DEFAULT_SCENARIO_DOMAIN;
  if (typeof name !== 'string') return invalid(['domain'], 'must be the name of a domain, e.g. "scheduling"');
  const domain = resolve(name);
  if (!domain) return invalid(['domain'], `names ${JSON.stringify(name)}, a domain this app does not have`);
  if (!Array.isArray(json.scenarios)) return invalid(['scenarios'], 'must be a list of scenarios');
  let scenarios: unknown[] = json.scenarios;
  if (json.formatVersion === 1) {
    const limits = limitsSchema.safeParse({ scenarios });
    if (!limits.success) return invalid(limits.error.issues[0].path, limits.error.issues[0].message);
    const upgraded: unknown[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const read = fromVersion1(domain, scenario, index);
      if (read.kind === 'invalid') return read.parsed;
      upgraded.push(read.scenario);
    }
    scenarios = upgraded;
  }
  return checkScenarios(domain, scenarios);
}

/** Pure: `parseScenarioFile` from text, saying so when the text is not JSON. */
export function parseScenarioText(text: string, resolve: DomainResolver): ParsedScenarios {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid([], 'is not a JSON document');
  }
  return parseScenarioFile(json, resolve);
}
