import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, fn } from 'storybook/test';
import Tabs from '../src/ui/components/Tabs.svelte';

const tabs = [
  { id: 'board', label: 'Practice board' },
  { id: 'log', label: 'Event log', badge: '42' },
  { id: 'models', label: 'Read models' },
];

const meta = {
  title: 'Components/Tabs',
  component: Tabs,
  args: { tabs, selected: 'board', onselect: fn(), label: 'Panels', hasPanels: false },
} satisfies Meta<typeof Tabs>;
export default meta;
type Story = StoryObj<typeof Tabs>;

export const Empty: Story = { args: { tabs: [{ id: 'only', label: 'Only panel' }], selected: 'only' } };
export const Typical: Story = {
  play: async ({ canvas, userEvent, args }) => {
    canvas.getByRole('tab', { name: 'Practice board' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onselect).toHaveBeenCalledWith('log');
    await userEvent.keyboard('{End}');
    await expect(args.onselect).toHaveBeenCalledWith('models');
  },
};
export const WithError: Story = {
  args: { tabs: [...tabs, { id: 'store', label: 'Store', badge: '1 problem' }] },
};
export const Large: Story = {
  args: {
    tabs: Array.from({ length: 16 }, (_, i) => ({ id: `t${i}`, label: `Panel ${i + 1}` })),
    selected: 't3',
  },
};
