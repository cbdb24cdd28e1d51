/**
 * The rules lab's sandbox protocol, in one place: what the page asks the sandbox worker (jobs), what the worker
 * answers, and the messages between page, sandbox frame and worker. The page checks every message it receives
 * against these schemas (shape and sizes) before believing it; anything else is dropped.
 */
import { z } from 'zod';

/** Bounds on what the sandbox may send back (a hostile module could try to flood the page). */
export const PROTOCOL_LIMITS = {
  maxText: 10_000,
  maxDiagnostics: 200,
  maxNames: 500,
} as const;

const text = z.string().max(PROTOCOL_LIMITS.maxText);
const names = z.array(text).max(PROTOCOL_LIMITS.maxNames);
const count = z.number().int().nonnegative();

/** Where a diagnostic is: offsets into the source text, and the 1-based line and column of `from`. */
export const sourceSpanSchema = z.object({
  from: count,
  to: count,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});
export type SourceSpan = z.infer<typeof sourceSpanSchema>;

/** What a diagnostic is about: the parse, an import, the types, the domain's definition, or a run. */
export const DIAGNOSTIC_SOURCES = ['syntax', 'imports', 'types', 'domain', 'runtime'] as const;

export const rulesDiagnosticSchema = sourceSpanSchema.extend({
  severity: z.enum(['error', 'warning']),
  source: z.enum(DIAGNOSTIC_SOURCES),
  message: text,
});
/** One problem found in a rules file, at its place. */
export type RulesDiagnostic = z.infer<typeof rulesDiagnosticSchema>;
const diagnostics = z.array(rulesDiagnosticSchema).max(PROTOCOL_LIMITS.maxDiagnostics);

const messageSummary = z.object({ type: text, description: text });
export const domainSummarySchema = z.object({
  name: text,
  title: text,
  summary: text,
  commands: z.array(messageSummary).max(PROTOCOL_LIMITS.maxNames),
  events: z.array(messageSummary).max(PROTOCOL_LIMITS.maxNames),
  projections: names,
  sagas: names,
  queries: names,
  invariants: names,
  scenarios: count,
  walkthroughs: count,
  hasRace: z.boolean(),
});
/** What a module's domain is made of, as the page shows it (the module itself stays in the sandbox). */
export type DomainSummary = z.infer<typeof domainSummarySchema>;

const timings = z.object({ compileMs: z.number().nonnegative(), evaluateMs: z.number().nonnegative() });

export const buildResultSchema = z.discriminatedUnion('kind', [
  /** The source does not parse, or imports what the sandbox does not have: nothing was run. */
  z.object({ kind: z.literal('compileErrors'), diagnostics, timings }),
  /** The module defines a domain; it is now the sandbox's current module. */
  z.object({ kind: z.literal('domain'), domain: domainSummarySchema, diagnostics, timings }),
  /** `defineDomain` refused the definition: each problem, at its place when it could be found. */
  z.object({ kind: z.literal('definitionErrors'), domain: text, diagnostics, timings }),
  /** Running the module threw (a bug, or a `throw` of its own). */
  z.object({ kind: z.literal('thrown'), message: text, diagnostics, timings }),
  /** The module ran but exports no domain. */
  z.object({ kind: z.literal('noDomain'), message: text, diagnostics, timings }),
]);
/** What building (compile, then run) a rules module gave. Only `domain` replaces the sandbox's current module. */
export type BuildResult = z.infer<typeof buildResultSchema>;

export const typeCheckResultSchema = z.object({ diagnostics, checkMs: z.number().nonnegative() });
/** The type errors of a rules module against the public entry's types. */
export type TypeCheckResult = z.infer<typeof typeCheckResultSchema>;

export const describeResultSchema = z.object({ domain: domainSummarySchema.nullable() });
/** The sandbox's current module (the last one that defined a domain), if any. */
export type DescribeResult = z.infer<typeof describeResultSchema>;

/**
 * Every job the sandbox runs: its request and its result. Add a job here, in `JOB_RESULT_SCHEMAS` and in the
 * worker's `handlers`; the host, the watchdog and the message checks follow.
 */
export interface SandboxJobs {
  /** Compile (syntax, imports), then run the module; a module defining a domain becomes the current module. */
  build: { request: { source: string }; result: BuildResult };
  /** Type-check the source against the public entry (no code runs). */
  typecheck: { request: { source: string }; result: TypeCheckResult };
  /** What the current module defines. */
  describe: { request: Record<never, never>; result: DescribeResult };
}
export type JobKind = keyof SandboxJobs;
export type JobRequest<K extends JobKind = JobKind> = {
  [P in K]: { kind: P } & SandboxJobs[P]['request'];
}[K];
export type JobResult<K extends JobKind> = SandboxJobs[K]['result'];

export const JOB_RESULT_SCHEMAS: { [K in JobKind]: z.ZodType<JobResult<K>> } = {
  build: buildResultSchema,
  typecheck: typeCheckResultSchema,
  describe: describeResultSchema,
};

/** How a sandbox job ended: its result, stopped by the watchdog, or the sandbox failed (each with a sentence). */
export type JobEnd<R> =
  { kind: 'done'; result: R } | { kind: 'stopped'; message: string } | { kind: 'crashed'; message: string };

/** Jobs that run the user's code (its module, its deciders…): they get the short time budget. */
export const RUNS_USER_CODE: Readonly<Record<JobKind, boolean>> = {
  build: true,
  typecheck: false,
  describe: false,
};

/**
 * Jobs that run against the current module: a new sandbox (after one was stopped) first gets the last module that
 * defined a domain again, so the last good version keeps running.
 */
export const NEEDS_MODULE: Readonly<Record<JobKind, boolean>> = {
  build: false,
  typecheck: false,
  describe: true,
};

/**
 * The sandbox's two workers, started from the same script: `main` builds and runs modules, `types` type-checks,
 * so a slow type check never holds up a build.
 */
export const LANES = ['main', 'types'] as const;
export type Lane = (typeof LANES)[number];

/** Which worker runs each job. */
export const JOB_LANE: Readonly<Record<JobKind, Lane>> = {
  build: 'main',
  typecheck: 'types',
  describe: 'main',
};

/** Page → frame: start the workers from this script. */
export interface BootMessage {
  type: 'boot';
  script: string;
}
/** Page → frame → a worker: run one job. */
export interface JobMessage {
  type: 'job';
  lane: Lane;
  id: number;
  job: JobRequest;
}

const jobId = z.number().int().nonnegative();
/** Worker (or frame) → page. */
export const sandboxMessageSchema = z.discriminatedUnion('type', [
  /** The worker is up and listening; how long its script took to load. */
  z.object({ type: z.literal('ready'), bootMs: z.number().nonnegative() }),
  /** The job now runs the user's code (its short time budget starts). */
  z.object({ type: z.literal('running'), id: jobId }),
  z.object({ type: z.literal('done'), id: jobId, result: z.unknown() }),
  /** The job failed in the lab's own code (not the user's): a bug of the lab. */
  z.object({ type: z.literal('failed'), id: jobId, message: text }),
  /** The worker died or could not start (from the frame). */
  z.object({ type: z.literal('crashed'), message: text }),
]);
export type SandboxMessage = z.infer<typeof sandboxMessageSchema>;

/** What the frame posts to the page: a message, and the worker it is from (or about). */
export const framedMessageSchema = z.object({ lane: z.enum(LANES), message: sandboxMessageSchema });
export type FramedMessage = z.infer<typeof framedMessageSchema>;

/** Pure: a message from the sandbox frame when it has the protocol's shape and sizes, else null. */
export function readSandboxMessage(data: unknown): FramedMessage | null {
  const parsed = framedMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Pure: a job's result when it has the shape and sizes of that job's results, else null. */
export function readJobResult<K extends JobKind>(kind: K, data: unknown): JobResult<K> | null {
  const parsed = JOB_RESULT_SCHEMAS[kind].safeParse(data);
  return parsed.success ? parsed.data : null;
}
