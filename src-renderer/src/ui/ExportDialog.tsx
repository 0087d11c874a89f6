import { useSignal } from '@preact/signals';
import { ApiCallError, call } from '../api/client';
import { enqueue } from '../state/mutation-queue';
import { showToast } from '../state/ui';
import { article, workspace } from '../state/workspace';
import { closeDialog, Modal } from './Modal';

/** Export Markdown: choose the scope, then a save dialog (desktop) or a download (browser host). */
export function ExportDialog({ initialScope = 'article' }: { initialScope?: 'article' | 'all' }) {
  const scopeKind = useSignal<'article' | 'all'>(initialScope);
  const busy = useSignal(false);
  const current = article.value;
  if (!current) return null;

  const run = async (): Promise<void> => {
    busy.value = true;
    const scope = scopeKind.value === 'all' ? ({ kind: 'all' } as const) : ({ kind: 'article', articleId: current.id } as const);
    try {
      if (workspace.value?.app.host === 'electron') {
        // Through the queue: the file holds every note as saved, drafts included.
        const { savedTo } = await enqueue(() => call('saveExport', { scope }));
        closeDialog();
        if (savedTo) showToast(`Exported to ${savedTo}`);
      } else {
        const { fileName, markdown } = await enqueue(() => call('exportMarkdown', { scope }));
        download(fileName, markdown);
        closeDialog();
        showToast(`Downloaded ${fileName}`);
      }
    } catch (error) {
      busy.value = false;
      showToast(error instanceof ApiCallError ? error.message : `Export failed: ${String(error)}`, { tone: 'error' });
    }
  };

  return (
    <Modal title="Export Markdown">
      <fieldset class="scope">
        <legend>What to export</legend>
        <label>
          <input type="radio" name="scope" checked={scopeKind.value === 'article'} onChange={() => (scopeKind.value = 'article')} /> This article — “{current.title}”
        </label>
        <label>
          <input type="radio" name="scope" checked={scopeKind.value === 'all'} onChange={() => (scopeKind.value = 'all')} /> The whole notebook ({workspace.value?.articles.length ?? 1} article{workspace.value?.articles.length === 1 ? '' : 's'})
        </label>
      </fieldset>
      <div class="modal-actions">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        <button type="button" class="primary" disabled={busy.value} autoFocus onClick={() => void run()}>
          {workspace.value?.app.host === 'electron' ? 'Export…' : 'Download'}
        </button>
      </div>
    </Modal>
  );
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
