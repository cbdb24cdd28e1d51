import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor, within } from 'storybook/test';
import RegisterPanel from '../src/domains/scheduling/board/RegisterPanel.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Board/RegisterPanel',
  component: RegisterPanel,
  render: (_args, { loaded }) => {
    const app = loaded.app as AppState;
    return { Component: RegisterPanel, props: { ondispatch: (c: unknown) => app.dispatch(c) } };
  },
} satisfies Meta<typeof RegisterPanel>;
export default meta;
type Story = StoryObj<typeof RegisterPanel>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(emptyApp),
  play: async ({ canvas, userEvent }) => {
    const form = within(canvas.getByRole('form', { name: 'RegisterDoctor' }));
    await userEvent.type(form.getByLabelText('Doctor id'), 'lee');
    await userEvent.type(form.getByLabelText('Name'), 'Dr Lee Chang');
    await userEvent.type(form.getByLabelText('Specialty'), 'Cardiology');
    await userEvent.type(form.getByLabelText(/Working hours/), '07:00-12:00');
    await userEvent.click(form.getByRole('button', { name: 'Register doctor' }));
    await waitFor(() => expect(form.getByRole('status').textContent).toContain('DoctorRegistered'));
  },
};
export const WithError: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, userEvent }) => {
    const form = within(canvas.getByRole('form', { name: 'RegisterPatient' }));
    await userEvent.type(form.getByLabelText('Patient id'), 'tom-baker');
    await userEvent.type(form.getByLabelText('Name'), 'Tom Baker');
    await userEvent.type(form.getByLabelText('Email'), 'tom@example.com');
    await userEvent.type(form.getByLabelText('Birth date'), '1985-06-14');
    await userEvent.click(form.getByRole('button', { name: 'Register patient' }));
    await waitFor(() => expect(form.getByRole('alert').textContent).toContain('PatientAlreadyRegistered'));
  },
};
export const Large: Story = withApp(largeApp);
