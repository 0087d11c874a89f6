import { useEffect } from 'preact/hooks';
import { refreshStoreInfo, workspace } from '../state/workspace';

const RECHECK_MS = 3000;

/** Persistent warnings about the notebook file: read-only, or writes failing (with retries going on). */
export function StoreBanner() {
  const ws = workspace.value;
  const store = ws?.store;
  const failing = Boolean(store?.writeError);

  useEffect(() => {
    if (!failing) return;
    const timer = setInterval(refreshStoreInfo, RECHECK_MS);
    return () => clearInterval(timer);
  }, [failing]);

  if (!store) return null;
  if (store.writeError) {
    return (
      <div class="store-banner error" role="alert">
        <strong>Your latest changes are not on disk yet.</strong> {store.writeError} Leadline keeps them in memory and retries; the file on disk still holds your last saved version.
      </div>
    );
  }
  if (store.readOnly) {
    return (
      <div class="store-banner warning" role="alert">
        <strong>Read-only.</strong> {store.readOnlyReason ?? 'Another Leadline has this notebook open.'} Changes cannot be saved.
      </div>
    );
  }
  if (store.recoveredFrom) {
    return (
      <div class="store-banner info" role="status">
        Recovered from {store.recoveredFrom}.
      </div>
    );
  }
  return null;
}
