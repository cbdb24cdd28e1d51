import type { Meta, StoryObj } from '@storybook/svelte-vite';
import AvailableSlots from '../src/domains/scheduling/board/AvailableSlots.svelte';
import type { BoardState } from '../src/domains/scheduling/board/boardState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp } from './fixtures.ts';
import { boardLoader } from './boardFixtures.ts';

const meta = {
  title: 'Board/AvailableSlots',
  component: AvailableSlots,
  render: (_args, { loaded }) => ({
    Component: AvailableSlots,
    props: { groups: (loaded.board as BoardState).available },
  }),
} satisfies Meta<typeof AvailableSlots>;
export default meta;
type Story = StoryObj<typeof AvailableSlots>;

export const Empty: Story = boardLoader(emptyApp);
export const Typical: Story = boardLoader(typicalApp);
export const WithError: Story = boardLoader(overbookedApp);
export const Large: Story = boardLoader(largeApp);
