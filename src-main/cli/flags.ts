/** A small command-line flag parser shared by the app, the browser host and the export CLI. */
export type FlagKind = 'string' | 'boolean';
export type FlagSpec = Record<string, FlagKind>;
export type FlagValues = Record<string, string | boolean | undefined>;

export type ParsedFlags = { ok: true; values: FlagValues } | { ok: false; error: string };

/**
 * Parses `--name value`, `--name=value` and boolean `--name`. Flags for which
 * `ignore` returns true (e.g. Chromium switches passed to Electron) are skipped.
 */
export function parseFlags(argv: readonly string[], spec: FlagSpec, ignore: (arg: string) => boolean = () => false): ParsedFlags {
  const values: FlagValues = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (ignore(arg)) continue;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) return { ok: false, error: `unexpected argument "${arg}"` };
    const name = match[1]!;
    const kind = spec[name];
    if (!kind) return { ok: false, error: `unknown flag "--${name}"` };
    if (kind === 'boolean') {
      if (match[2] !== undefined) return { ok: false, error: `--${name} takes no value` };
      values[name] = true;
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) {
      return { ok: false, error: `--${name} needs a value` };
    }
    values[name] = value;
  }
  return { ok: true, values };
}

/**
 * Flags plus the plain arguments between them (file paths): `--update ID a.md b.html`.
 * A string flag's value is the flag's, never a path.
 */
export function parseFlagsAndPaths(argv: readonly string[], spec: FlagSpec): (ParsedFlags & { ok: false }) | { ok: true; values: FlagValues; paths: string[] } {
  const flags: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      paths.push(arg);
      continue;
    }
    flags.push(arg);
    const name = /^--([a-z][a-z-]*)$/.exec(arg)?.[1];
    if (name && spec[name] === 'string' && i + 1 < argv.length) flags.push(argv[++i]!);
  }
  const parsed = parseFlags(flags, spec);
  return parsed.ok ? { ok: true, values: parsed.values, paths } : parsed;
}
