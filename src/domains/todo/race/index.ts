import type { RaceDefinition } from '../../../index.ts';
import { describeOperation, raceOperations } from './operations.ts';
import { todoPlantedBugs } from './plantedBugs.ts';
import { todoRaceProperties } from './properties.ts';
import { raceKnobs, raceWorld } from './world.ts';

/** The todo domain's side of the race lab: people adding, amending, completing and abandoning a few todos at once. */
export const todoRace: RaceDefinition = {
  knobs: raceKnobs,
  world: raceWorld,
  operations: raceOperations,
  describe: describeOperation,
  properties: todoRaceProperties,
  bugs: todoPlantedBugs,
};
