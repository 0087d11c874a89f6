/**
 * The File menu's notebook commands, end to end in Node: Electron's dialogs, shell and
 * windows are stand-ins (no Electron binary here); the notebooks, their locks and the
 * recent list are real files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockPathFor } from '../notebook/lock-file';
import { notebookOpener } from '../notebook/open-notebook';
import { readNotebookFile } from '../notebook/store';
import { startNotebookService } from '../notebook/service';

const electron = vi.hoisted(() => {
  const windowLog: string[] = [];
  /** What the page does as it unloads: App.tsx sends the drafts typed so far. */
  const onUnload: { current: (() => void) | null } = { current: null };
  const window = {
    loadURL: async (url: string) => {
      onUnload.current?.();
      windowLog.push(`load ${url}`);
    },
    webContents: {
      reload: () => {
        onUnload.current?.();
        windowLog.push('reload');
      },
    },
  };
  return {
    windowLog,
    onUnload,
    paths: { documents: '', userData: '' },
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    showItemInFolder: vi.fn(),
    openPath: vi.fn(async () => ''),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    window,
  };
});

vi.mock('electron', () => ({
  app: {
    getPath: (name: 'documents' | 'userData') => electron.paths[name],
    getVersion: () => '0.1.0',
    addRecentDocument: electron.addRecentDocument,
    clearRecentDocuments: electron.clearRecentDocuments,
  },
  BrowserWindow: { getAllWindows: () => [electron.window], getFocusedWindow: () => electron.window },
  dialog: { showOpenDialog: electron.showOpenDialog, showSaveDialog: electron.showSaveDialog, showMessageBox: electron.showMessageBox },
  shell: { showItemInFolder: electron.showItemInFolder, openPath: electron.openPath },
}));

const { notebookActions } = await import('./notebook-actions');
const { notebookSession } = await import('./notebook-session');

const resources = join(import.meta.dirname, '../../resources');
const APP_URL = 'app://leadline/index.html';

let dir: string;
let recentFile: string;
let changes: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadline-actions-'));
  electron.paths.documents = dir;
  electron.paths.userData = join(dir, 'user-data');
  recentFile = join(dir, 'recent-notebooks.json');
  electron.windowLog.length = 0;
  electron.onUnload.current = null;
  changes = 0;
  vi.clearAllMocks();
});

let closeLast: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeLast?.();
  rmSync(dir, { recursive: true, force: true });
});

const startService = (path: string) => startNotebookService({ open: notebookOpener(path, resources), app: { name: 'Leadline', version: '0.1.0', host: 'electron' }, platform: { chooseExportPath: async () => null, openExternal: async () => false } });

async function desktop(firstPath = join(dir, 'first.json')) {
  const session = notebookSession({ path: firstPath, service: await startService(firstPath) });
  closeLast = () => session.close();
  const actions = notebookActions({ session, startService, appUrl: APP_URL, recentFile, changed: () => changes++ });
  actions.remember(firstPath);
  return { session, actions, firstPath };
}

const recent = (): string[] => (JSON.parse(readFileSync(recentFile, 'utf8')) as { notebooks: string[] }).notebooks;

describe('Open Notebook…', () => {
  it('parks the window, saves its last typing into the old notebook, unlocks it, and loads the new one', async () => {
    const { session, actions, firstPath } = await desktop();
    const other = join(dir, 'other.json');
    const otherService = await startService(other);
    await otherService.close();
    const noteId = await session.use(async (h) => {
      const articles = await h.listArticles({});
      return (await h.createNote({ articleId: articles[0]!.id, kind: 'annotation', selectors: [], excerptIds: [] })).noteId;
    });
    // The page sends its draft as it unloads; it must reach the notebook it was typed in.
    electron.onUnload.current = () => {
      electron.onUnload.current = null;
      void session.dispatch('updateNote', { id: noteId, body: 'typed just before switching' });
    };
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [other] });

    await actions.openNotebook();

    expect(session.path()).toBe(other);
    expect(electron.windowLog).toEqual(['load about:blank', `load ${APP_URL}`]);
    const first = await readNotebookFile(firstPath);
    expect(first.notes.find((n) => n.id === noteId)?.body).toBe('typed just before switching');
    expect(existsSync(lockPathFor(firstPath))).toBe(false);
    expect(existsSync(lockPathFor(other))).toBe(true);
    expect(recent()).toEqual([other, firstPath]);
    expect(electron.addRecentDocument).toHaveBeenLastCalledWith(other);
    expect(changes).toBe(1);
  });

  it('refuses a file that is not a notebook, leaving it and the open notebook alone', async () => {
    const { session, actions, firstPath } = await desktop();
    const foreign = join(dir, 'package.json');
    writeFileSync(foreign, '{"name":"x"}');
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [foreign] });
    await actions.openNotebook();
    expect(session.path()).toBe(firstPath);
    expect(readFileSync(foreign, 'utf8')).toBe('{"name":"x"}');
    expect(electron.windowLog).toEqual([]);
    expect(electron.showMessageBox).toHaveBeenCalledWith(electron.window, expect.objectContaining({ type: 'warning', message: expect.stringContaining('“package.json” is not a Leadline notebook') }));
  });

  it('does nothing when cancelled, or when the open notebook is chosen again', async () => {
    const { session, actions, firstPath } = await desktop();
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await actions.openNotebook();
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [firstPath] });
    await actions.openNotebook();
    expect(session.path()).toBe(firstPath);
    expect(electron.windowLog).toEqual([]);
  });
});

describe('New Notebook…', () => {
  it('makes a notebook (with the bundled article) where asked, .json added, and switches to it', async () => {
    const { session, actions } = await desktop();
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'Syria') });
    await actions.newNotebook();
    const made = join(dir, 'Syria.json');
    expect(session.path()).toBe(made);
    expect((await readNotebookFile(made)).articles).toHaveLength(1);
  });

  it('never overwrites an existing file', async () => {
    const { session, actions, firstPath } = await desktop();
    const taken = join(dir, 'taken.json');
    writeFileSync(taken, 'mine');
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: taken });
    await actions.newNotebook();
    expect(session.path()).toBe(firstPath);
    expect(readFileSync(taken, 'utf8')).toBe('mine');
    expect(electron.showMessageBox).toHaveBeenCalledWith(electron.window, expect.objectContaining({ message: expect.stringContaining('already exists') }));
  });
});

describe('Open Recent', () => {
  it('switches to a recent notebook; a gone one is refused and the menu refreshed', async () => {
    const { session, actions, firstPath } = await desktop();
    const second = join(dir, 'second.json');
    await (await startService(second)).close();
    await actions.openRecent(second);
    expect(session.path()).toBe(second);
    await actions.openRecent(join(dir, 'gone.json'));
    expect(session.path()).toBe(second);
    expect(electron.showMessageBox).toHaveBeenLastCalledWith(electron.window, expect.objectContaining({ message: expect.stringContaining('could not read “gone.json”') }));
    await actions.openRecent(firstPath);
    expect(recent()).toEqual([firstPath, second]);
  });

  it('Clear Menu keeps only the open notebook', async () => {
    const { actions, firstPath } = await desktop();
    const second = join(dir, 'second.json');
    await (await startService(second)).close();
    await actions.openRecent(second);
    actions.clearRecent();
    expect(recent()).toEqual([second]);
    expect(existsSync(firstPath)).toBe(true);
    expect(electron.clearRecentDocuments).toHaveBeenCalled();
  });
});

describe('the other commands', () => {
  it('Reveal Notebook in Folder shows the open notebook in the file manager', async () => {
    const { actions, firstPath } = await desktop();
    actions.revealNotebook();
    expect(electron.showItemInFolder).toHaveBeenCalledWith(firstPath);
  });

  it('About names the version, the notebook and the data folder, and can open that folder', async () => {
    const { actions, firstPath } = await desktop();
    electron.showMessageBox.mockResolvedValueOnce({ response: 1 });
    await actions.showAbout();
    expect(electron.showMessageBox).toHaveBeenCalledWith(
      electron.window,
      expect.objectContaining({ message: 'Leadline 0.1.0', detail: expect.stringContaining(`Notebook: ${firstPath}\nData folder: ${electron.paths.userData}`) }),
    );
    expect(electron.openPath).toHaveBeenCalledWith(electron.paths.userData);
  });

  it('a file opened with Leadline is imported, opened and shown; one that cannot be is named', async () => {
    const { session, actions } = await desktop();
    const article = join(dir, 'report.md');
    writeFileSync(article, '# A report\n\nIt says something worth checking.\n');
    await actions.openFiles([article, join(dir, 'missing.txt')]);
    const { article: shown } = await session.use((h) => h.getWorkspace({}));
    expect(shown.title).toBe('A report');
    expect(electron.windowLog).toEqual(['reload']);
    expect(electron.showMessageBox).toHaveBeenCalledWith(electron.window, expect.objectContaining({ message: 'Leadline could not open every file.', detail: 'Leadline could not read “missing.txt” (ENOENT). Nothing was imported.' }));
  });
});
