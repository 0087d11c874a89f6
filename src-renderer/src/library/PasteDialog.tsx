import { closeDialog, CloseFooter, Modal } from '../ui/Modal';
import { pasteArticle } from './import-files';

/**
 * Paste as New Article: the paste lands here (a page never reads the clipboard on its own),
 * and its HTML or text becomes an article — read as the importer reads a saved page.
 */
export function PasteDialog() {
  const onPaste = (event: ClipboardEvent): void => {
    event.preventDefault();
    const html = event.clipboardData?.getData('text/html') ?? '';
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!html.trim() && !text.trim()) return;
    closeDialog();
    void pasteArticle(text, html);
  };
  return (
    <Modal title="Paste as a new article">
      <p>Copy the text or the part of a web page you want, then paste it here (Ctrl+V or ⌘V).</p>
      <textarea class="paste-target" aria-label="Paste here" placeholder="Paste here" autoFocus onPaste={onPaste} rows={4} />
      <CloseFooter label="Cancel" />
    </Modal>
  );
}
