import { cancelImport, importProgress } from './import-files';

/** A batch import's progress, with a way to stop it between files. */
export function ImportProgressBar() {
  const progress = importProgress.value;
  if (!progress) return null;
  return (
    <div class="import-progress" role="status" aria-live="polite">
      <progress max={progress.total} value={progress.done} aria-label="Import progress" />
      <span>
        Importing {progress.done + 1} of {progress.total}: {progress.current}
      </span>
      <button type="button" onClick={cancelImport} disabled={progress.cancelled}>
        {progress.cancelled ? 'Stopping…' : 'Cancel'}
      </button>
    </div>
  );
}
