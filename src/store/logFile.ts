import { z } from 'zod';
import type { NewEvent, RecordedEvent } from '../core/event.ts';
import type { CommandRecord, EventLogFile } from './eventStore.ts';

/** Limits an imported log must respect; anything larger is rejected before a byte is written. */
export const LOG_LIMITS = {
  maxFileChars: 512 * 1024 * 1024,
  maxEvents: 1_000_000,
  maxCommands: 1_000_000,
  maxIdLength: 256,
  maxStringLength: 100_000,
  maxDataDepth: 32,
  maxKeysPerObject: 1_000,
  maxArrayLength: 10_000,
} as const;

export const LOG_FORMAT = 'eventscope.event-log';
export const LOG_FORMAT_VERSION = 1;

export interface InvalidImport {
  code: 'InvalidImport';
  message: string;
  path?: string;
}

/** Pure: the stored event shape; every store builds it in this field order, so exports compare byte for byte. */
export function recorded(
  event: NewEvent,
  position: number,
  streamId: string,
  version: number,
): RecordedEvent {
  return {
    id: event.id,
    position,
    streamId,
    version,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
}

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// No control, format (bidi overrides, zero-width) or unassigned characters, no leading space.
const identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(LOG_LIMITS.maxIdLength, `must be at most ${LOG_LIMITS.maxIdLength} characters`)
  .regex(/^[^\p{C}\s][^\p{C}]*$/u, 'must not contain control or invisible characters');

const instant = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/,
    'must be an instant like 2026-11-23T09:30',
  );

const counter = z.number().int('must be an integer').min(1, 'must be at least 1');

const metadata = z.strictObject({
  commandId: identifier,
  correlationId: identifier,
  causationId: identifier,
  occurredAt: instant,
  actor: identifier.optional(),
});

const event = z.strictObject({
  id: identifier,
  position: counter,
  streamId: identifier,
  version: counter,
  type: identifier,
  data: z.unknown().superRefine((value, ctx) => {
    const problem = jsonProblem(value, 0);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  }),
  metadata,
});

const expectedVersion = z.union([z.number().int().min(0), z.literal('no-stream'), z.literal('any')]);

const command = z.strictObject({
  seq: counter,
  commandId: identifier,
  type: identifier,
  data: z.unknown().superRefine((value, ctx) => {
    const problem = jsonProblem(value, 0);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  }),
  correlationId: identifier,
  causationId: identifier,
  actor: identifier.optional(),
  issuedAt: instant,
  outcome: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('accepted'),
      eventIds: z.array(identifier).max(LOG_LIMITS.maxArrayLength),
      firstPosition: counter.nullable(),
      lastPosition: counter.nullable(),
    }),
    z.strictObject({
      kind: z.literal('rejected'),
      code: identifier,
      message: z.string().max(LOG_LIMITS.maxStringLength),
    }),
  ]),
  attempts: z
    .array(z.strictObject({ streamId: identifier, expectedVersion, actualVersion: z.number().int().min(0) }))
    .max(LOG_LIMITS.maxArrayLength),
  headPosition: z.number().int().min(0),
});

const header = z.strictObject({
  format: z.literal(LOG_FORMAT, { error: `must be "${LOG_FORMAT}"` }),
  formatVersion: z.literal(LOG_FORMAT_VERSION, {
    error: (issue) =>
      `unsupported version ${String(issue.input)}: this build reads version ${LOG_FORMAT_VERSION}`,
  }),
  exportedAt: instant,
  events: z.array(z.unknown()),
  commands: z.array(z.unknown()),
});

function jsonProblem(value: unknown, depth: number): { message: string; path: (string | number)[] } | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? null : { message: 'must be a finite number', path: [] };
  if (typeof value === 'string') {
    return value.length > LOG_LIMITS.maxStringLength
      ? { message: `string longer than ${LOG_LIMITS.maxStringLength} characters`, path: [] }
      : null;
  }
  if (depth >= LOG_LIMITS.maxDataDepth)
    return { message: `nested deeper than ${LOG_LIMITS.maxDataDepth}`, path: [] };
  if (Array.isArray(value)) {
    if (value.length > LOG_LIMITS.maxArrayLength) {
      return { message: `array longer than ${LOG_LIMITS.maxArrayLength}`, path: [] };
    }
    for (let i = 0; i < value.length; i++) {
      const inner = jsonProblem(value[i], depth + 1);
      if (inner) return { message: inner.message, path: [i, ...inner.path] };
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return { message: 'must be plain JSON data', path: [] };
    const keys = Object.keys(value);
    if (keys.length > LOG_LIMITS.maxKeysPerObject) {
      return { message: `more than ${LOG_LIMITS.maxKeysPerObject} keys`, path: [] };
    }
    for (const key of keys) {
      if (HOSTILE_KEYS.has(key)) return { message: `forbidden key "${key}"`, path: [key] };
      if (key.length > LOG_LIMITS.maxIdLength) {
        return { message: `key longer than ${LOG_LIMITS.maxIdLength} characters`, path: [] };
      }
      const inner = jsonProblem((value as Record<string, unknown>)[key], depth + 1);
      if (inner) return { message: inner.message, path: [key, ...inner.path] };
    }
    return null;
  }
  return { message: `must be JSON data, not ${typeof value}`, path: [] };
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function invalid(path: readonly PropertyKey[], message: string): { kind: 'invalid'; error: InvalidImport } {
  const where = pathText(path);
  return {
    kind: 'invalid',
    error: { code: 'InvalidImport', message: where ? `${where}: ${message}` : message, path: where },
  };
}

function firstIssue(error: z.ZodError, prefix: PropertyKey[]): { kind: 'invalid'; error: InvalidImport } {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys')
    return invalid([...prefix, ...issue.path, issue.keys[0]], 'unknown key');
  return invalid([...prefix, ...issue.path], issue.message);
}

/**
 * Pure: checks an exported log completely (shape, limits, hostile keys, gapless positions, contiguous
 * stream versions, unique event ids, gapless command seqs) and returns the first problem, or the file.
 */
export function validateLogFile(
  input: unknown,
): { kind: 'valid'; file: EventLogFile } | { kind: 'invalid'; error: InvalidImport } {
  let raw = input;
  if (typeof raw === 'string') {
    if (raw.length > LOG_LIMITS.maxFileChars)
      return invalid([], `file larger than ${LOG_LIMITS.maxFileChars} characters`);
    try {
      raw = JSON.parse(raw);
    } catch {
      return invalid([], 'not valid JSON');
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return invalid([], 'expected an event log object');
  for (const key of Object.keys(raw)) {
    if (HOSTILE_KEYS.has(key)) return invalid([key], 'forbidden key');
  }
  const candidate = raw as Record<string, unknown>;
  // Counts first, so a huge file is refused before any per-event work.
  if (Array.isArray(candidate.events) && candidate.events.length > LOG_LIMITS.maxEvents) {
    return invalid(['events'], `more than ${LOG_LIMITS.maxEvents} events`);
  }
  if (Array.isArray(candidate.commands) && candidate.commands.length > LOG_LIMITS.maxCommands) {
    return invalid(['commands'], `more than ${LOG_LIMITS.maxCommands} commands`);
  }
  const head = header.safeParse(raw);
  if (!head.success) return firstIssue(head.error, []);

  const events: RecordedEvent[] = [];
  const versions = new Map<string, number>();
  const ids = new Map<string, number>();
  for (let i = 0; i < head.data.events.length; i++) {
    const parsed = event.safeParse(head.data.events[i]);
    if (!parsed.success) return firstIssue(parsed.error, ['events', i]);
    const e = parsed.data;
    if (e.position !== i + 1) {
      return invalid(
        ['events', i, 'position'],
        `expected ${i + 1} (positions are gapless from 1), found ${e.position}`,
      );
    }
    const expected = (versions.get(e.streamId) ?? 0) + 1;
    if (e.version !== expected) {
      return invalid(
        ['events', i, 'version'],
        `stream "${e.streamId}" expects version ${expected}, found ${e.version}`,
      );
    }
    versions.set(e.streamId, e.version);
    const seen = ids.get(e.id);
    if (seen !== undefined)
      return invalid(['events', i, 'id'], `duplicate event id "${e.id}" (also events[${seen}])`);
    ids.set(e.id, i);
    events.push(e as RecordedEvent);
  }

  const commands: CommandRecord[] = [];
  for (let i = 0; i < head.data.commands.length; i++) {
    const parsed = command.safeParse(head.data.commands[i]);
    if (!parsed.success) return firstIssue(parsed.error, ['commands', i]);
    const c = parsed.data;
    if (c.seq !== i + 1)
      return invalid(['commands', i, 'seq'], `expected ${i + 1} (seqs are gapless from 1), found ${c.seq}`);
    if (c.headPosition > events.length) {
      return invalid(
        ['commands', i, 'headPosition'],
        `${c.headPosition} is beyond the last event (${events.length})`,
      );
    }
    if (c.outcome.kind === 'accepted') {
      for (const key of ['firstPosition', 'lastPosition'] as const) {
        const position = c.outcome[key];
        if (position !== null && position > events.length) {
          return invalid(
            ['commands', i, 'outcome', key],
            `${position} is beyond the last event (${events.length})`,
          );
        }
      }
    }
    commands.push(c as CommandRecord);
  }

  return {
    kind: 'valid',
    file: {
      format: LOG_FORMAT,
      formatVersion: LOG_FORMAT_VERSION,
      exportedAt: head.data.exportedAt,
      events,
      commands,
    },
  };
}

/** Pure: the first problem with a batch about to be appended (not deep: ids, types, metadata present), or null. */
export function appendProblem(streamId: unknown, events: unknown): string | null {
  if (typeof streamId !== 'string' || streamId.length === 0) return 'streamId must be a non-empty string';
  if (streamId.length > LOG_LIMITS.maxIdLength)
    return `streamId longer than ${LOG_LIMITS.maxIdLength} characters`;
  if (!Array.isArray(events)) return 'events must be an array';
  const ids = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Partial<RecordedEvent> | null;
    if (typeof e !== 'object' || e === null) return `events[${i}] must be an object`;
    if (typeof e.id !== 'string' || e.id.length === 0) return `events[${i}].id must be a non-empty string`;
    if (typeof e.type !== 'string' || e.type.length === 0)
      return `events[${i}].type must be a non-empty string`;
    if (typeof e.metadata !== 'object' || e.metadata === null)
      return `events[${i}].metadata must be an object`;
    if (ids.has(e.id)) return `events[${i}].id: duplicate event id "${e.id}" in the batch`;
    ids.add(e.id);
  }
  return null;
}
