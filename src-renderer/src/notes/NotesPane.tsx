import { useComputed } from '@preact/signals';
import { shortcutLabel } from '@shared/commands';
import { isMac } from '../platform';
import { orderedNotes } from '../state/derived';
import { editingNoteId, filters } from '../state/ui';
import { excerpts, notes } from '../state/workspace';
import { FilterBar } from './FilterBar';
import { PaneHeader } from './PaneHeader';
import { matchesFilters } from './note-list';
import { OrphanList } from './OrphanList';
import { SuggestionList } from '../suggestions/SuggestionList';
import { VirtualNoteList } from './VirtualNoteList';

export function NotesPane() {
  // The note being edited stays listed even when what was typed no longer matches the filters:
  // its editor (and the text in it) must not vanish under the user's hands.
  const visible = useComputed(() => orderedNotes.value.filter((note) => note.id === editingNoteId.value || matchesFilters(note, excerpts.value, filters.value)));

  if (notes.value.size === 0) {
    return (
      <div class="notes-inner">
        <PaneHeader />
        <OrphanList />
        <SuggestionList />
        <div class="empty-state">
          <h2>No notes yet</h2>
          <p>
            Select a passage of the article, then choose <strong>Annotate</strong> to write what you think of it, or <strong>Add lead</strong> to keep track of something to follow up.
          </p>
          <p class="empty-keys">
            <kbd>{shortcutLabel('annotate', isMac)}</kbd> annotate · <kbd>{shortcutLabel('add-lead', isMac)}</kbd> add lead · <kbd>{shortcutLabel('highlight', isMac)}</kbd> highlight
          </p>
        </div>
      </div>
    );
  }

  return (
    <div class="notes-inner">
      <PaneHeader />
      <OrphanList />
      <SuggestionList />
      <FilterBar shown={visible.value.length} />
      {visible.value.length === 0 ? (
        <p class="no-match" role="status">
          No note matches these filters.
        </p>
      ) : (
        <VirtualNoteList notes={visible.value} />
      )}
    </div>
  );
}
