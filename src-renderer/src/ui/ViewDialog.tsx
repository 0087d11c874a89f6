import { shortcutLabel } from '@shared/commands';
import { isMac } from '../platform';
import { preferences, setReadingWidth, setTheme, stepTextSize, TEXT_STEPS, type ReadingWidth, type Theme } from '../state/preferences';
import { CloseFooter, Modal } from './Modal';

const THEMES: [Theme, string][] = [
  ['system', 'As the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];
const WIDTHS: [ReadingWidth, string][] = [
  ['narrow', 'Narrow'],
  ['medium', 'Medium'],
  ['wide', 'Wide'],
];

/** View → Appearance: the same settings the View menu changes, for the browser host (no menu bar) and for anyone. Each change shows at once. */
export function ViewDialog() {
  const { theme, textStep, width } = preferences.value;
  return (
    <Modal title="Appearance" class="view-dialog">
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => setTheme(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Text size</legend>
        <button type="button" onClick={() => stepTextSize(-1)} disabled={textStep <= TEXT_STEPS.min} title={`Smaller (${shortcutLabel('text-smaller', isMac)})`}>
          Smaller
        </button>
        <output aria-live="polite" aria-label="Text size">
          {100 + textStep * 10} %
        </output>
        <button type="button" onClick={() => stepTextSize(1)} disabled={textStep >= TEXT_STEPS.max} title={`Larger (${shortcutLabel('text-larger', isMac)})`}>
          Larger
        </button>
        <button type="button" onClick={() => stepTextSize(0)} disabled={textStep === 0} title={`Actual size (${shortcutLabel('text-reset', isMac)})`}>
          Reset
        </button>
      </fieldset>
      <fieldset>
        <legend>Reading width</legend>
        {WIDTHS.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="width" value={value} checked={width === value} onChange={() => setReadingWidth(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <CloseFooter />
    </Modal>
  );
}
