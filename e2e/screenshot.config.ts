import { defineConfig } from '@playwright/test';

/** `npm run screenshot`: regenerates docs/screenshot.png from the running app. */
export default defineConfig({
  testDir: '.',
  testMatch: 'screenshots/*.shot.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: '../test-results/screenshots',
});
