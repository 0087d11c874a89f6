/**
 * How the app looks (theme, text size, reading width, library shown): the reader's
 * preferences, not the notebook's. The main process keeps them in the user-data
 * folder; a copy in this profile's storage paints the first frame right (no light
 * flash before a dark theme) until the kept ones arrive.
 */
import { computed, effect, signal } from '@preact/signals';
import { parseStoredPreferences, type Preferences } from '@shared/api';
import type { PreferenceChoice } from '@shared/commands';
import { call } from '../api/client';
import { messageOf } from './mutate';
import { showToast } from './ui';

export type Theme = Preferences['theme'];
export type ReadingWidth = Preferences['width'];
export const TEXT_STEPS = { min: -3, max: 6 } as const;

const CACHE_KEY = 'leadline.preferences';

export const preferences = signal<Preferences>(parseStoredPreferences(globalThis.localStorage?.getItem(CACHE_KEY) ?? null));
export const libraryOpen = computed(() => preferences.value.libraryOpen);

function show(next: Preferences): void {
  preferences.value = next;
  globalThis.localStorage?.setItem(CACHE_KEY, JSON.stringify(next));
}

/** Calls in order: a change and a reload never overtake each other. */
let keeping: Promise<unknown> = Promise.resolve();
let changes = 0;

/**
 * Takes the kept preferences (at start, and when the window comes to the front: another
 * may have changed them), unless a change was made meanwhile. Without them, the cached
 * copy stays: the notebook's own messages say what is wrong with the host.
 */
export function loadPreferences(): Promise<void> {
  const seen = changes;
  const loaded = keeping.then(async () => {
    try {
      const kept = await call('getPreferences', {});
      if (seen === changes) show(kept);
    } catch {
      // the look can wait
    }
  });
  keeping = loaded;
  return loaded;
}

/**
 * Shows the change at once and sends only the fields changed, in order, so another
 * window's other choices stay kept; the answer (all that is kept) is shown once no
 * later change waits. A failure leaves the change on screen and says why.
 */
function change(fields: Partial<Preferences>): void {
  show({ ...preferences.value, ...fields });
  const mine = ++changes;
  keeping = keeping.then(async () => {
    try {
      const kept = await call('setPreferences', fields);
      if (mine === changes) show(kept);
    } catch (error) {
      showToast(messageOf(error), { tone: 'error' });
    }
  });
}

export const setTheme = (theme: Theme): void => change({ theme });
export const setReadingWidth = (width: ReadingWidth): void => change({ width });
/** A theme or a reading width chosen by a command (the menu's radio items). */
export const choosePreference = (choice: PreferenceChoice): void => change(choice.preference === 'theme' ? { theme: choice.value } : { width: choice.value });
export const toggleLibrary = (): void => change({ libraryOpen: !preferences.value.libraryOpen });

/** One step larger (1) or smaller (-1), or back to the usual size (0). */
export function stepTextSize(step: 1 | -1 | 0): void {
  const textStep = step === 0 ? 0 : Math.min(TEXT_STEPS.max, Math.max(TEXT_STEPS.min, preferences.value.textStep + step));
  if (textStep !== preferences.value.textStep) change({ textStep });
}

/** Keeps the page's root in step with the preferences (and a 'system' theme with the system's). */
export function applyPreferences(root: HTMLElement): () => void {
  const dark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = (): void => {
    const { theme, textStep, width } = preferences.value;
    root.dataset.theme = theme === 'system' ? (dark?.matches ? 'dark' : 'light') : theme;
    root.dataset.width = width;
    root.style.setProperty('--text-scale', String(1 + textStep / 10));
  };
  const stop = effect(apply);
  dark?.addEventListener('change', apply);
  return () => {
    stop();
    dark?.removeEventListener('change', apply);
  };
}
