import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import { type Runtime as Sandbox } from '../src/runtime/index.ts';
import { AppState } from '../src/ui/shell/appState.svelte.ts';
import TimelinePanel from '../src/ui/tools/timeline/TimelinePanel.svelte';
import { TimelineState } from '../src/ui/tools/timeline/timelineState.svelte.ts';
import { causalLog, conflictLog, laggingLog, largeLog, smallLog } from '../tests/fixtures/sampleLogs.ts';

/** An app over a sandbox that already holds a log (built by dispatching real commands). */
async function appOver(build: () => Promise<Sandbox>): Promise<{ app: AppState; timeline: TimelineState }> {
  const sandbox = await build();
  const app = new AppState({
    makeSandbox: () => sandbox,
    role: 'leader',
    monthlyLimit: 2,
    storeKind: sandbox.store.kind,
  });
  await app.settle();
  return { app, timeline: new TimelineState(app) };
}

const meta = {
  title: 'Panels/Timeline',
  component: TimelinePanel,
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => ({
    Component: TimelinePanel,
    props: loaded as { app: AppState; timeline: TimelineState },
  }),
} satisfies Meta<typeof TimelinePanel>;
export default meta;
type Story = StoryObj<typeof TimelinePanel>;

export const Small: Story = {
  loaders: [() => appOver(smallLog)],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('timeline-position').textContent).toMatch(/Live — position \d+/);
  },
};
export const SagaChain: Story = { loaders: [() => appOver(causalLog)] };
export const Conflict: Story = {
  loaders: [() => appOver(conflictLog)],
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.command.retried').length).toBeGreaterThan(0);
    await expect(canvasElement.querySelector('.conflict-label')?.textContent).toMatch(
      /expected v\d+ · actual v\d+/,
    );
  },
};
/** Waves of bookings appended before the read side is delivered any of them: the lag history shows each wave. */
export const ReadSideLag: Story = {
  loaders: [() => appOver(laggingLog)],
  play: async ({ canvasElement }) => {
    const bars = canvasElement.querySelectorAll('path.lag-history');
    // One per projection and saga: every subscriber fell behind during each wave.
    await expect(bars.length).toBe(7);
    await expect(bars[0].querySelector('title')?.textContent).toMatch(/up to 3 events/);
  },
};
export const HundredThousandEvents: Story = {
  loaders: [() => appOver(() => largeLog(100_000))],
  parameters: { test: { timeout: 180_000 } },
};
