import { existsSync } from 'node:fs';
import { describeMode, launchMode } from './launch-mode';

export default function globalSetup(): void {
  if (!existsSync('out/main/index.js') || !existsSync('out/renderer/index.html')) {
    throw new Error('No build found: run "npm run build" before the e2e suite (npm test does).');
  }
  console.log(`\n${describeMode(launchMode())}\n`);
}
