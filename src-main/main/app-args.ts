import { parseFlags } from '../cli/flags';
import { DEEP_LINK_SCHEME } from '../shared/deep-link';

export const APP_USAGE = `Usage: leadline [--notebook FILE] [leadline://open?…]

  --notebook FILE   open this notebook file instead of <userData>/notebook.json
                    (the LEADLINE_NOTEBOOK environment variable does the same)
  leadline://…      a deep link to open (an excerpt or note of the notebook it names)
  --help            show this message`;

/** Switches Chromium, Electron or a test driver may add; they are not ours to judge. */
const ENGINE_SWITCH = /^--(no-sandbox|inspect(-brk)?(=.*)?|remote-debugging-port=.*|remote-debugging-pipe|enable-logging(=.*)?|disable-gpu|disable-dev-shm-usage|ozone-platform=.*|enable-features=.*|disable-features=.*|user-data-dir=.*|no-zygote|headless(=.*)?|force-device-scale-factor=.*|lang=.*|allow-file-access-from-files|disable-renderer-backgrounding)$/;

/**
 * The user's arguments from process.argv: after the executable and, when Electron
 * runs an unpackaged app, after the app path — which may come after engine switches
 * (a test driver puts --inspect and the like first).
 */
export function userArguments(argv: readonly string[], defaultApp: boolean): string[] {
  const rest = argv.slice(1);
  if (!defaultApp) return rest;
  const appPath = rest.findIndex((arg) => !arg.startsWith('-'));
  return appPath < 0 ? rest : rest.filter((_, i) => i !== appPath);
}

export type AppArgs = { ok: true; notebook?: string; help: boolean; link?: string } | { ok: false; error: string };

/** An argument the system passes when a leadline:// link is opened (on Windows and Linux). */
function isDeepLinkArg(arg: string): boolean {
  return arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`);
}

export function parseAppArgs(argv: readonly string[], env: NodeJS.ProcessEnv): AppArgs {
  const link = argv.find(isDeepLinkArg);
  const parsed = parseFlags(argv, { notebook: 'string', help: 'boolean' }, (arg) => ENGINE_SWITCH.test(arg) || isDeepLinkArg(arg));
  if (!parsed.ok) return parsed;
  const notebook = (parsed.values.notebook as string | undefined) ?? (env.LEADLINE_NOTEBOOK || undefined);
  return { ok: true, help: parsed.values.help === true, ...(notebook ? { notebook } : {}), ...(link ? { link } : {}) };
}
