/**
 * Links in notes and in articles never navigate the app: a click on a web link asks the
 * host to open it outside, after the user confirms; anything else is not followed.
 */
import { isWebUrl } from '@shared/urls';
import { ApiCallError, call } from '../api/client';
import { copyText } from './clipboard';
import { showToast } from '../state/ui';

/** A click handler for a container of links. Returns whether the click was on a link. */
export function followLinkClick(event: MouseEvent): boolean {
  if (event.button > 1) return false; // right-click keeps its context menu
  const link = (event.target as HTMLElement).closest('a');
  if (!link) return false;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (!isWebUrl(href)) return true;
  call('openExternal', { url: href }).then(
    ({ opened }) => {
      if (!opened) showToast(`Link not opened. Its address is ${href}`, { action: { label: 'Copy address', run: () => void copyText(href) } });
    },
    (error: unknown) => showToast(error instanceof ApiCallError ? error.message : String(error), { tone: 'error' }),
  );
  return true;
}
