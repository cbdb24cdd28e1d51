import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import DoctorActions from '../src/domains/scheduling/board/DoctorActions.svelte';
import type { BoardState } from '../src/domains/scheduling/board/boardState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp } from './fixtures.ts';
import { boardLoader } from './boardFixtures.ts';

const meta = {
  title: 'Board/DoctorActions',
  component: DoctorActions,
  render: (_args, { loaded }) => ({ Component: DoctorActions, props: { board: loaded.board as BoardState } }),
} satisfies Meta<typeof DoctorActions>;
export default meta;
type Story = StoryObj<typeof DoctorActions>;

export const Empty: Story = boardLoader(emptyApp, 'doctor:ana-silva');
export const Typical: Story = {
  ...boardLoader(typicalApp, 'doctor:ana-silva'),
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.clear(canvas.getByLabelText('Slot at'));
    await userEvent.type(canvas.getByLabelText('Slot at'), '11:00');
    await userEvent.click(canvas.getByRole('button', { name: 'Add slot' }));
    await waitFor(() => expect((loaded.board as BoardState).outcome?.kind).toBe('accepted'));
  },
};
export const WithError: Story = {
  ...boardLoader(overbookedApp, 'doctor:ravi-patel'),
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel this day' }));
    await waitFor(() => {
      const outcome = (loaded.board as BoardState).outcome;
      expect(outcome?.kind === 'rejected' && outcome.error.code).toBe('DayScheduleAlreadyCancelled');
    });
  },
};
export const Large: Story = boardLoader(largeApp, 'doctor:grace-okafor');
