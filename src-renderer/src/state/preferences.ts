/**
 * How the app looks (theme, text size, reading width, library shown): the reader's
 * preferences, not the notebook's. The main process keeps them in the user-data
 * folder; a copy in this profile's storage paints the first frame right (no light
 * flash before a dark theme) until the kept ones arrive.
 */
import { computed, effect, signal } from '@preact/signals';
import { parseStoredPreferences, type Preferences } from '@shared/api';
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

/** Takes the kept preferences (at start). Without them, the cached copy stays: nothing to tell the user. */
export async function loadPreferences(): Promise<void> {
  try {
    show(await call('getPreferences', {}));
  } catch {
    // The notebook's own messages say what is wrong with the host; the look can wait.
  }
}

let keeping: Promise<unknown> = Promise.resolve();

function change(next: Partial<Preferences>): void {
  const wanted = { ...preferences.value, ...next };
  show(wanted);
  // In order, so the last change is the one kept; a failure leaves it on screen and says why.
  keeping = keeping.then(() => call('setPreferences', wanted).catch((error: unknown) => showToast(messageOf(error), { tone: 'error' })));
}

export const setTheme = (theme: Theme): void => change({ theme });
export const setReadingWidth = (width: ReadingWidth): void => change({ width });
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
