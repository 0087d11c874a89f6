import { useEffect, useState } from 'preact/hooks';
import { connect } from './api/client';
import { installKeyboard, reportMenuContext, runCommand } from './keyboard';
import { DeleteDialog } from './notes/DeleteDialog';
import { LinkPicker } from './notes/LinkPicker';
import { NotesPane } from './notes/NotesPane';
import { Reader } from './reader/Reader';
import { afterNextPaint } from './reader/idle';
import { checkForChanges, sendDraftsNow } from './state/actions';
import { dialog } from './state/ui';
import { libraryOpen, toggleLibrary } from './state/preferences';
import { DeleteArticleDialog } from './library/DeleteArticleDialog';
import { LeadsDialog } from './library/LeadsDialog';
import { LibrarySidebar } from './library/LibrarySidebar';
import { PasteDialog } from './library/PasteDialog';
import { ImportAnnotationsDialog } from './library/ImportAnnotationsDialog';
import { ImportProgressBar } from './library/ImportProgressBar';
import { importFiles } from './library/import-files';
import { loadError, recordsPending, workspace } from './state/workspace';
import { BackupsDialog } from './ui/BackupsDialog';
import { ErrorScreen } from './ui/ErrorScreen';
import { ExportDialog } from './ui/ExportDialog';
import { ShortcutsDialog } from './ui/ShortcutsDialog';
import { ViewDialog } from './ui/ViewDialog';
import { StoreBanner } from './ui/StoreBanner';
import { ToastHost } from './ui/Toast';

const CHANGE_CHECK_MS = 2000;

export function App() {
  useEffect(() => {
    const removeKeys = installKeyboard();
    const shell = connect();
    const removeCommands = shell.onCommand(runCommand);
    const stopReporting = reportMenuContext((context) => shell.reportMenuContext(context));
    const flush = (): void => sendDraftsNow();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    // Other windows and tabs on this notebook (and, read-only, another process): their
    // saves show here within a few seconds, and at once when this window comes to the front.
    const check = (): void => {
      if (document.visibilityState === 'visible' && workspace.value) void checkForChanges();
    };
    const timer = setInterval(check, CHANGE_CHECK_MS);
    // Files dropped anywhere on the window are imported (never opened by the page).
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      void importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      removeKeys();
      removeCommands();
      stopReporting();
      clearInterval(timer);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    };
  }, []);

  const paneShown = useNotesPaneAfterArticle(workspace.value !== null) && !recordsPending.value;
  const error = loadError.value;
  if (error) return <ErrorScreen error={error} />;
  if (!workspace.value) {
    return (
      <div class="loading" role="status">
        Opening notebook…
      </div>
    );
  }
  document.title = `${workspace.value.article.title} — Leadline`;
  return (
    <div class="app">
      <StoreBanner />
      <div class={`layout${libraryOpen.value ? ' with-library' : ''}`}>
        {libraryOpen.value && <LibrarySidebar />}
        <main class="reader-pane" aria-label="Article" tabIndex={0}>
          {/* Its name holds the count it shows (a name unlike the visible text confuses voice control); aria-expanded says whether the library is shown. */}
          <button type="button" class="library-toggle" aria-expanded={libraryOpen.value} aria-label={`Library, ${articleCount(workspace.value.articles.length)}`} title={libraryOpen.value ? 'Hide the library' : 'Show the library'} onClick={toggleLibrary}>
            ☰ <span>{workspace.value.articles.length}</span>
          </button>
          <Reader />
        </main>
        <aside class="notes-pane" aria-label="Notes" aria-busy={!paneShown}>
          {paneShown ? (
            <NotesPane />
          ) : (
            <p class="loading" role="status">
              Loading notes…
            </p>
          )}
        </aside>
      </div>
      <Dialogs />
      <ImportProgressBar />
      <ToastHost />
    </div>
  );
}

function articleCount(n: number): string {
  return `${n} article${n === 1 ? '' : 's'}`;
}

/**
 * The notes pane comes in once the article has been painted: opening a notebook shows
 * the text first, and thousands of cards never hold back its first frame.
 */
function useNotesPaneAfterArticle(loaded: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => (loaded && !shown ? afterNextPaint(() => setShown(true)) : undefined), [loaded, shown]);
  return shown;
}

function Dialogs() {
  const open = dialog.value;
  if (!open) return null;
  switch (open.kind) {
    case 'link-picker':
      return <LinkPicker selectors={open.selectors} />;
    case 'delete-note':
      return <DeleteDialog noteId={open.noteId} />;
    case 'export':
      return <ExportDialog initialScope={open.scope} {...(open.format ? { initialFormat: open.format } : {})} />;
    case 'import-annotations':
      return <ImportAnnotationsDialog />;
    case 'backups':
      return <BackupsDialog />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'view':
      return <ViewDialog />;
    case 'leads':
      return <LeadsDialog />;
    case 'paste':
      return <PasteDialog />;
    case 'delete-article':
      return <DeleteArticleDialog articleId={open.articleId} />;
  }
}
