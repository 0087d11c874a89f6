/**
 * A child process for the crash and lock tests. It drives the REAL store (bundled with
 * rolldown by crash-harness.ts, since Node 20 cannot run .ts) and reports on stdout,
 * one line per event. stdout is a pipe, which Node writes synchronously on Linux and
 * macOS, so a line the parent reads was written before the next statement ran.
 *
 *   edit <notebook>  commits edits k0+1, k0+2, … in bursts (so writes coalesce) and prints
 *                    "ready <k0>" once open, "ack <k>" after commit k resolves — forever,
 *                    until the parent SIGKILLs it. "readonly <reason>" if the lock is busy.
 *   hold <notebook>  opens the notebook, prints "status <json>", then waits for a line on
 *                    stdin: "close" closes the store, "exit" calls process.exit(0) without
 *                    closing (the exit hook must still remove the lock).
 */
import { createInterface } from 'node:readline';
import { counterOf, stateAt } from './crash-harness';
import { openNotebookStore, type NotebookStore } from '../store';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function edit(path: string): Promise<void> {
  const store = await openNotebookStore({
    path,
    seed: () => stateAt(0),
    // Back up far more often than the app does, so kills also land inside backup writes.
    backupPolicy: { minSpacingMs: 250, keepRecent: 10, keepDailyDays: 7 },
    // Compact far more often too, so kills also land inside snapshot writes and journal resets.
    compaction: { idleMs: 40, maxJournalBytes: 48 * 1024 },
  });
  if (store.status().readOnly) {
    say(`readonly ${store.status().readOnlyReason ?? ''}`);
    process.exit(0);
  }
  let k = counterOf(store.read());
  say(`ready ${k}`);
  for (;;) {
    const burst = 1 + Math.floor(Math.random() * 4);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < burst; i++) {
      const n = ++k;
      // Only a commit that reached the disk is acknowledged.
      pending.push(store.commit(stateAt(n)).then(({ onDisk }) => void (onDisk && say(`ack ${n}`))));
    }
    await Promise.all(pending);
  }
}

async function hold(path: string): Promise<void> {
  const store: NotebookStore = await openNotebookStore({ path, seed: () => stateAt(0) });
  say(`status ${JSON.stringify(store.status())}`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'close') {
      await store.close();
      say('closed');
      process.exit(0);
    }
    if (line === 'exit') process.exit(0);
  }
}

const [mode, path] = process.argv.slice(2);
if (!path || (mode !== 'edit' && mode !== 'hold')) {
  process.stderr.write('usage: crash-child.mjs edit|hold <notebook.json>\n');
  process.exit(2);
}
(mode === 'edit' ? edit(path) : hold(path)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
