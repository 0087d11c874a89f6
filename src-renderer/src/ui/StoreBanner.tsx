import { workspace } from '../state/workspace';

/** Persistent warnings about the notebook file: read-only, or writes failing (with retries going on). Kept current by the app's change check. */
export function StoreBanner() {
  const store = workspace.value?.store;

  if (!store) return null;
  if (store.writeError) {
    return (
      <div class="store-banner error" role="alert">
        <strong>Your latest changes are not on disk yet.</strong> {store.writeError}
      </div>
    );
  }
  if (store.readOnly) {
    return (
      <div class="store-banner warning" role="alert">
        <strong>Read-only.</strong> {store.readOnlyReason ?? 'Another Leadline has this notebook open.'} Changes cannot be saved; changes made elsewhere show here as they are saved.
      </div>
    );
  }
  if (store.journalNotice) {
    return (
      <div class="store-banner warning" role="status">
        {store.journalNotice}
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
