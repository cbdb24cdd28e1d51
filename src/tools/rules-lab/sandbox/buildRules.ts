// One build of a rules module: compile, run, and say what came of it with every problem at its place. Runs in the
// sandbox worker (and in Node for tests).
import type { DomainModule } from '../../../core/domain/index.ts';
import type { BuildResult, RulesDiagnostic } from '../protocol.ts';
import { compileRules, diagnosticAt, parseRules } from './compile.ts';
import { evaluateRules, type ScriptLoader, type SourcePosition } from './evaluate.ts';
import { locateDefinitionProblems } from './locate.ts';

/** What a build gave, and the module when it defines a domain (it stays in the sandbox). */
export interface Built {
  result: BuildResult;
  module: DomainModule | null;
}

/** Pure: the offset of a 1-based line and column in `source` (clamped to the text). */
function offsetOf(source: string, at: SourcePosition): number {
  let offset = 0;
  for (let line = 1; line < at.line; line++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return Math.min(source.length, offset + at.column - 1);
}

function thrownAt(source: string, at: SourcePosition | null, message: string): RulesDiagnostic[] {
  if (!at) return [];
  const file = parseRules(source);
  const from = offsetOf(source, at);
  const lineEnd = source.indexOf('\n', from);
  const to = lineEnd < 0 ? source.length : lineEnd;
  return [diagnosticAt(file, from, to - from, { severity: 'error', source: 'runtime', message })];
}

/**
 * Compiles `source`; when it compiles, calls `onRunning` (the user's code starts now) and runs it. Type errors are
 * not looked for here (see the `typecheck` job): a module with type errors still runs, as TypeScript's emit does.
 */
export async function buildRules(
  source: string,
  loader: ScriptLoader,
  onRunning: () => void = () => {},
  now: () => number = () => performance.now(),
): Promise<Built> {
  const started = now();
  const compiled = compileRules(source);
  const compileMs = now() - started;
  if (compiled.kind === 'errors')
    return {
      result: {
        kind: 'compileErrors',
        diagnostics: compiled.diagnostics,
        timings: { compileMs, evaluateMs: 0 },
      },
      module: null,
    };
  onRunning();
  const evaluated = await evaluateRules(compiled.module, loader);
  const timings = { compileMs, evaluateMs: now() - started - compileMs };
  switch (evaluated.kind) {
    case 'domain':
      return {
        result: { kind: 'domain', domain: evaluated.summary, diagnostics: [], timings },
        module: evaluated.module,
      };
    case 'definitionErrors':
      return {
        result: {
          kind: 'definitionErrors',
          domain: evaluated.domain,
          diagnostics: locateDefinitionProblems(parseRules(source), evaluated.domain, evaluated.problems),
          timings,
        },
        module: null,
      };
    case 'thrown':
      return {
        result: {
          kind: 'thrown',
          message: evaluated.message,
          diagnostics: thrownAt(source, evaluated.at, evaluated.message),
          timings,
        },
        module: null,
      };
    case 'noDomain':
      return {
        result: { kind: 'noDomain', message: evaluated.message, diagnostics: [], timings },
        module: null,
      };
  }
}
