import { useSignal } from '@preact/signals';
import type { ExportFormat, MarkdownFlavor } from '@shared/api';
import { ApiCallError, call } from '../api/client';
import { enqueue } from '../state/mutation-queue';
import { showToast, type ExportChoice } from '../state/ui';
import { article, workspace } from '../state/workspace';
import { ActionFooter, closeDialog, Modal } from './Modal';

const CHOICES: Array<{ choice: ExportChoice; label: string; hint: string; format: ExportFormat; flavor?: MarkdownFlavor }> = [
  { choice: 'markdown', label: 'Markdown', hint: 'notes that read well on their own (GitHub, pandoc)', format: 'markdown' },
  { choice: 'obsidian', label: 'Markdown for Obsidian', hint: 'block ids and [[#^e1|E1]] links', format: 'markdown', flavor: 'obsidian' },
  { choice: 'w3c', label: 'Web Annotations (JSON-LD)', hint: 'W3C standard: Hypothesis and other annotation tools', format: 'w3c' },
  { choice: 'csv', label: 'Leads as CSV', hint: 'one row per lead, for a spreadsheet', format: 'csv' },
];

/** Export: choose the scope and the format, then a save dialog (desktop) or a download (browser host). */
export function ExportDialog({ initialScope = 'article', initialFormat = 'markdown' }: { initialScope?: 'article' | 'all'; initialFormat?: ExportChoice }) {
  const scopeKind = useSignal<'article' | 'all'>(initialScope);
  const choice = useSignal<ExportChoice>(initialFormat);
  const busy = useSignal(false);
  const current = article.value;
  if (!current) return null;

  const run = async (): Promise<void> => {
    busy.value = true;
    const scope = scopeKind.value === 'all' ? ({ kind: 'all' } as const) : ({ kind: 'article', articleId: current.id } as const);
    const { format, flavor } = CHOICES.find((c) => c.choice === choice.value)!;
    const request = { scope, format, ...(flavor ? { flavor } : {}) };
    try {
      if (workspace.value?.app.host === 'electron') {
        // Through the queue: the file holds every note as saved, drafts included.
        const { savedTo } = await enqueue(() => call('saveExportFile', request));
        closeDialog();
        if (savedTo) showToast(`Exported to ${savedTo}`);
      } else {
        const { fileName, mediaType, text } = await enqueue(() => call('exportFile', request));
        download(fileName, mediaType, text);
        closeDialog();
        showToast(`Downloaded ${fileName}`);
      }
    } catch (error) {
      busy.value = false;
      showToast(error instanceof ApiCallError ? error.message : `Export failed: ${String(error)}`, { tone: 'error' });
    }
  };

  return (
    <Modal title="Export">
      <fieldset class="scope">
        <legend>What to export</legend>
        <label>
          <input type="radio" name="scope" checked={scopeKind.value === 'article'} onChange={() => (scopeKind.value = 'article')} /> This article — “{current.title}”
        </label>
        <label>
          <input type="radio" name="scope" checked={scopeKind.value === 'all'} onChange={() => (scopeKind.value = 'all')} /> The whole notebook ({workspace.value?.articles.length ?? 1} article{workspace.value?.articles.length === 1 ? '' : 's'})
        </label>
      </fieldset>
      <fieldset class="scope">
        <legend>Format</legend>
        {CHOICES.map((c) => (
          <label key={c.choice}>
            <input type="radio" name="format" checked={choice.value === c.choice} onChange={() => (choice.value = c.choice)} /> {c.label} <span class="hint">— {c.hint}</span>
          </label>
        ))}
      </fieldset>
      <ActionFooter label={workspace.value?.app.host === 'electron' ? 'Export…' : 'Download'} disabled={busy.value} autoFocus onAction={() => void run()} />
    </Modal>
  );
}

function download(fileName: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
