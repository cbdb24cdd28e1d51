import type { StorybookConfig } from '@storybook/svelte-vite';

const config: StorybookConfig = {
  framework: '@storybook/svelte-vite',
  stories: ['../stories/**/*.stories.@(ts|svelte)'],
  addons: ['@storybook/addon-svelte-csf', '@storybook/addon-vitest', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, enableCrashReports: false },
};
export default config;
