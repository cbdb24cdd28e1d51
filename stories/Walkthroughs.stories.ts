import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import { never } from '../src/runtime/schedulers/latentDeliveries.ts';
import Walkthroughs from '../src/ui/tools/walkthroughs/Walkthroughs.svelte';
import { WalkthroughPlayerState } from '../src/ui/tools/walkthroughs/walkthroughPlayer.svelte.ts';
import { tally } from '../tests/fixtures/tallyDomain.ts';

const meta = {
  title: 'Scenarios/Walkthroughs',
  component: Walkthroughs,
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => ({
    Component: Walkthroughs,
    props: { player: (loaded.player as WalkthroughPlayerState | undefined) ?? new WalkthroughPlayerState() },
  }),
} satisfies Meta<typeof Walkthroughs>;
export default meta;
type Story = StoryObj<typeof Walkthroughs>;

export const NothingChosen: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Choose one under “Walkthroughs” in the library/)).toBeInTheDocument();
  },
};

/** The race for 09:00, played through: one patient holds it, the other is rejected, no invariant broken. */
export const PlayedThrough: Story = {
  loaders: [
    async () => {
      const player = new WalkthroughPlayerState();
      await player.play('race-for-one-slot');
      return { player };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('walkthrough-run')).toHaveTextContent('rejected with SlotAlreadyBooked');
    await expect(canvas.getByTestId('walkthrough-outcome')).toHaveTextContent('No invariant broken');
  },
};

/**
 * Stepped up to Tom's booking with 1.5 s of latency that never passes here: the read side still offers 09:00,
 * which the log has already booked.
 */
export const ReadSideLagging: Story = {
  loaders: [
    async () => {
      const player = new WalkthroughPlayerState({ wait: never });
      player.open('lagging-projection');
      while (!player.played.some((step) => step.outcomes[0]?.startsWith('Tom Baker'))) await player.next();
      await player.whenQuiet();
      return { player };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('walkthrough-lag')).toHaveTextContent('Lagging');
    // The day's read model still shows 09:00 as available: a stale read.
    await expect(canvas.getByTestId('walkthrough-read-side')).toHaveTextContent(
      /availableSlots\(2026-03-02\): 1 row[^]*09:00/,
    );
    await expect(canvas.getByTestId('walkthrough-read-side')).toHaveTextContent(
      /startTime: 09:00, status: available/,
    );
    await expect(canvas.getByRole('button', { name: /^Next step/ })).toBeEnabled();
  },
};

/** Another domain's walkthrough: its captions after each step, its own query on the read side. */
export const AnotherDomain: Story = {
  loaders: [
    async () => {
      const player = new WalkthroughPlayerState({ domain: tally, wait: never });
      await player.play('two-counts');
      return { player };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('walkthrough-run')).toHaveTextContent('Ann counts 2');
    await expect(canvas.getByTestId('walkthrough-read-side')).toHaveTextContent('total(a): 5');
  },
};
