import type { Meta, StoryObj } from '@storybook/svelte-vite';
import StoreStatus from '../src/ui/shell/header/StoreStatus.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Header/StoreStatus',
  component: StoreStatus,
  render: (args, { loaded }) => {
    const app = loaded.app as AppState;
    return {
      Component: StoreStatus,
      props: {
        storeKind: app.storeKind,
        head: app.head,
        role: app.role,
        failures: app.failures,
        ...(args as object),
      },
    };
  },
} satisfies Meta<typeof StoreStatus>;
export default meta;
type Story = StoryObj<typeof StoreStatus>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = withApp(typicalApp);
export const WithError: Story = {
  ...withApp(typicalApp),
  args: { failures: [{ subscriber: 'store', message: 'The database was closed by the browser.' }] },
};
export const Large: Story = { ...withApp(largeApp), args: { role: 'follower', storeKind: 'indexeddb' } };
