import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, fn } from 'storybook/test';
import DayGrid from '../src/domains/scheduling/board/DayGrid.svelte';
import type { BoardState } from '../src/domains/scheduling/board/boardState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp } from './fixtures.ts';
import { boardLoader } from './boardFixtures.ts';

const meta = {
  title: 'Board/DayGrid',
  component: DayGrid,
  args: { onselect: fn() },
  render: (args, { loaded }) => {
    const board = loaded.board as BoardState;
    return {
      Component: DayGrid,
      props: {
        ...args,
        columns: board.columns,
        rows: board.rows,
        selected: board.selected,
        patientName: board.patientName,
      },
    };
  },
} satisfies Meta<typeof DayGrid>;
export default meta;
type Story = StoryObj<typeof DayGrid>;

export const Empty: Story = boardLoader(emptyApp);
export const Typical: Story = {
  ...boardLoader(typicalApp, '', '09:20'),
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^09:10 Dr Ana Silva: available/ }));
    await expect(args.onselect).toHaveBeenCalledWith(
      expect.objectContaining({ startTime: '09:10', doctorId: 'ana-silva' }),
    );
  },
};
export const WithError: Story = boardLoader(overbookedApp);
export const Large: Story = boardLoader(largeApp);
