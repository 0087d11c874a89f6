import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's version, from the package.json at the root of the checkout or build. */
export function appVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
