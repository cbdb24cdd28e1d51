import { evaluateRace, type RaceProperty } from './properties.ts';
import { dayIdOf } from '../../../domains/scheduling/ids.ts';
import type { Race, RaceOutcome, RaceRunner, RaceSetup } from './race.ts';

/** Pure: choice lists with few switches, cheapest first: none, one switch at each early decision, then two. */
export function smallChoiceLists(
  options: { singles?: number; pairs?: number; maxChoice?: number } = {},
): number[][] {
  const singles = options.singles ?? 12;
  const pairs = options.pairs ?? 6;
  const maxChoice = options.maxChoice ?? 3;
  const lists: number[][] = [[]];
  for (let position = 0; position < singles; position++) {
    for (let value = 1; value <= maxChoice; value++) lists.push([...Array<number>(position).fill(0), value]);
  }
  for (let first = 0; first < pairs; first++) {
    for (let second = first + 1; second < pairs; second++) {
      for (let a = 1; a <= 2; a++) {
        for (let b = 1; b <= 2; b++) {
          const list = Array<number>(second + 1).fill(0);
          list[first] = a;
          list[second] = b;
          lists.push(list);
        }
      }
    }
  }
  return lists;
}

const withoutOperation = (race: Race, index: number): Race => ({
  ...race,
  operations: race.operations.filter((_, i) => i !== index),
  faults: {
    ...race.faults,
    lostAcks: race.faults.lostAcks.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)),
  },
});

const trimmedChoices = (choices: number[]) => {
  const last = choices.findLastIndex((c) => c !== 0);
  return choices.slice(0, last + 1);
};

/** Pure: lexicographic size of a failing race: operations, then non-zero choices, then context switches. */
const sizeOf = (race: Race, outcome: RaceOutcome) => [
  race.operations.length,
  race.faults.lostAcks.length +
    race.faults.duplicateDelivery.length +
    (race.faults.deliveryBatchSize > 1 ? 1 : 0),
  race.choices.filter((c) => c !== 0).length,
  outcome.contextSwitches,
  race.choices.length,
];
const isSmaller = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

/** Pure: the setup cut down to what the operations name: their patients, their days, slots up to the last used + 1. */
export function prunedSetup(race: Race): RaceSetup {
  const intents = race.operations.map((o) => o.intent);
  const patients = new Set(intents.flatMap((i) => ('patientId' in i ? [i.patientId] : [])));
  const days = new Set(intents.flatMap((i) => ('dayId' in i ? [i.dayId] : [])));
  const lastTime = intents.reduce((last, i) => ('time' in i && i.time > last ? i.time : last), '');
  const keptPatients = race.setup.patients.filter((p) => patients.has(p.patientId));
  const keptDays = race.setup.days.filter((d) => days.has(dayIdOf(d.doctorId, d.date)));
  return {
    ...race.setup,
    patients: keptPatients.length > 0 ? keptPatients : race.setup.patients.slice(0, 1),
    days: (keptDays.length > 0 ? keptDays : race.setup.days.slice(0, 1)).map((d) => {
      const next = d.times.findIndex((t) => t > lastTime);
      return { ...d, times: next === -1 ? d.times : d.times.slice(0, next + 1) };
    }),
  };
}

/**
 * Second-stage shrinking after fast-check's: removing an operation shifts which scheduler decision each choice
 * applies to, so fast-check often stops at a local minimum. Here each removal is retried with small choice lists
 * (PULSE-style), and faults are dropped one by one. Bounded by `maxRuns` races.
 */
export async function minimizeRace(
  property: RaceProperty,
  race: Race,
  runner: RaceRunner,
  options: { maxRuns?: number } = {},
): Promise<{ race: Race; steps: number; runs: number }> {
  const maxRuns = options.maxRuns ?? 600;
  let runs = 0;
  let steps = 0;
  const fails = async (candidate: Race) => {
    runs += 1;
    const { outcome, violations } = await evaluateRace(property, candidate, runner);
    return violations.length > 0 ? outcome : null;
  };
  let best = { ...race, choices: trimmedChoices(race.choices) };
  const first = await fails(best);
  if (!first) return { race, steps: 0, runs };
  let bestSize = sizeOf(best, first);
  const consider = async (candidate: Race) => {
    if (runs >= maxRuns) return false;
    const outcome = await fails(candidate);
    if (!outcome || !isSmaller(sizeOf(candidate, outcome), bestSize)) return false;
    best = candidate;
    bestSize = sizeOf(candidate, outcome);
    steps += 1;
    return true;
  };
  const withChoices = (candidate: Race) => [
    candidate,
    ...smallChoiceLists().map((choices) => ({ ...candidate, choices })),
  ];

  for (let isImproved = true; isImproved && runs < maxRuns;) {
    isImproved = false;
    for (let index = best.operations.length - 1; index >= 0 && runs < maxRuns; index--) {
      for (const candidate of withChoices(withoutOperation(best, index))) {
        if (await consider(candidate)) {
          isImproved = true;
          break;
        }
      }
    }
    const faultDrops: Race[] = [
      ...best.faults.lostAcks.map((i) => ({
        ...best,
        faults: { ...best.faults, lostAcks: best.faults.lostAcks.filter((j) => j !== i) },
      })),
      ...best.faults.duplicateDelivery.map((p) => ({
        ...best,
        faults: { ...best.faults, duplicateDelivery: best.faults.duplicateDelivery.filter((q) => q !== p) },
      })),
      ...(best.faults.deliveryBatchSize > 1
        ? [{ ...best, faults: { ...best.faults, deliveryBatchSize: 1 } }]
        : []),
    ];
    for (const drop of faultDrops) {
      for (const candidate of withChoices(drop)) {
        if (await consider(candidate)) {
          isImproved = true;
          break;
        }
      }
    }
    for (const choices of smallChoiceLists()) {
      if (await consider({ ...best, choices })) {
        isImproved = true;
        break;
      }
    }
  }
  const pruned = { ...best, setup: prunedSetup(best) };
  if (JSON.stringify(pruned.setup) !== JSON.stringify(best.setup) && runs < maxRuns) {
    runs += 1;
    if ((await evaluateRace(property, pruned, runner)).violations.length > 0) {
      best = pruned;
      steps += 1;
    }
  }
  return { race: best, steps, runs };
}
