// `npm run bench`: runs every suite and prints ONE table (`-- --json`: one JSON object, nothing else on stdout).
// Options: `--json`, `--suite <text>` (only suites whose file name contains it). npm itself prints a banner on
// stdout, so for machine-readable output use `npm run -s bench -- --json` or `node bench/run.mjs --json`.
//
// Adding a suite: drop a module in one of these folders; the runner finds it by file name.
// - bench/browser/<name>.ts  runs in Chromium (Debian's, flags from chromium.config.ts) on a page served by
//   Vite's dev server, in a persistent context with a fresh temporary profile, so IndexedDB is on disk as
//   in a real profile. It may import anything from src/.
// - bench/node/<name>.mjs or .ts  runs in this node process (.ts is loaded through Vite's ssrLoadModule).
// Either way the default export is `async ({ log }) => Row[]`, with Row = {name, value, unit, baseline, ratio}
// (bench/types.ts). Measure the baseline in the same run, and log progress with `log`, never console.log.
// Node suites run first, then browser suites, each folder in file-name order; keep a suite within a minute or so.
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const only = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : '';
const log = (line) => process.stderr.write(`${line}\n`);

const suites = (folder, extensions) => {
  const dir = join(root, 'bench', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(
      (file) =>
        extensions.some((ext) => file.endsWith(ext)) && !file.endsWith('.d.ts') && file.includes(only),
    )
    .sort()
    .map((file) => `/bench/${folder}/${file}`);
};

function formatTable(rows) {
  const number = (n) => (typeof n === 'number' ? n.toLocaleString('en') : '');
  // A baseline may also be given as {name, value}.
  const baseline = (b) => (b && typeof b === 'object' ? `${number(b.value)} (${b.name})` : number(b));
  const cells = rows.map((r) => [
    r.name,
    number(r.value),
    r.unit,
    baseline(r.baseline),
    r.ratio === undefined ? '' : `${r.ratio}×`,
  ]);
  const header = ['case', 'value', 'unit', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) =>
    `| ${c.map((v, i) => (i === 0 || i === 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 || i === 2 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

// One failing suite does not hide the others' rows; the run still exits 1.
let failedSuites = 0;
async function guarded(path, run) {
  log(`▶ ${path}`);
  try {
    return await run();
  } catch (error) {
    failedSuites += 1;
    log(`✗ ${path} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return [];
  }
}

async function runBrowserSuites(server, paths) {
  if (paths.length === 0) return [];
  // chromium.config.ts is TypeScript, which node 20 cannot import; Vite loads it instead.
  const { CHROMIUM_PATH, CHROMIUM_ARGS } = await server.ssrLoadModule('/chromium.config.ts');
  const profile = mkdtempSync(join(tmpdir(), 'eventscope-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // --expose-gc lets a suite collect garbage before a timed section.
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.exposeFunction('benchLog', log);
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(`${server.resolvedUrls.local[0]}bench/page.html`);
    const rows = [];
    for (const path of paths) {
      const suiteRows = await guarded(path, () =>
        page.evaluate(async (modulePath) => {
          const suite = await import(/* @vite-ignore */ modulePath);
          return suite.default({ log: (line) => window.benchLog(line) });
        }, path),
      );
      rows.push(...suiteRows);
    }
    return rows;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function runNodeSuites(server, paths) {
  const rows = [];
  for (const path of paths) {
    const suiteRows = await guarded(path, async () => {
      const suite = path.endsWith('.ts')
        ? await server.ssrLoadModule(path)
        : await import(pathToFileURL(join(root, path)).href);
      return suite.default({ log });
    });
    rows.push(...suiteRows);
  }
  return rows;
}

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'silent',
  clearScreen: false,
  // No HMR and no watcher: an edit to src/ during a run must not reload the page under a suite.
  server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
  // Pre-bundle up front: discovering a dependency mid-run would reload the page under a suite.
  optimizeDeps: { include: ['dexie', 'zod'], noDiscovery: true },
  // The timeline suite mounts the real Svelte component, compiled and resolved as in the built app (Svelte's
  // development runtime records a stack trace per state change, several times slower than what users run).
  mode: 'production',
  resolve: { conditions: ['module', 'browser', 'production'] },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [svelte({ compilerOptions: { dev: false } })],
});
let exitCode = 0;
try {
  await server.listen();
  const rows = [
    ...(await runNodeSuites(server, suites('node', ['.mjs', '.ts']))),
    ...(await runBrowserSuites(server, suites('browser', ['.ts', '.js', '.mjs']))),
  ];
  process.stdout.write(asJson ? `${JSON.stringify({ rows })}\n` : `${formatTable(rows)}\n`);
  if (failedSuites > 0) exitCode = 1;
} catch (error) {
  log(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  exitCode = 1;
} finally {
  await server.close();
}
process.exit(exitCode);
