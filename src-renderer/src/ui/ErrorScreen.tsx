import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ApiError, BackupEntry } from '../../../src-main/shared/api';
import { ApiCallError, call } from '../api/client';
import { setWorkspace } from '../state/workspace';

/** Shown instead of the app when the notebook cannot be opened: what, where, what to do — and the newest backup. */
export function ErrorScreen({ error }: { error: ApiError }) {
  const backups = useSignal<BackupEntry[]>([]);
  const restoreError = useSignal<string | null>(null);
  const moved = error.details?.some((d) => d.startsWith('The damaged file was moved')) ?? false;

  useEffect(() => {
    if (error.code !== 'notebook-unavailable') return;
    call('listBackups', {}).then(
      (list) => (backups.value = list),
      () => undefined,
    );
  }, [error]);

  const restore = async (backup: BackupEntry): Promise<void> => {
    try {
      setWorkspace(await call('restoreBackup', { id: backup.id }));
    } catch (failure) {
      restoreError.value = failure instanceof ApiCallError ? failure.message : String(failure);
    }
  };

  const newest = backups.value[0];
  return (
    <div class="error-screen" role="alert">
      <h1>Leadline cannot open this notebook</h1>
      <p class="error-message">{error.message}</p>
      {error.details && error.details.length > 0 && (
        <ul class="error-details">
          {error.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {moved && newest && (
        <p>
          <button type="button" class="primary-button" onClick={() => void restore(newest)}>
            Restore the newest backup ({new Date(newest.createdAt).toLocaleString()})
          </button>
        </p>
      )}
      {restoreError.value && <p class="error-message">{restoreError.value}</p>}
      <p class="error-hint">
        {moved
          ? 'Nothing was deleted. Restart Leadline to begin a new notebook in its place, or restore a backup.'
          : 'Your file has not been changed. Fix or move it, then start Leadline again — or start with another notebook using --notebook FILE.'}
      </p>
    </div>
  );
}
