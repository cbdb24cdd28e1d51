// Type-checks a rules module against the public entry's declarations, in memory (no file system, no network).
// Runs in the sandbox worker (and in Node for tests). The declaration files are parsed once and kept; each check
// reuses the previous program, so only the rules file is parsed again.
import ts from 'typescript';
import type { RulesDiagnostic } from '../protocol.ts';
import { fromTsDiagnostic, RULES_FILE } from './compile.ts';

const LIB_ROOT = '/lib/';

/** The options user code is checked with: strict, ES2023 without the DOM (rules run in a worker). */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  lib: ['lib.es2023.d.ts'],
  types: [],
};

/** How many type errors are shown at most (the first ones, in the file's order). */
export const MAX_TYPE_DIAGNOSTICS = 100;

/** A type checker over a fixed set of declaration files (see `typeFiles` in `build/sandboxBundle.ts`). */
export class RulesTypeChecker {
  readonly #files: Readonly<Record<string, string>>;
  readonly #parsed = new Map<string, ts.SourceFile>();
  readonly #directories = new Set<string>();
  #program: ts.Program | undefined;

  constructor(files: Readonly<Record<string, string>>) {
    this.#files = files;
    for (const path of Object.keys(files)) {
      const parts = path.split('/');
      for (let end = 2; end < parts.length; end++) this.#directories.add(parts.slice(0, end).join('/'));
    }
  }

  /** The type errors of `source` as the rules file, in the file's order. */
  check(source: string): RulesDiagnostic[] {
    const files = this.#files;
    const parsed = this.#parsed;
    const text = (path: string) =>
      path === RULES_FILE ? source : Object.hasOwn(files, path) ? files[path] : undefined;
    const host: ts.CompilerHost = {
      fileExists: (path) => text(path) !== undefined,
      readFile: text,
      directoryExists: (path) => path === '/' || this.#directories.has(path.replace(/\/$/, '')),
      getDirectories: () => [],
      getSourceFile: (path, languageVersion) => {
        const content = text(path);
        if (content === undefined) return undefined;
        if (path === RULES_FILE) return ts.createSourceFile(path, content, languageVersion, true);
        let file = parsed.get(path);
        if (!file) parsed.set(path, (file = ts.createSourceFile(path, content, languageVersion)));
        return file;
      },
      getDefaultLibFileName: () => `${LIB_ROOT}lib.d.ts`,
      getDefaultLibLocation: () => LIB_ROOT,
      writeFile: () => {},
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (path) => path,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
    };
    const program = ts.createProgram([RULES_FILE], OPTIONS, host, this.#program);
    this.#program = program;
    const file = program.getSourceFile(RULES_FILE);
    if (!file) return [];
    // Why only semantic: the build reports syntax errors, and a module that does not parse is not checked.
    return [...program.getSemanticDiagnostics(file)]
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
      .slice(0, MAX_TYPE_DIAGNOSTICS)
      .map((diagnostic) => fromTsDiagnostic(file, diagnostic, 'types'));
  }
}
