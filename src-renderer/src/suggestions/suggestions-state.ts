/**
 * The open article's suggested leads as the UI holds them: fetched when the article (or its
 * text) changes — the main process computes them in a worker, so the window never waits —
 * and filtered by what the notebook says (dismissals, leads already made).
 */
import { computed, effect, signal } from '@preact/signals';
import type { Suggestion } from '@shared/api';
import type { TextRange } from '@shared/anchoring/text-range';
import { call } from '../api/client';
import { messageOf } from '../state/mutate';
import { anchors, article, dismissals, notes } from '../state/workspace';
import { openSuggestions } from './open-suggestions';

type Loaded = { key: string } & ({ state: 'loading' } | { state: 'ready'; list: Suggestion[] } | { state: 'failed'; message: string });

const loaded = signal<Loaded | null>(null);

/** Whether the Suggestions section is expanded (collapsed when the app starts). */
export const suggestionsOpen = signal(false);

const keyOf = (a: { id: string; contentHash: string }): string => `${a.id}:${a.contentHash}`;

/** Keeps the suggestions in step with the open article's text; returns the stop function. */
export function followSuggestions(): () => void {
  return effect(() => {
    const current = article.value;
    if (!current) return;
    const key = keyOf(current);
    if (loaded.peek()?.key === key) return;
    loaded.value = { key, state: 'loading' };
    const stillShown = (): boolean => loaded.peek()?.key === key;
    call('getSuggestions', { articleId: current.id }).then(
      (list) => void (stillShown() && (loaded.value = { key, state: 'ready', list })),
      (error: unknown) => void (stillShown() && (loaded.value = { key, state: 'failed', message: messageOf(error) })),
    );
  });
}

/** The passages leads already rest on. */
const leadPassages = computed(() => {
  const passages: TextRange[] = [];
  for (const note of notes.value.values()) {
    if (note.kind !== 'lead') continue;
    for (const id of note.excerptIds) {
      const anchor = anchors.value.get(id);
      if (anchor) passages.push(anchor);
    }
  }
  return passages;
});

export type SuggestionsView = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; list: Suggestion[] };

export const suggestionsView = computed<SuggestionsView>(() => {
  const current = loaded.value;
  if (!current || current.state === 'loading') return { state: 'loading' };
  if (current.state === 'failed') return current;
  return { state: 'ready', list: openSuggestions(current.list, dismissals.value.values(), leadPassages.value) };
});
