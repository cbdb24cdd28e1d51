// Compiles a rules module (TypeScript) to JavaScript the sandbox can run, with its syntax errors and refused
// imports at their place. Runs in the sandbox worker (and in Node for tests): it imports the TypeScript compiler,
// so the page must never import it.
import ts from 'typescript';
import type { RulesDiagnostic } from '../protocol.ts';

/** The file name a rules module has in diagnostics and stack traces. */
export const RULES_FILE = '/rules.ts';

/** The modules a rules file may import: the public entry, and the libraries it re-exports. */
export const IMPORTABLE = ['eventscope', 'zod', 'fast-check'] as const;

/** A module compiled to CommonJS (run with the sandbox's `require`), with its source map. */
export interface CompiledModule {
  js: string;
  sourceMap: string;
}

export type CompileResult =
  { kind: 'ok'; module: CompiledModule } | { kind: 'errors'; diagnostics: RulesDiagnostic[] };

/** Pure: a diagnostic at `start` (offset) spanning `length` characters of `file`. */
export function diagnosticAt(
  file: ts.SourceFile,
  start: number,
  length: number,
  fields: Pick<RulesDiagnostic, 'severity' | 'source' | 'message'>,
): RulesDiagnostic {
  const from = Math.max(0, Math.min(start, file.text.length));
  const to = Math.max(from, Math.min(from + length, file.text.length));
  const { line, character } = file.getLineAndCharacterOfPosition(from);
  return { from, to, line: line + 1, column: character + 1, ...fields };
}

/** Pure: a TypeScript diagnostic as the lab shows it (TypeScript's own sentence, flattened). */
export function fromTsDiagnostic(
  file: ts.SourceFile,
  diagnostic: ts.Diagnostic,
  source: RulesDiagnostic['source'],
): RulesDiagnostic {
  return diagnosticAt(file, diagnostic.start ?? 0, diagnostic.length ?? 0, {
    severity: diagnostic.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error',
    source,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  });
}

/** Pure: the source parsed as the rules file. */
export const parseRules = (source: string): ts.SourceFile =>
  ts.createSourceFile(RULES_FILE, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);

/** Pure: every import (static, `export … from`, `import()` or `require()`) of a module the sandbox does not have. */
export function refusedImports(file: ts.SourceFile): RulesDiagnostic[] {
  const refused: RulesDiagnostic[] = [];
  const check = (specifier: ts.Node) => {
    if (!ts.isStringLiteralLike(specifier)) return;
    if ((IMPORTABLE as readonly string[]).includes(specifier.text)) return;
    refused.push(
      diagnosticAt(file, specifier.getStart(file), specifier.getWidth(file), {
        severity: 'error',
        source: 'imports',
        message: `“${specifier.text}” cannot be imported here: a rules file is one file, and imports only ${IMPORTABLE.map((name) => `'${name}'`).join(', ')}.`,
      }),
    );
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      check(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      check(node.moduleReference.expression);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments.length > 0
    )
      check(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return refused;
}

/**
 * Pure: the module compiled to CommonJS JavaScript (types erased), or its syntax errors and refused imports, each
 * at its line and column. Types are not checked here (see `typecheck.ts`): a module with type errors still runs.
 */
export function compileRules(source: string): CompileResult {
  const output = ts.transpileModule(source, {
    fileName: RULES_FILE,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      sourceMap: true,
      inlineSources: false,
    },
  });
  const file = parseRules(source);
  const diagnostics = [
    ...(output.diagnostics ?? []).map((d) => fromTsDiagnostic(file, d, 'syntax')),
    ...refusedImports(file),
  ];
  if (diagnostics.some((d) => d.severity === 'error')) return { kind: 'errors', diagnostics };
  return {
    kind: 'ok',
    // Why strip it: the map is handed over separately, and a `sourceMappingURL` comment would point nowhere.
    module: {
      js: output.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'),
      sourceMap: output.sourceMapText ?? '',
    },
  };
}
