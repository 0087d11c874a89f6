import { useSignal } from '@preact/signals';
import { MAX_ANNOTATION_FILE_BYTES } from '@shared/api';
import { describeImport } from '@shared/import-report';
import { ApiCallError } from '../api/client';
import { perform } from '../state/actions';
import { showToast } from '../state/ui';
import { article, reloadWorkspace } from '../state/workspace';
import { ActionFooter, closeDialog, Modal } from '../ui/Modal';
import { fileData } from './import-files';

/**
 * Import Annotations: a W3C Web Annotation (JSON-LD) or Hypothesis JSON file, put on the
 * articles it names by their address, or all on the open article. One undo step.
 */
export function ImportAnnotationsDialog() {
  const file = useSignal<File | null>(null);
  const target = useSignal<'named' | 'current'>('named');
  const busy = useSignal(false);
  const current = article.value;
  if (!current) return null;

  const run = async (): Promise<void> => {
    const chosen = file.value;
    if (!chosen) return;
    if (chosen.size > MAX_ANNOTATION_FILE_BYTES) {
      showToast(`“${chosen.name}” is ${(chosen.size / 1024 / 1024).toFixed(1)} MB, more than the 50 MB an annotations file may be; export fewer annotations at a time. Nothing was imported.`, { tone: 'error' });
      return;
    }
    busy.value = true;
    try {
      const input = { fileName: chosen.name, data: await fileData(chosen), ...(target.value === 'current' ? { articleId: current.id } : {}) };
      const { report } = await perform('annotation import', 'importAnnotations', input);
      closeDialog();
      // Notes may have gone to other articles: the library's counts come from the store.
      await reloadWorkspace();
      showToast(describeImport(report).join('. ') + '.', { sticky: report.orphans.length > 0 || report.unmatched.length > 0 });
    } catch (error) {
      busy.value = false;
      // perform() has shown why; anything else is said here.
      if (!(error instanceof ApiCallError)) showToast(`Import failed: ${String(error)}`, { tone: 'error' });
    }
  };

  return (
    <Modal title="Import Annotations">
      <label class="file-field">
        W3C Web Annotations (JSON-LD) or Hypothesis JSON
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => (file.value = e.currentTarget.files?.[0] ?? null)} />
      </label>
      <fieldset class="scope">
        <legend>Where they go</legend>
        <label>
          <input type="radio" name="target" checked={target.value === 'named'} onChange={() => (target.value = 'named')} /> The articles they are about (by their web address)
        </label>
        <label>
          <input type="radio" name="target" checked={target.value === 'current'} onChange={() => (target.value = 'current')} /> This article — “{current.title}”
        </label>
      </fieldset>
      <ActionFooter label="Import" disabled={busy.value || !file.value} onAction={() => void run()} />
    </Modal>
  );
}
