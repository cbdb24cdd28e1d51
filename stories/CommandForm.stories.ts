import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import CommandForm from '../src/ui/forms/CommandForm.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { commandSpecs } from '../src/ui/forms/commandForms.ts';
import { emptyApp, typicalApp, withApp } from './fixtures.ts';

const spec = (type: string) => commandSpecs.find((s) => s.type === type) ?? commandSpecs[0];

const meta = {
  title: 'Components/CommandForm',
  component: CommandForm,
  args: { spec: spec('RegisterPatient') },
  render: (args, { loaded }) => {
    const app = loaded.app as AppState;
    return { Component: CommandForm, props: { ...args, ondispatch: (c: unknown) => app.dispatch(c) } };
  },
} satisfies Meta<typeof CommandForm>;
export default meta;
type Story = StoryObj<typeof CommandForm>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(emptyApp),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Patient id'), 'tom');
    await userEvent.type(canvas.getByLabelText('Name'), 'Tom Baker');
    await userEvent.type(canvas.getByLabelText('Email'), 'tom@example.com');
    await userEvent.type(canvas.getByLabelText('Birth date'), '1985-06-14');
    await userEvent.click(canvas.getByRole('button', { name: 'RegisterPatient' }));
    await waitFor(() => expect(canvas.getByRole('status').textContent).toContain('PatientRegistered'));
  },
};
export const WithError: Story = {
  ...withApp(emptyApp),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(canvas.getByRole('button', { name: 'RegisterPatient' }));
    await expect(canvas.getByText('Patient id is required')).toBeTruthy();
    await expect(canvas.getByText(/Email must be an email address/)).toBeTruthy();
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
  },
};
export const Large: Story = {
  ...withApp(typicalApp),
  args: { spec: spec('ScheduleDay') },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Doctor id'), 'ana-silva');
    await userEvent.type(canvas.getByLabelText('Date'), '2026-03-04');
    await userEvent.type(canvas.getByLabelText('Slot start times'), '08:00-11:00 13:00-16:00');
    await userEvent.click(canvas.getByRole('button', { name: 'ScheduleDay' }));
    await waitFor(() => expect(canvas.getByRole('status').textContent).toContain('37 events appended'));
  },
};
