// What-if of a 10k-event live log: how long forking, editing and replaying both sides (sagas reacting) takes.
import { appendHistory, scratchSandbox } from '../../src/tools/shared/scratchSandbox.ts';
import { isSagaEvent, runWhatIf } from '../../src/tools/what-if/whatIf.ts';
import type { BenchContext, Row } from '../types.ts';
import { benchDomain, benchWhatIf, largeLiveLog, NOW } from '../whatIfLog.ts';

export default async function ({ log }: BenchContext): Promise<Row[]> {
  const events = await largeLiveLog();
  const userEvents = events.filter((e) => !isSagaEvent(e));
  log(`what-if: ${events.length} events (${events.length - userEvents.length} recorded by sagas)`);
  const started = performance.now();
  const result = await runWhatIf(benchDomain, benchWhatIf(events));
  const elapsedMs = performance.now() - started;
  if (result.kind !== 'ok') throw new Error(result.message);
  log(
    `what-if: ${result.original.reactions.length} saga reactions in the original, ${result.branch.reactions.length} in the branch; ${result.differences.length} differences`,
  );
  // Baseline: the same log appended once to a fresh in-memory sandbox and settled (projections and sagas fold it
  // once at the end): what one side would cost without replaying command by command.
  const replayStarted = performance.now();
  const sandbox = scratchSandbox(benchDomain, NOW);
  const appended = await appendHistory(benchDomain, sandbox, userEvents);
  if (appended.kind !== 'ok') throw new Error(appended.message);
  await sandbox.settle();
  const replayMs = performance.now() - replayStarted;
  sandbox.close();
  log(`baseline: the log appended to a fresh sandbox and settled once in ${Math.round(replayMs)} ms`);
  return [
    {
      name: `what-if of a ${events.length}-event log (the original as recorded, the branch replayed with sagas reacting) vs the log appended once and settled`,
      value: Math.round(elapsedMs),
      unit: 'ms',
      baseline: Math.round(replayMs),
      ratio: Math.round((elapsedMs / replayMs) * 100) / 100,
    },
  ];
}
