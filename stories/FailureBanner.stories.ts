import type { Meta, StoryObj } from '@storybook/svelte-vite';
import FailureBanner from '../src/ui/shell/header/FailureBanner.svelte';

const meta = {
  title: 'Header/FailureBanner',
  component: FailureBanner,
  args: { failures: [] },
} satisfies Meta<typeof FailureBanner>;
export default meta;
type Story = StoryObj<typeof FailureBanner>;

export const Empty: Story = {};
export const Typical: Story = {
  args: {
    failures: [
      { subscriber: 'projection:doctorDays', message: 'Quota exceeded while saving the checkpoint.' },
    ],
  },
};
export const WithError: Story = {
  args: {
    failures: [{ subscriber: 'store', message: 'VersionChanged: the log was replaced by another tab.' }],
  },
};
export const Large: Story = {
  args: {
    failures: Array.from({ length: 12 }, (_, i) => ({
      subscriber: `saga:overbooking`,
      message: `Failure number ${i + 1}`,
    })),
  },
};
