import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron uses as userData for Leadline, computed without Electron so
 * the browser host and the CLI open the same notebook as the desktop app.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LEADLINE_USER_DATA) return env.LEADLINE_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Leadline');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Leadline');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Leadline');
}

export function defaultNotebookPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LEADLINE_NOTEBOOK || join(defaultUserDataDir(env), 'notebook.json');
}
