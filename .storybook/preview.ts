import type { Preview } from '@storybook/svelte-vite';
import '../src/ui/theme.css';

const preview: Preview = {
  parameters: { layout: 'padded', a11y: { test: 'error' } },
};
export default preview;
