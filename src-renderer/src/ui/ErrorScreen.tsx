import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ApiError, BackupEntry } from '@shared/api';
import { ApiCallError, call } from '../api/client';
import { loadNotebook, restoreBackup, startOver } from '../state/actions';

const RECHECK_MS = 2000;

/**
 * Shown instead of the app when the notebook cannot be opened: what, where, what to do.
 * For a damaged notebook that was moved aside, the two ways on: restore the newest backup,
 * or start a new notebook in its place. Until one is chosen, every launch shows this again.
 */
export function ErrorScreen({ error }: { error: ApiError }) {
  const backups = useSignal<BackupEntry[]>([]);
  const actionError = useSignal<string | null>(null);
  const recoverable = error.code === 'recovery-needed';

  useEffect(() => {
    call('listBackups', {}).then(
      (list) => (backups.value = list),
      () => undefined,
    );
    if (!recoverable) return;
    // Another window may make the choice: then this one shows the notebook too.
    const timer = setInterval(() => void loadNotebook(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [error]);

  const attempt = async (run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (failure) {
      actionError.value = failure instanceof ApiCallError ? failure.message : String(failure);
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
      {recoverable && (
        <p class="error-actions">
          {newest && (
            <button type="button" class="primary-button" onClick={() => void attempt(() => restoreBackup(newest.id, { whileDamaged: true }))}>
              Restore the newest backup ({new Date(newest.createdAt).toLocaleString()})
            </button>
          )}
          <button type="button" class="secondary-button" onClick={() => void attempt(startOver)}>
            Start a new notebook
          </button>
        </p>
      )}
      {actionError.value && <p class="error-message">{actionError.value}</p>}
      <p class="error-hint">
        {recoverable
          ? 'Nothing is deleted: every backup (and a damaged copy, if there is one) stays where it is, whichever you choose.'
          : 'Your file has not been changed. Fix or move it, then start Leadline again — or start with another notebook using --notebook FILE.'}
      </p>
    </div>
  );
}
