import { resolve } from 'node:path';
import { parseFlags } from '../cli/flags';
import { defaultNotebookPath } from '../notebook/user-data';

export type HostArgs = { ok: true; help: boolean; port: number; notebookPath: string } | { ok: false; error: string };

/** `[--port N] [--notebook FILE] [--help]`, for the browser host and for npm start without Electron. */
export function parseHostArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): HostArgs {
  const parsed = parseFlags(argv, { port: 'string', notebook: 'string', help: 'boolean' });
  if (!parsed.ok) return parsed;
  const port = parsed.values.port === undefined ? 0 : Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: `--port must be a whole number from 0 to 65535, not "${String(parsed.values.port)}"` };
  }
  const notebook = (parsed.values.notebook as string | undefined) ?? defaultNotebookPath(env);
  return { ok: true, help: parsed.values.help === true, port, notebookPath: resolve(notebook) };
}
