// Runs a compiled rules module and finds the domain it defines. Runs in the sandbox worker (and in Node for
// tests): how the JavaScript is loaded is given (`ScriptLoader`), so the worker loads it as a Blob script and a
// test with `new Function`. Everything read from the module is the user's code and may throw: each read is guarded.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import * as eventscope from '../../../index.ts';
import type { DomainModule } from '../../../core/domain/index.ts';
import { PROTOCOL_LIMITS, type DomainSummary } from '../protocol.ts';
import type { CompiledModule } from './compile.ts';

/** A CommonJS module's body, as a function. */
export type ModuleFactory = (
  require: (specifier: string) => unknown,
  module: { exports: Record<string, unknown> },
  exports: Record<string, unknown>,
) => void;

/** A position in the compiled JavaScript: 1-based line, 0-based column (as source maps count). */
export interface ScriptPosition {
  line: number;
  column: number;
}

/** Turns compiled JavaScript into a module factory, and finds where in it a stack trace's first frame of it is. */
export interface ScriptLoader {
  load(js: string): { factory: ModuleFactory; positionIn(stack: string): ScriptPosition | null };
}

/** A position in the rules source: 1-based line and column. */
export interface SourcePosition {
  line: number;
  column: number;
}

export type Evaluation =
  | { kind: 'domain'; module: DomainModule; summary: DomainSummary }
  | { kind: 'definitionErrors'; domain: string; problems: string[] }
  | { kind: 'thrown'; message: string; at: SourcePosition | null }
  | { kind: 'noDomain'; message: string };

const withEsModule = (namespace: object) => Object.freeze({ __esModule: true, ...namespace });

/** What `require` gives a rules module: the public entry and the libraries it re-exports, nothing else. */
const LIBRARIES: Readonly<Record<string, unknown>> = Object.freeze({
  eventscope: withEsModule(eventscope),
  zod: withEsModule({ ...eventscope.z, z: eventscope.z, default: eventscope.z }),
  'fast-check': withEsModule({ ...eventscope.fc, fc: eventscope.fc, default: eventscope.fc }),
});

function requireLibrary(specifier: string): unknown {
  if (typeof specifier === 'string' && Object.hasOwn(LIBRARIES, specifier)) return LIBRARIES[specifier];
  throw new Error(`Cannot import “${String(specifier)}” here: only ${Object.keys(LIBRARIES).join(', ')}.`);
}

/** Pure: `text` cut to the protocol's bound. */
export const clip = (text: string, max: number = PROTOCOL_LIMITS.maxText): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** What a thrown value says, without trusting it (its `toString` may throw too). */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return clip(`${thrown.name}: ${thrown.message}`);
    if (typeof thrown === 'object' && thrown !== null) {
      const { code, message } = thrown as { code?: unknown; message?: unknown };
      if (typeof message === 'string')
        return clip(typeof code === 'string' ? `${code}: ${message}` : message);
    }
    return clip(`Threw ${typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown)}`);
  } catch {
    return 'Threw a value that cannot be shown.';
  }
}

const names = (values: Iterable<string>) =>
  [...values].slice(0, PROTOCOL_LIMITS.maxNames).map((name) => clip(name));
const messages = (definitions: DomainModule['commands']) =>
  Object.entries(definitions)
    .slice(0, PROTOCOL_LIMITS.maxNames)
    .map(([type, definition]) => ({
      type: clip(type),
      description: clip(String(definition.description ?? '')),
    }));

/** What a domain module is made of, as plain bounded data (throws when the module cannot be read). */
export function summarize(module: DomainModule): DomainSummary {
  return {
    name: clip(String(module.name)),
    title: clip(String(module.title)),
    summary: clip(String(module.summary)),
    commands: messages(module.commands),
    events: messages(module.events),
    projections: names(module.context.projections.map((p) => String(p.name))),
    sagas: names(module.context.sagas.map((s) => String(s.name))),
    queries: names(Object.keys(module.queries)),
    invariants: names(module.invariants.map((i) => String(i.name))),
    scenarios: module.scenarios.length,
    walkthroughs: module.walkthroughs.length,
    hasRace: module.race !== undefined,
  };
}

/** Pure: the rules source's position of a position in the compiled JavaScript, through its source map. */
export function sourcePosition(compiled: CompiledModule, at: ScriptPosition): SourcePosition | null {
  try {
    const original = originalPositionFor(new TraceMap(compiled.sourceMap), at);
    return original.line === null ? null : { line: original.line, column: original.column + 1 };
  } catch {
    return null;
  }
}

async function domainOf(exports: Record<string, unknown>): Promise<Evaluation> {
  let main: unknown = exports.default;
  if (typeof main === 'object' && main !== null && typeof (main as PromiseLike<unknown>).then === 'function')
    main = await main;
  if (eventscope.isDomainModule(main)) return { kind: 'domain', module: main, summary: summarize(main) };
  const named = Object.entries(exports).filter(([, value]) => eventscope.isDomainModule(value));
  if (named.length === 1) {
    const module = named[0][1] as DomainModule;
    return { kind: 'domain', module, summary: summarize(module) };
  }
  return {
    kind: 'noDomain',
    message:
      named.length > 1
        ? `Your module exports ${named.length} domains (${names(named.map(([name]) => name)).join(', ')}): make the one to use its default export.`
        : 'Your module exports no domain: end it with `export default defineDomain({ … })`.',
  };
}

/**
 * Runs the compiled module with a `require` that gives only the public entry, zod and fast-check, then finds its
 * domain: the default export (or what a default-exported promise resolves to), else its only exported domain.
 * `defineDomain`'s refusal comes back as its problems; anything else thrown as a message at its source position.
 */
export async function evaluateRules(compiled: CompiledModule, loader: ScriptLoader): Promise<Evaluation> {
  let positionIn: (stack: string) => ScriptPosition | null = () => null;
  try {
    const loaded = loader.load(compiled.js);
    positionIn = loaded.positionIn;
    const module = { exports: Object.create(null) as Record<string, unknown> };
    loaded.factory(requireLibrary, module, module.exports);
    return await domainOf(module.exports);
  } catch (thrown) {
    return whatWasThrown(thrown, compiled, positionIn);
  }
}

function whatWasThrown(
  thrown: unknown,
  compiled: CompiledModule,
  positionIn: (stack: string) => ScriptPosition | null,
): Evaluation {
  // Why guarded: a thrown value is the user's, and may be a proxy or have getters that throw.
  try {
    if (thrown instanceof eventscope.DomainDefinitionError)
      return {
        kind: 'definitionErrors',
        domain: clip(String(thrown.domain)),
        problems: [...thrown.problems]
          .slice(0, PROTOCOL_LIMITS.maxDiagnostics)
          .map((problem) => clip(String(problem))),
      };
    const stack = thrown instanceof Error && typeof thrown.stack === 'string' ? thrown.stack : '';
    const position = positionIn(stack);
    return {
      kind: 'thrown',
      message: describeThrown(thrown),
      at: position ? sourcePosition(compiled, position) : null,
    };
  } catch {
    return { kind: 'thrown', message: describeThrown(thrown), at: null };
  }
}
