import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { BackupEntry } from '@shared/api';
import { ApiCallError, call } from '../api/client';
import { restoreBackup, unpinBackups } from '../state/actions';
import { showToast } from '../state/ui';
import { closeDialog, CloseFooter, Modal } from './Modal';

/**
 * File → Restore Backup…: lists the backups, newest first; restoring keeps a copy of the
 * current file. Pinned backups (taken before a damage or a restore) say why and stay until unpinned.
 */
export function BackupsDialog() {
  const backups = useSignal<BackupEntry[] | null>(null);
  const failure = useSignal<string | null>(null);

  useEffect(() => {
    call('listBackups', {}).then(
      (list) => (backups.value = list),
      (error: unknown) => (failure.value = error instanceof ApiCallError ? error.message : String(error)),
    );
  }, []);

  const restore = async (backup: BackupEntry): Promise<void> => {
    try {
      await restoreBackup(backup.id);
      closeDialog();
      showToast(`Restored the backup from ${formatTime(backup.createdAt)}. The notebook as it was is kept as a pinned backup.`);
    } catch (error) {
      showToast(error instanceof ApiCallError ? error.message : String(error), { tone: 'error' });
    }
  };

  const unpin = async (backup: BackupEntry): Promise<void> => {
    try {
      backups.value = await unpinBackups([backup.id]);
    } catch (error) {
      showToast(error instanceof ApiCallError ? error.message : String(error), { tone: 'error' });
    }
  };

  return (
    <Modal title="Restore a backup">
      {failure.value && <p class="error-message">{failure.value}</p>}
      {backups.value === null && !failure.value && <p role="status">Looking for backups…</p>}
      {backups.value?.length === 0 && <p>There are no backups of this notebook yet. Leadline makes them as you work.</p>}
      {backups.value && backups.value.length > 0 && (
        <ul class="backup-list">
          {backups.value.map((backup) => (
            <li key={backup.id} class={backup.pinned ? 'pinned' : undefined}>
              <span>{formatTime(backup.createdAt)}</span>
              <span class="muted">{formatBytes(backup.bytes)}</span>
              <button type="button" onClick={() => void restore(backup)}>
                Restore
              </button>
              {backup.pinned && (
                <span class="pin-note">
                  Pinned: {backup.pinned.replace(/ on (\S+)$/, (_, at: string) => ` on ${formatTime(at)}`)}.{' '}
                  <button type="button" class="link-button" onClick={() => void unpin(backup)} aria-label={`Unpin the backup from ${formatTime(backup.createdAt)}`}>
                    Unpin
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <CloseFooter />
    </Modal>
  );
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
