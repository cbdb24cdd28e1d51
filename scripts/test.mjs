// `npm test`: the whole pyramid, in order, and one closing line `N passed, N failed` for CI.
// Every step runs even if an earlier one failed, so one run reports everything that is wrong.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensureChromium.mjs';

ensureChromium();
const reports = mkdtempSync(join(tmpdir(), 'eventscope-test-'));
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', FORCE_COLOR: process.env.CI ? '0' : '1' };
const results = [];
let passed = 0;
let failed = 0;

function run(name, command, args, jsonReport) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = '';
  if (jsonReport && existsSync(jsonReport)) {
    const report = JSON.parse(readFileSync(jsonReport, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    counts = ` (${report.numPassedTests} passed, ${report.numFailedTests} failed)`;
    if (report.numTotalTests === 0) failed += 1;
  } else {
    if (status === 0) passed += 1;
    else failed += 1;
  }
  results.push(`${status === 0 ? 'ok  ' : 'FAIL'} ${name}${counts} ${seconds}s`);
}

function vitest(name, projects) {
  const out = join(reports, `${name}.json`);
  const projectArgs = projects.flatMap((p) => ['--project', p]);
  run(
    name,
    'npx',
    ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    out,
  );
}

run('typecheck', 'npx', [
  'svelte-check',
  '--tsconfig',
  './tsconfig.json',
  '--fail-on-warnings',
  '--output',
  'human',
]);
run('lint', 'npx', ['eslint', '.']);
run('format', 'npx', ['prettier', '--check', '.']);
vitest('unit (node)', ['unit']);
vitest('browser (Chromium)', ['browser']);
vitest('stories (Chromium)', ['storybook']);
run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
vitest('e2e (built app)', ['e2e']);
run('storybook build', 'npx', [
  'storybook',
  'build',
  '--quiet',
  '--disable-telemetry',
  '-o',
  'storybook-static',
]);

console.log('\nSummary (each check step counts as one test):');
for (const line of results) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
