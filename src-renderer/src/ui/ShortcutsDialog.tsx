import { shortcutRows, type ShortcutRow } from '@shared/keyboard-table';
import { isDesktop, isMac } from '../platform';
import { closeDialog, Modal } from './Modal';

/** The rows grouped by where their keys work, in the table's order of first appearance. */
function byPlace(rows: readonly ShortcutRow[]): [string, ShortcutRow[]][] {
  const groups = new Map<string, ShortcutRow[]>();
  for (const row of rows) groups.set(row.where, [...(groups.get(row.where) ?? []), row]);
  return [...groups];
}

/** The keyboard table, made from the command table like the menu and the README's. */
export function ShortcutsDialog() {
  const rows = shortcutRows().filter((row) => isDesktop() || row.where !== 'desktop app');
  return (
    <Modal title="Keyboard shortcuts" class="shortcuts-dialog">
      {byPlace(rows).map(([where, group]) => (
        <table class="shortcuts" key={where}>
          <caption>{where[0]!.toUpperCase() + where.slice(1)}</caption>
          <tbody>
            {group.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <kbd>{isMac ? row.macKeys : row.keys}</kbd>
                </th>
                <td>{row.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <div class="modal-actions">
        <button type="button" class="primary" autoFocus onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
