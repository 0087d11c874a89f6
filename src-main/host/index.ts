/**
 * `npm run host -- [--port N] [--notebook FILE]`: the browser host. Serves the
 * production renderer on 127.0.0.1 with the notebook API over HTTP, for any
 * Chromium where no Electron binary can be had. Prints exactly one line to stdout
 * when ready: `Leadline host: http://127.0.0.1:<port>/?token=<token>`.
 */
import { parseHostArgs } from './host-args';
import { startHost } from './start-host';

const USAGE = `Usage: npm run host -- [--port N] [--notebook FILE]

  --port N          listen on 127.0.0.1:N (default: a free port)
  --notebook FILE   notebook file (default: LEADLINE_NOTEBOOK, else the desktop app's notebook)
  --help            show this message`;

async function main(): Promise<number> {
  const args = parseHostArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`leadline host: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const host = await startHost({ ...args, mainDir: import.meta.dirname });
  if (host.openError) console.error(`leadline host: ${host.openError}`);

  // Signals first, then the ready line: a SIGTERM right after it must still close the notebook.
  const stopped = new Promise<number>((done) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      host.stop().then(
        () => done(0),
        (error: unknown) => {
          console.error(`leadline host: ${error instanceof Error ? error.message : String(error)}`);
          done(1);
        },
      );
    };
    // `on`, not `once`: Ctrl+C reaches the host from the terminal and again through npm's scripts.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write(`Leadline host: ${host.url}\n`);
  return stopped;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`leadline host: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
