#!/usr/bin/env node
// Electron security audit: runs Doyensec's Electronegativity over the TypeScript
// sources (src-main, with src-renderer beside it so that the renderer's CSP is seen)
// and over the build (out/: main, preload, renderer), fully offline. It fails on any
// finding at MEDIUM or above, and on any LOW or INFORMATIONAL finding that the
// allowlist below does not accept with a reason.
//
// Accepting a finding at MEDIUM or above is done where the code is, with
// Electronegativity's own annotation and a reason beside it:
//     await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only http(s), after the user agrees
// The bundler drops comments, so for the build this script carries each line
// annotation over: a build finding is dropped when the same check is disabled on a
// source line whose code is exactly the finding's line (else it still fails).
//
//   node scripts/security-audit.mjs [--sources-only] [--report-dir DIR]
//
//   --sources-only    audit the sources only (before a build exists)
//   --report-dir DIR  keep Electronegativity's CSV reports there (default: a temp folder, removed)
//
// Offline by construction: Electronegativity fetches translations on every start and
// Electron's release list for one check, both through `got`. Here `got` is replaced
// by a stub that refuses at once, AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (the release
// list) is excluded, the Electron version is passed explicitly, and any socket the
// process still tries to open is refused and fails the audit.
import fs, { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const FAIL_AT = SEVERITIES.indexOf('MEDIUM');

/** Checks that are not run, and why. */
const EXCLUDED_CHECKS = {
  AvailableSecurityFixesGlobalCheck:
    'downloads the list of Electron releases from raw.githubusercontent.com; the audit runs offline. Electron is pinned in package.json and upgraded deliberately.',
};

const CSP_SELF_REASON =
  "csp-evaluator's generic caution on script-src 'self' (\"can be problematic if you host JSONP, Angular or user uploaded files\"). " +
  "The app's origin (app://leadline, or the browser host's 127.0.0.1:<port>) serves only the built renderer files from out/renderer: " +
  'no JSONP, no Angular, and notebook content is never served as a file (readRendererFile confines paths to the build).';

/**
 * The renderer's CSP as the meta tag in src-renderer/index.html states it. The CSP
 * entries below match this exact policy only: any change to it (a weaker one is
 * reported at LOW too) must be reviewed and the entries updated.
 */
const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/**
 * Findings accepted on purpose. Only LOW and INFORMATIONAL findings can be accepted:
 * one at MEDIUM or above fails the audit even when it matches an entry here.
 * An entry matches on check id, severity, target ("sources" or "out") and file (a
 * RegExp for build files, whose names may carry content hashes), and, when given,
 * on confidence and on the exact sample Electronegativity quotes.
 */
const ALLOWLIST = [
  { id: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'FIRM', target: 'sources', file: 'src-renderer/index.html', sample: RENDERER_CSP, reason: CSP_SELF_REASON },
  { id: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'FIRM', target: 'out', file: /^renderer\/index\.html$/, sample: RENDERER_CSP, reason: CSP_SELF_REASON },
];

// ---------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = { sourcesOnly: false, reportDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sources-only') options.sourcesOnly = true;
    else if (arg === '--report-dir' && argv[i + 1]) options.reportDir = argv[++i];
    else {
      console.error(`security audit: unknown argument "${arg}"\nUsage: node scripts/security-audit.mjs [--sources-only] [--report-dir DIR]`);
      process.exit(2);
    }
  }
  return options;
}

/** Refuses every outgoing socket and remembers where it was going. */
function guardNetwork() {
  const attempts = [];
  const refuse = (what) => {
    attempts.push(what);
    throw new Error(`security audit: network access refused (${what})`);
  };
  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function connect(...args) {
    const first = args[0];
    const where = typeof first === 'object' && first !== null ? `${first.host ?? first.path ?? '?'}:${first.port ?? ''}` : String(first);
    refuse(`socket to ${where}`);
    return originalConnect.apply(this, args); // never reached
  };
  return attempts;
}

/** Puts a `got` that refuses at once where Electronegativity will look for it. */
function stubGot(electronegativityDir, attempts) {
  const gotPath = require.resolve('got', { paths: [electronegativityDir] });
  const refuse = (url) => {
    attempts.push(`got ${String(url).slice(0, 120)}`);
    return Promise.reject(new Error('offline: security audit'));
  };
  const got = (url) => refuse(url);
  for (const method of ['get', 'head', 'post', 'put', 'patch', 'delete', 'stream', 'paginate']) got[method] = (url) => refuse(url);
  got.extend = () => got;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(got, { default: got }), children: [], paths: [] };
}

/** Copies the shipped source of the folders (no node_modules, no tests or test data) into `stageDir/<name>`. */
function stageSources(folders, stageDir) {
  for (const folder of folders) {
    const from = join(root, folder);
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        // Tests and their data never ship: they call openExternal and the like on purpose.
        if (entry.name === 'node_modules' || entry.name === 'testdata' || /\.test\.tsx?$/.test(entry.name)) continue;
        const source = join(dir, entry.name);
        if (entry.isDirectory()) walk(source);
        else if (/\.(ts|tsx|js|jsx|html?)$/i.test(entry.name)) {
          const target = join(stageDir, folder, relative(from, source));
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(source, target);
        }
      }
    };
    walk(from);
  }
}

/** Code of a line without its comments, whitespace collapsed: how a source line and a bundle line are compared. */
function codeOf(line) {
  return line
    .replace(/\/\*.*?\*\//g, ' ')
    .replace(/\/\/.*$/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function checkKey(name) {
  return name.replace(/_/g, '').toLowerCase();
}

/** Every line-level `eng-disable` annotation in the staged sources: check key -> set of code lines. */
function sourceAnnotations(stageDir) {
  const disabled = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|js)$/i.test(entry.name)) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          const match = /eng-disable\s+([A-Za-z_][\w\s]*)/.exec(line);
          if (!match) continue;
          const code = codeOf(line);
          if (!code) continue; // a file-level annotation: Electronegativity applies it to the sources only
          for (const id of match[1].split(/\s+/).filter((w) => /^[A-Z_]+$|^[a-z]\w*Check$/.test(w))) {
            const key = checkKey(id);
            if (!disabled.has(key)) disabled.set(key, new Set());
            disabled.get(key).add(code);
          }
        }
      }
    }
  };
  walk(stageDir);
  return disabled;
}

/**
 * Electronegativity writes its CSV header and its rows with two concurrent
 * fs.writeFile calls, so the rows can land first and the header then overwrites
 * them. While it runs, writes to the report files happen synchronously, in order.
 */
function serializeReportWrites(reportPaths) {
  const original = fs.writeFile;
  fs.writeFile = function writeFile(path, data, options, callback) {
    if (typeof path === 'string' && reportPaths.has(path)) {
      const done = typeof options === 'function' ? options : callback;
      let error = null;
      try {
        fs.writeFileSync(path, data, typeof options === 'function' ? undefined : options);
      } catch (e) {
        error = e;
      }
      process.nextTick(() => done?.(error));
      return;
    }
    return original.apply(this, arguments);
  };
  return () => {
    fs.writeFile = original;
  };
}

/**
 * A copy of the build for Electronegativity, which reads only .js/.ts/.html files:
 * the sandboxed preload is .cjs, so .cjs and .mjs files are copied as .js. The
 * renderer bundle uses private class members (#x), which Electronegativity's
 * JavaScript path (esprima, then babel + estraverse) cannot walk ("Unknown node type
 * PrivateName"); its TypeScript path (babel) can, so renderer scripts are copied as
 * .ts. Main and preload stay .js, where the checks resolve variables through scopes.
 * Returns a map from copied names back to the real ones.
 */
function stageBuild(outDir, stageDir) {
  const names = new Map();
  const walk = (from) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = join(from, entry.name);
      const rel = relative(outDir, source);
      if (entry.isDirectory()) {
        walk(source);
        continue;
      }
      if (!/\.(c|m)?js$|\.html?$/i.test(entry.name)) continue;
      const inRenderer = rel.split(sep)[0] === 'renderer';
      const stagedRel = inRenderer && /\.(c|m)?js$/i.test(rel) ? `${rel}.ts` : rel.replace(/\.(c|m)js$/i, '.$1.js');
      mkdirSync(dirname(join(stageDir, stagedRel)), { recursive: true });
      copyFileSync(source, join(stageDir, stagedRel));
      names.set(stagedRel.split(sep).join('/'), rel.split(sep).join('/'));
    }
  };
  walk(outDir);
  return names;
}

/** The CSV Electronegativity writes: a header line, then one quoted row per finding. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Waits until Electronegativity's (callback-based, unawaited) report file is complete. */
async function readReport(path, expectedRows) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (existsSync(path)) {
      const rows = parseCsv(readFileSync(path, 'utf8'));
      const header = rows[0]?.map((h) => h.trim());
      if (header?.[0] === 'issue' && header[1] === 'severity' && rows.length - 1 === expectedRows) return rows.slice(1);
    }
    if (Date.now() > deadline) {
      throw new Error(`security audit: Electronegativity's report ${path} is incomplete (expected ${expectedRows} findings)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function audit(run, { label, input, names, reportPath, electronVersion }) {
  const result = await run({
    input,
    output: reportPath,
    isSarif: false,
    isRelative: true,
    excludeFromScan: Object.keys(EXCLUDED_CHECKS),
    severitySet: 'informational',
    confidenceSet: 'tentative',
    electronVersion,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  const rows = await readReport(reportPath, result.issues.length);
  const findings = rows.map(([id, severity, confidence, file, location, sample, description]) => {
    const shown = names?.get(file) ?? file;
    return { target: label, id, severity, confidence, file: shown, location, sample, description };
  });
  // The report and the in-memory result must agree.
  const fromRun = result.issues.map((i) => `${i.id}|${i.severity.name}`).sort().join('\n');
  const fromCsv = findings.map((f) => `${f.id}|${f.severity}`).sort().join('\n');
  if (fromRun !== fromCsv) throw new Error(`security audit: the report ${reportPath} does not match Electronegativity's result`);
  const parseErrors = result.errors.map((e) => ({ file: names?.get(relative(input, e.file).split(sep).join('/')) ?? relative(input, e.file), message: e.message, tolerable: e.tolerable }));
  return { findings, parseErrors, checks: result.globalChecks + result.atomicChecks };
}

function accepted(finding) {
  return ALLOWLIST.find(
    (entry) =>
      entry.id === finding.id &&
      entry.severity === finding.severity &&
      (entry.confidence === undefined || entry.confidence === finding.confidence) &&
      (entry.sample === undefined || entry.sample === finding.sample) &&
      entry.target === finding.target &&
      (entry.file instanceof RegExp ? entry.file.test(finding.file) : entry.file === finding.file),
  );
}

function countFiles(dir, pattern) {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) n += countFiles(path, pattern);
    else if (pattern.test(entry.name)) n++;
  }
  return n;
}

async function main() {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const attempts = guardNetwork();
  const electronegativityDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  stubGot(electronegativityDir, attempts);
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const toolVersion = JSON.parse(readFileSync(join(electronegativityDir, 'package.json'), 'utf8')).version;

  // Electronegativity prints progress through console.log and winston; keep our output readable.
  const log = console.log;
  const quiet = () => {
    console.log = () => undefined;
  };
  const loud = () => {
    console.log = log;
  };

  const outDir = join(root, 'out');
  if (!options.sourcesOnly) {
    for (const part of ['main', 'preload', 'renderer']) {
      if (!existsSync(join(outDir, part)) || !statSync(join(outDir, part)).isDirectory()) {
        console.error(`security audit: no build in ${join(outDir, part)}. Run "npm run build" first (or pass --sources-only).`);
        process.exit(1);
      }
    }
  }

  const work = mkdtempSync(join(tmpdir(), 'leadline-audit-'));
  const reportDir = options.reportDir ?? work;
  mkdirSync(reportDir, { recursive: true });
  const sourcesStage = join(work, 'sources');
  stageSources(['src-main', 'src-renderer'], sourcesStage);
  const annotations = sourceAnnotations(sourcesStage);
  const targets = [{ label: 'sources', input: sourcesStage, names: undefined, reportPath: join(reportDir, 'electronegativity-sources.csv') }];
  if (!options.sourcesOnly) {
    const stage = join(work, 'out');
    mkdirSync(stage);
    targets.push({ label: 'out', input: stage, names: stageBuild(outDir, stage), reportPath: join(reportDir, 'electronegativity-out.csv') });
  }

  let run;
  const findings = [];
  const parseErrors = [];
  const scanned = [];
  const restoreWrites = serializeReportWrites(new Set(targets.map((t) => t.reportPath)));
  try {
    quiet();
    run = require('@doyensec/electronegativity');
    for (const target of targets) {
      const result = await audit(run, { ...target, electronVersion });
      findings.push(...result.findings);
      parseErrors.push(...result.parseErrors.map((e) => ({ ...e, target: target.label })));
      scanned.push(`${target.label} (${countFiles(target.input, /\.(ts|tsx|js|html?)$/i)} files, ${result.checks} checks)`);
    }
  } finally {
    loud();
    restoreWrites();
    // The staged copies go; the reports stay only in a --report-dir outside this folder.
    rmSync(work, { recursive: true, force: true });
  }

  log(`Electronegativity ${toolVersion}, Electron ${electronVersion}, offline: ${scanned.join('; ')}`);
  log(`Excluded checks: ${Object.entries(EXCLUDED_CHECKS).map(([id, why]) => `${id} (${why})`).join('; ')}`);

  const annotationCount = [...annotations.values()].reduce((n, lines) => n + lines.size, 0);
  if (annotationCount > 0) log(`Source lines with eng-disable annotations: ${annotationCount} (${[...annotations.keys()].join(', ')})`);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  log(`Findings by severity, before acceptance: ${SEVERITIES.slice().reverse().map((s) => `${s} ${bySeverity[s]}`).join(', ')}`);

  const failures = [];
  const acceptedFindings = [];
  const annotated = [];
  for (const f of findings) {
    const rank = SEVERITIES.indexOf(f.severity);
    if (f.target === 'out' && annotations.get(checkKey(f.id))?.has(codeOf(f.sample ?? ''))) {
      annotated.push(f);
      continue;
    }
    const entry = accepted(f);
    if (rank < 0) failures.push({ ...f, why: `unknown severity "${f.severity}"` });
    else if (rank >= FAIL_AT) failures.push({ ...f, why: entry ? 'at MEDIUM or above: cannot be allowlisted' : 'at MEDIUM or above' });
    else if (!entry) failures.push({ ...f, why: 'not in the allowlist' });
    else acceptedFindings.push({ ...f, reason: entry.reason });
  }

  if (annotated.length > 0) {
    log(`Accepted in the build by an eng-disable annotation on the same source line (${annotated.length}):`);
    for (const f of annotated) log(`  ${f.severity} ${f.id} ${f.target}/${f.file}:${f.location}: ${f.sample}`);
  }
  if (acceptedFindings.length > 0) {
    log(`Accepted (${acceptedFindings.length}):`);
    for (const f of acceptedFindings) log(`  ${f.severity} ${f.id} ${f.target}/${f.file}:${f.location}: ${f.reason}`);
  }
  const scannedTargets = new Set(targets.map((t) => t.label));
  const unused = ALLOWLIST.filter((entry) => scannedTargets.has(entry.target) && !acceptedFindings.some((f) => accepted(f) === entry));
  for (const entry of unused) log(`  note: allowlist entry ${entry.id} ${entry.target}/${entry.file} matched nothing; remove it if the finding is gone.`);

  // A file that cannot be parsed was not audited.
  const unparsed = parseErrors.filter((e) => !e.tolerable);
  for (const e of parseErrors.filter((e) => e.tolerable)) log(`  warning: ${e.target}/${e.file}: ${e.message}`);
  for (const e of unparsed) failures.push({ target: e.target, id: 'PARSE_ERROR', severity: '-', file: e.file, location: '-', sample: '', description: e.message, why: 'not audited: Electronegativity could not parse it' });

  if (attempts.length > 0) {
    log(`Network access refused: ${attempts.join('; ')} (Electronegativity fetches translations on start; the stub refused it before any socket opened)`);
    // Translations are fetched on every start; the stub refuses that one before any socket opens.
    const sockets = attempts.filter((a) => !a.startsWith('got '));
    const unexpected = attempts.filter((a) => a.startsWith('got ') && !a.includes('electronegativity-i18n'));
    if (sockets.length > 0 || unexpected.length > 0) failures.push({ target: '-', id: 'NETWORK', severity: '-', file: '-', location: '-', sample: '', description: [...sockets, ...unexpected].join('; '), why: 'the audit must run offline' });
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length > 0) {
    console.error(`\nsecurity audit FAILED (${failures.length}):`);
    for (const f of failures) {
      console.error(`  ${f.severity} ${f.id} ${f.target}/${f.file}:${f.location} [${f.confidence ?? ''}] ${f.why}`);
      console.error(`    ${f.description}`);
      if (f.sample) console.error(`    > ${f.sample.slice(0, 200)}`);
    }
    console.error(`(${seconds} s)`);
    process.exit(1);
  }
  log(`security audit: 0 findings at MEDIUM or above (${seconds} s)`);
}

main().catch((error) => {
  console.log = console.log ?? (() => undefined);
  console.error(`security audit: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
