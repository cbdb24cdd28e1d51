// What-if of a 10k-event live log in Chromium: on the page's main thread (the page is frozen meanwhile) against
// the what-if's Web Worker. Reported: the wall time of each, and the longest the page went without running a
// 10 ms timer (how long a click would wait).
import { runWhatIf } from '../../src/tools/what-if/whatIf.ts';
import { whatIfInWorker } from '../../src/tools/what-if/client.ts';
import type { BenchContext, Row } from '../types.ts';
import { benchDomain, benchWhatIf, largeLiveLog } from '../whatIfLog.ts';

/** Runs `work` while a 10 ms timer ticks; returns the wall time and the longest gap between two ticks. */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearInterval(ticker);
  return { ms: Math.round(ms), longestStallMs: Math.round(Math.max(longest, performance.now() - last)) };
}

export default async function whatIf({ log }: BenchContext): Promise<Row[]> {
  const events = await largeLiveLog();
  const input = benchWhatIf(events);
  log(`what-if: ${events.length} events`);
  const main = await timed(() => runWhatIf(benchDomain, input));
  log(`main thread: ${main.ms} ms, longest stall ${main.longestStallMs} ms`);
  const worker = await timed(async () => {
    const result = await whatIfInWorker(benchDomain, input).result;
    if (result?.kind !== 'ok') throw new Error(`the worker ended with ${result?.kind ?? 'nothing'}`);
  });
  log(`worker: ${worker.ms} ms, longest stall ${worker.longestStallMs} ms`);
  return [
    {
      name: `what-if of a ${events.length}-event log in the worker: wall time`,
      value: worker.ms,
      unit: 'ms',
      baseline: main.ms,
      ratio: Math.round((worker.ms / main.ms) * 100) / 100,
    },
    {
      name: 'what-if of a 10k-event log: longest page stall, worker vs main thread',
      value: worker.longestStallMs,
      unit: 'ms',
      baseline: main.longestStallMs,
      ratio: Math.round((worker.longestStallMs / main.longestStallMs) * 1000) / 1000,
    },
  ];
}
