import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import PatientActions from '../src/domains/scheduling/board/PatientActions.svelte';
import type { BoardState } from '../src/domains/scheduling/board/boardState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp } from './fixtures.ts';
import { boardLoader } from './boardFixtures.ts';

const meta = {
  title: 'Board/PatientActions',
  component: PatientActions,
  render: (_args, { loaded }) => ({
    Component: PatientActions,
    props: { board: loaded.board as BoardState },
  }),
} satisfies Meta<typeof PatientActions>;
export default meta;
type Story = StoryObj<typeof PatientActions>;

export const Empty: Story = boardLoader(emptyApp, 'patient:tom-baker');
export const Typical: Story = {
  ...boardLoader(typicalApp, 'patient:amara-nwosu', '09:50'),
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Book double slot' }));
    await waitFor(() => expect((loaded.board as BoardState).outcome?.kind).toBe('accepted'));
  },
};
export const WithError: Story = {
  ...boardLoader(overbookedApp, 'patient:tom-baker', '09:00'),
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Book this slot' }));
    await waitFor(() => expect((loaded.board as BoardState).outcome?.kind).toBe('rejected'));
  },
};
export const Large: Story = boardLoader(largeApp, 'patient:tom-baker', '08:10');
