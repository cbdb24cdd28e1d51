import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import { never } from '../src/runtime/schedulers/latentDeliveries.ts';
import TeachingScenarios from '../src/ui/tools/walkthroughs/TeachingScenarios.svelte';
import { TeachingPlayerState } from '../src/ui/tools/walkthroughs/teachingPlayer.svelte.ts';

const meta = {
  title: 'Scenarios/TeachingScenarios',
  component: TeachingScenarios,
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => ({
    Component: TeachingScenarios,
    props: { player: (loaded.player as TeachingPlayerState | undefined) ?? new TeachingPlayerState() },
  }),
} satisfies Meta<typeof TeachingScenarios>;
export default meta;
type Story = StoryObj<typeof TeachingScenarios>;

export const NothingChosen: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Choose one under “Step by step” in the library/)).toBeInTheDocument();
  },
};

/** The race for 09:00, played through: one patient holds it, the other is rejected, no invariant broken. */
export const PlayedThrough: Story = {
  loaders: [
    async () => {
      const player = new TeachingPlayerState();
      await player.play('race-for-one-slot');
      return { player };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('teaching-run')).toHaveTextContent('rejected with SlotAlreadyBooked');
    await expect(canvas.getByTestId('teaching-outcome')).toHaveTextContent('No invariant broken');
  },
};

/**
 * Stepped up to Tom's booking with 1.5 s of latency that never passes here: the read side still offers 09:00,
 * which the log has already booked.
 */
export const ReadSideLagging: Story = {
  loaders: [
    async () => {
      const player = new TeachingPlayerState({ wait: never });
      player.open('lagging-projection');
      while (!player.played.some((step) => step.outcomes[0]?.startsWith('Tom Baker'))) await player.next();
      await player.whenQuiet();
      return { player };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('teaching-lag')).toHaveTextContent('Lagging');
    await expect(canvas.getByTestId('teaching-read-side')).toHaveTextContent('free: 09:00');
    await expect(canvas.getByRole('button', { name: /^Next step/ })).toBeEnabled();
  },
};
