import { parseFlagsAndPaths } from '../cli/flags';

export const APP_USAGE = `Usage: leadline [--notebook FILE] [ARTICLE…]

  --notebook FILE   open this notebook file instead of <userData>/notebook.json
                    (the LEADLINE_NOTEBOOK environment variable does the same)
  ARTICLE           a text, Markdown or saved web page file to import and show
                    (what "Open with Leadline" passes)
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

export type AppArgs =
  | {
      ok: true;
      notebook?: string;
      help: boolean;
      /** Files to import and show ("Open with"). */
      files: string[];
      /** leadline:// links the system passed (the protocol is the app's). */
      links: string[];
    }
  | { ok: false; error: string };

export function parseAppArgs(argv: readonly string[], env: NodeJS.ProcessEnv): AppArgs {
  const parsed = parseFlagsAndPaths(
    argv.filter((arg) => !ENGINE_SWITCH.test(arg)),
    { notebook: 'string', help: 'boolean' },
  );
  if (!parsed.ok) return parsed;
  const notebook = (parsed.values.notebook as string | undefined) ?? (env.LEADLINE_NOTEBOOK || undefined);
  const isLink = (arg: string): boolean => /^leadline:/i.test(arg);
  return {
    ok: true,
    help: parsed.values.help === true,
    ...(notebook ? { notebook } : {}),
    files: parsed.paths.filter((arg) => !isLink(arg)),
    links: parsed.paths.filter(isLink),
  };
}
