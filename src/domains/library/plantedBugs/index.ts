import type { PlantedBug } from '../../../core/domain/index.ts';
import { holdLimitFromReadModel } from './holdLimitFromReadModel.ts';
import { nonIdempotentDailySheet } from './nonIdempotentDailySheet.ts';
import { skipDuplicateCheck } from './skipDuplicateCheck.ts';

export { holdLimitFromReadModel, nonIdempotentDailySheet, skipDuplicateCheck };
export { holdsInReadModel } from './holdLimitFromReadModel.ts';

/** The library's planted bugs, in the order the race lab offers them. */
export const libraryBugs: PlantedBug[] = [
  skipDuplicateCheck,
  nonIdempotentDailySheet,
  holdLimitFromReadModel,
];
