import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import { scheduling } from '../src/domains/index.ts';
import { type Runtime as Sandbox } from '../src/runtime/index.ts';
import SpanExport from '../src/ui/tools/timeline/SpanExport.svelte';
import { causalLog, conflictLog, largeLog, smallLog } from '../tests/fixtures/sampleLogs.ts';

/** The props of a log built by dispatching real commands, with the span a selected chain would give. */
function propsOf(
  build: () => Promise<Sandbox>,
  monthlyLimit: number,
  selectionSpan: [number, number] | null,
) {
  return async () => {
    const sandbox = await build();
    const domain = scheduling.configure({ monthlyLimit });
    const props = { domain, events: await sandbox.events(), commands: await sandbox.commands() };
    sandbox.close();
    return { ...props, selectionSpan };
  };
}

const meta = {
  title: 'Timeline/SpanExport',
  component: SpanExport,
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => ({
    Component: SpanExport,
    props: loaded as Parameters<typeof SpanExport>[1],
  }),
} satisfies Meta<typeof SpanExport>;
export default meta;
type Story = StoryObj<typeof SpanExport>;

/** Maria's booking of Tom's slot, rejected after #12. */
export const Rejection: Story = {
  loaders: [propsOf(smallLog, 10, [12, 12])],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Export a span of the log as a vitest test'));
    await userEvent.click(canvas.getByRole('button', { name: 'Use the selected chain (#12–12)' }));
    await expect(canvas.getByTestId('span-test-preview').textContent).toContain(
      '.thenRejects("SlotAlreadyBooked");',
    );
  },
};

/** Tom's double booking over a limit of 2, the overbooking saga's cancellations and notifications. */
export const SagaReaction: Story = {
  loaders: [propsOf(causalLog, 2, [19, 24])],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Export a span of the log as a vitest test'));
    await userEvent.click(canvas.getByRole('button', { name: 'Use the selected chain (#19–24)' }));
    await expect(canvas.getByTestId('span-test-preview').textContent).toContain(
      '.whenEvent(log[18], { saga: "overbooking"',
    );
  },
};

/** Two races for one day's slots: a retried booking and a rejected one. */
export const ConflictThenRetry: Story = {
  loaders: [propsOf(conflictLog, 10, null)],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Export a span of the log as a vitest test'));
    await userEvent.clear(canvas.getByLabelText('From position'));
    await userEvent.type(canvas.getByLabelText('From position'), '12');
    await expect(canvas.getByTestId('span-test-preview').textContent).toContain(
      'await annotate("A conflict first',
    );
  },
};

/** Past 5,000 events of log the file would not be readable: it says so instead. */
export const TooLong: Story = {
  loaders: [propsOf(() => largeLog(5_100), 10, null)],
  parameters: { test: { timeout: 120_000 } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Export a span of the log as a vitest test'));
    await expect(canvas.getByRole('status').textContent).toMatch(/a test file stays readable up to 5,000/);
  },
};
