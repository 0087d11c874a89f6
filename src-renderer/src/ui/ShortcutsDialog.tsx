import { closeDialog, Modal } from './Modal';

const isMac = navigator.platform.startsWith('Mac');
const mod = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: [string, string][] = [
  [`${mod}+Shift+A`, 'Annotate the selection'],
  [`${mod}+Shift+L`, 'Add a lead from the selection'],
  [`${mod}+Shift+K`, 'Link the selection to a note'],
  [`${mod}+Z / ${mod}+Shift+Z`, 'Undo / redo'],
  [`${mod}+O`, 'Import text, Markdown or saved web pages'],
  [`${mod}+Shift+V`, 'Paste as a new article'],
  [`${mod}+E`, 'Export (Markdown, Web Annotations, CSV)'],
  [`${mod}+F`, 'Search notes'],
  ['F8 / Shift+F8', 'Next / previous highlight'],
  ['↑ / ↓', 'Previous / next note card'],
  ['Enter', 'Edit the focused note'],
  ['Esc', 'Stop editing'],
  ['Space', 'Show the focused note’s excerpts'],
  ['Delete', 'Delete the focused note'],
  ['?', 'This list'],
];

export function ShortcutsDialog() {
  return (
    <Modal title="Keyboard shortcuts">
      <table class="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="modal-actions">
        <button type="button" class="primary" autoFocus onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
