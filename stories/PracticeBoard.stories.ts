import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import PracticeBoard from '../src/domains/scheduling/board/PracticeBoard.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { DAY, emptyApp, largeApp, overbookedApp, typicalApp } from './fixtures.ts';

const meta = {
  title: 'Board/PracticeBoard',
  component: PracticeBoard,
  parameters: { layout: 'fullscreen' },
  render: (_args, { loaded }) => ({ Component: PracticeBoard, props: { app: loaded.app as AppState } }),
} satisfies Meta<typeof PracticeBoard>;
export default meta;
type Story = StoryObj<typeof PracticeBoard>;

export const Empty: Story = { loaders: [async () => ({ app: await emptyApp() })] };

export const Typical: Story = {
  loaders: [async () => ({ app: await typicalApp() })],
  play: async ({ canvas, userEvent }) => {
    await userEvent.clear(canvas.getByLabelText('Date'));
    await userEvent.type(canvas.getByLabelText('Date'), DAY);
    await userEvent.selectOptions(canvas.getByLabelText('Acting as'), 'Chen Wei');
    await userEvent.click(await canvas.findByRole('button', { name: /^09:10 Dr Ana Silva: available/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Book this slot' }));
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: /^09:10 Dr Ana Silva: booked by Chen Wei/ })).toBeTruthy(),
    );
  },
};

export const WithError: Story = {
  loaders: [async () => ({ app: await overbookedApp() })],
  play: async ({ canvas, userEvent }) => {
    await userEvent.clear(canvas.getByLabelText('Date'));
    await userEvent.type(canvas.getByLabelText('Date'), DAY);
    await userEvent.selectOptions(canvas.getByLabelText('Acting as'), 'Dr Ana Silva');
    await userEvent.clear(canvas.getByLabelText('From'));
    await userEvent.type(canvas.getByLabelText('From'), '12:00');
    await userEvent.clear(canvas.getByLabelText('To'));
    await userEvent.type(canvas.getByLabelText('To'), '12:30');
    await userEvent.click(canvas.getByRole('button', { name: /^Schedule \d+ slots$/ }));
    await waitFor(() => expect(canvas.getByRole('alert').textContent).toContain('Rejected'));
  },
};

export const Large: Story = { loaders: [async () => ({ app: await largeApp() })] };
