// Races per second through the race lab's Web Worker (comlink, progress streamed), against the same races
// run by the same code on the page's main thread. 3 patients, 6 slots, 20 operations per race, no bug
// planted, so every race runs (nothing stops at a failure).
import { startRaceLab, type RaceLabRequest } from '../../src/tools/race-lab/client.ts';
import { runRaceLab } from '../../src/tools/race-lab/worker.ts';
import { NO_BUGS } from '../../src/tools/race-lab/model/race.ts';
import type { BenchContext, Row } from '../types.ts';

const RACES = 400;
const request: RaceLabRequest = {
  property: 'slotExclusivity',
  numRuns: RACES,
  seed: 42,
  monthlyLimit: 2,
  bugs: NO_BUGS,
  config: { patients: 3, days: 1, slotsPerDay: 6, minOperations: 20, maxOperations: 20 },
};

async function racesPerSecond(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return Math.round(RACES / ((performance.now() - started) / 1000));
}

export default async function raceWorker({ log }: BenchContext): Promise<Row[]> {
  const inWorker = async () => {
    const ended = await startRaceLab(request, () => {}).result;
    if (ended.kind !== 'done' || !ended.result.passed) throw new Error(`worker run ended as ${ended.kind}`);
  };
  const onMainThread = () => runRaceLab(request);
  await inWorker();
  await onMainThread();
  const worker: number[] = [];
  const main: number[] = [];
  for (let round = 0; round < 3; round++) {
    worker.push(await racesPerSecond(inWorker));
    main.push(await racesPerSecond(onMainThread));
    log(`round ${round + 1}: worker ${worker.at(-1)} races/s, main thread ${main.at(-1)} races/s`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
  const value = median(worker);
  const baseline = median(main);
  return [
    {
      name: 'race lab: races in the worker (3 patients, 6 slots, 20 ops)',
      value,
      unit: 'races/s',
      baseline,
      ratio: Math.round((value / baseline) * 100) / 100,
    },
  ];
}
