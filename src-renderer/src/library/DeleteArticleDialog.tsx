import { shortcutLabel } from '@shared/commands';
import { isMac } from '../platform';
import { deleteArticle } from '../state/actions';
import { workspace } from '../state/workspace';
import { closeDialog, Modal } from '../ui/Modal';

/** Deleting an article takes its notes with it: the dialog says how many, and that undo and backups keep them. */
export function DeleteArticleDialog({ articleId }: { articleId: string }) {
  const summary = workspace.value?.articles.find((a) => a.id === articleId);
  if (!summary) return null;
  const only = (workspace.value?.articles.length ?? 0) <= 1;
  return (
    <Modal title={`Delete “${summary.title}”?`}>
      {only ? (
        <p>This is the notebook’s only article. Import another before deleting it.</p>
      ) : (
        <p>
          Its {summary.notes} note{summary.notes === 1 ? '' : 's'} ({summary.openLeads} open lead{summary.openLeads === 1 ? '' : 's'}) and {summary.versions > 0 ? `${summary.versions} earlier version${summary.versions === 1 ? '' : 's'} of its text and ` : ''}its highlights go with it.
          You can undo this ({shortcutLabel('undo', isMac)}), and the backups keep it too.
        </p>
      )}
      <div class="modal-actions">
        <button type="button" onClick={closeDialog} autoFocus={only}>
          {only ? 'Close' : 'Cancel'}
        </button>
        {!only && (
          <button
            type="button"
            class="danger primary"
            autoFocus
            onClick={() => {
              closeDialog();
              void deleteArticle(articleId);
            }}
          >
            Delete article and its notes
          </button>
        )}
      </div>
    </Modal>
  );
}
