// Build-time only (Node, run by Vite): makes the rules lab's sandbox worker one self-contained classic script and
// hands it to the app as a string (`virtual:eventscope-rules-sandbox`). Why a string: the worker is started inside
// an opaque-origin iframe from a Blob, where it can load nothing from the app's server, in `vite build` and in
// `vite dev` alike (Vite does not bundle workers in dev). The bundle holds the public entry (`src/index.ts`), the
// TypeScript compiler and the declaration files the type checker reads.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { rolldown } from 'rolldown';
import ts from 'typescript';
import type { Plugin, ViteDevServer } from 'vite';

/** The id the page imports the worker's source from. */
export const SANDBOX_MODULE_ID = 'virtual:eventscope-rules-sandbox';
/** The id the worker imports its type checker's files from. */
export const TYPE_FILES_MODULE_ID = 'virtual:eventscope-rules-types';

const WORKER_ENTRY = 'src/tools/rules-lab/sandbox/worker.ts';
const PUBLIC_ENTRY = 'src/index.ts';
/** Where the public entry's declarations live in the type checker's file system. */
export const EVENTSCOPE_TYPES_ROOT = '/node_modules/eventscope/';
export const LIB_ROOT = '/lib/';

/** The compiler options the public entry's declarations are emitted with, and user code is checked with. */
export const TYPE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  strict: true,
  skipLibCheck: true,
  lib: ['lib.es2023.d.ts'],
  types: [],
};

/**
 * The type checker's file system: the public entry's declarations (emitted from `src/index.ts`) under
 * `/node_modules/eventscope/`, every declaration file of a package they reach (zod, fast-check, …) under
 * `/node_modules/`, and the standard library (ES2023, no DOM: rules run in a worker) under `/lib/`.
 */
export function typeFiles(root: string): Record<string, string> {
  const files: Record<string, string> = Object.create(null);
  const program = ts.createProgram([resolve(root, PUBLIC_ENTRY)], {
    ...TYPE_OPTIONS,
    declaration: true,
    emitDeclarationOnly: true,
    // Why: the project's own type check runs elsewhere; here only the declarations are wanted (3× faster).
    noCheck: true,
    outDir: '/out',
  });
  program.emit(undefined, (fileName, text) => {
    files[fileName.replace(/^\/out\//, EVENTSCOPE_TYPES_ROOT)] = text;
  });
  const packages = new Set<string>();
  for (const file of program.getSourceFiles()) {
    const at = file.fileName.lastIndexOf('/node_modules/');
    if (at < 0) continue;
    const path = file.fileName.slice(at);
    if (path.startsWith('/node_modules/typescript/lib/')) {
      files[LIB_ROOT + path.slice('/node_modules/typescript/lib/'.length)] = file.text;
      continue;
    }
    files[path] = file.text;
    const name = path
      .split('/')
      .slice(2, path.startsWith('/node_modules/@') ? 4 : 3)
      .join('/');
    packages.add(name);
  }
  for (const name of packages)
    files[`/node_modules/${name}/package.json`] = readFileSync(
      resolve(root, 'node_modules', name, 'package.json'),
      'utf8',
    );
  files[`${EVENTSCOPE_TYPES_ROOT}package.json`] = JSON.stringify({
    name: 'eventscope',
    types: './index.d.ts',
  });
  return files;
}

function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFilesUnder(path) : /\.(ts|js|json)$/.test(name) ? [path] : [];
  });
}

/** Pure of the tree: a hash of everything the bundle is made from (sources, locked packages, this builder). */
function inputsHash(root: string, minify: boolean): string {
  const hash = createHash('sha256').update(String(minify));
  for (const file of [...sourceFilesUnder(resolve(root, 'src')), resolve(root, 'package-lock.json')].sort()) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 24);
}

export interface SandboxBundle {
  code: string;
  /** The files it was built from, for the dev server to rebuild it when one changes. */
  watchFiles: string[];
}

/** Bundles the sandbox worker as one classic script (IIFE), types included; cached on disk by its inputs. */
export async function bundleSandboxWorker(
  root: string,
  options: { minify: boolean },
): Promise<SandboxBundle> {
  const cacheDir = resolve(root, 'node_modules/.cache/eventscope-rules-sandbox');
  const key = inputsHash(root, options.minify);
  const cached = join(cacheDir, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as SandboxBundle;

  const types = JSON.stringify(typeFiles(root));
  const build = await rolldown({
    input: resolve(root, WORKER_ENTRY),
    cwd: root,
    platform: 'browser',
    logLevel: 'silent',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    plugins: [
      {
        name: 'eventscope-rules-types',
        resolveId: (id) => (id === TYPE_FILES_MODULE_ID ? id : null),
        load: (id) =>
          id === TYPE_FILES_MODULE_ID ? `export default JSON.parse(${JSON.stringify(types)});` : null,
      },
    ],
  });
  const { output } = await build.generate({ format: 'iife', minify: options.minify });
  const watchFiles = build.watchFiles ? await build.watchFiles : [];
  await build.close();
  const bundle: SandboxBundle = {
    code: output[0].code,
    watchFiles: watchFiles.filter((file) => file.startsWith(root) && !file.includes('/node_modules/')),
  };
  mkdirSync(cacheDir, { recursive: true });
  // Why: one bundle is 5 MB, and each change of the sources makes a new one; only the latest is worth keeping.
  for (const old of readdirSync(cacheDir)) rmSync(join(cacheDir, old), { force: true });
  writeFileSync(cached, JSON.stringify(bundle));
  return bundle;
}

const RESOLVED_ID = `\0${SANDBOX_MODULE_ID}`;

/**
 * Vite plugin: `import source from 'virtual:eventscope-rules-sandbox'` gives the sandbox worker's bundle as a
 * string. The page imports it lazily (only the Rules tab does), so the build puts it in a chunk of its own, which
 * the offline precache lists like any other chunk. In dev, a change to a file it is made from rebuilds it.
 */
export function rulesSandboxPlugin(): Plugin {
  let root = process.cwd();
  let pending: Promise<SandboxBundle> | null = null;
  let server: ViteDevServer | null = null;
  return {
    name: 'eventscope-rules-sandbox',
    configResolved(config) {
      root = config.root;
    },
    configureServer(devServer) {
      server = devServer;
      devServer.watcher.on('change', async (file) => {
        if (!pending) return;
        const { watchFiles } = await pending;
        if (!watchFiles.includes(file)) return;
        pending = null;
        const module = server?.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server?.moduleGraph.invalidateModule(module);
      });
    },
    // Why filters: the bundler then calls these hooks for this one module only, not for every module.
    resolveId: {
      filter: { id: new RegExp(`^${SANDBOX_MODULE_ID}$`) },
      handler: () => RESOLVED_ID,
    },
    load: {
      filter: { id: new RegExp(`^\0${SANDBOX_MODULE_ID}$`) },
      async handler() {
        // Why minified in dev too: the script is copied into the sandbox on every start (4 MB instead of 9 MB).
        pending ??= bundleSandboxWorker(root, { minify: true });
        const { code } = await pending;
        return `export default ${JSON.stringify(code)};`;
      },
    },
  };
}
