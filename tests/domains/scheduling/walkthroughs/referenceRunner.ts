import type { Scenario } from '../../../../src/domains/scheduling/walkthroughs/index.ts';
import { PureWorld } from '../pureWorld.ts';

/** Plays a scenario on the pure stand-in runtime: concurrent commands all decide against the same log. */
export function runScenario(scenario: Scenario): PureWorld {
  const world = new PureWorld(scenario.now, scenario.monthlyLimit);
  for (const step of scenario.steps) {
    if (step.kind === 'command') world.dispatch(step.command);
    else if (step.kind === 'clock') world.now = step.to;
    else if (step.kind === 'settle') world.settle();
    else world.concurrently(step.commands.map(({ command }) => command));
  }
  world.settle();
  return world;
}
