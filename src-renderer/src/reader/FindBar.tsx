/** The find bar over the reader (Ctrl/Cmd+F with the article focused); its state and keys: find.ts. */
import { useEffect, useRef } from 'preact/hooks';
import { isCommandKey, tooltip } from '@shared/commands';
import { isMac } from '../platform';
import { dialog } from '../state/ui';
import { canonical } from '../state/workspace';
import { closeFind, findCurrent, findFocusRequest, findMatches, findOpen, findQuery, searchNow, setFindQuery, stepFind } from './find';
import { countLabel } from './find-matches';
import { drawFindHighlights } from './find-highlights';

export function FindBar() {
  return findOpen.value ? <OpenFindBar /> : null;
}

function OpenFindBar() {
  const input = useRef<HTMLInputElement>(null);
  const focusRequest = findFocusRequest.value;
  const text = canonical.value;

  useEffect(drawFindHighlights, []);
  // F3 steps wherever the focus is while the bar is open (Enter only in the bar).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (dialog.value) return; // a dialog over the article owns the keyboard
      const direction = isCommandKey('find-again', event, isMac) ? 1 : isCommandKey('find-again-back', event, isMac) ? -1 : 0;
      if (direction === 0) return;
      event.preventDefault();
      stepFind(direction);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  // Another article (or a new version of this one) under the bar: the same query is searched in it.
  const searched = useRef(text);
  useEffect(() => {
    if (searched.current === text) return;
    searched.current = text;
    if (findQuery.peek()) searchNow();
  }, [text]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (isCommandKey('find-next', event, isMac) || isCommandKey('find-previous', event, isMac)) {
      event.preventDefault();
      stepFind(isCommandKey('find-next', event, isMac) ? 1 : -1);
    } else if (isCommandKey('find-close', event, isMac)) {
      event.preventDefault();
      event.stopPropagation();
      closeFind();
    }
  };

  const query = findQuery.value;
  const count = findMatches.value.length;
  const settled = query.trim() !== '';
  return (
    <div class="find-bar" role="search" aria-label="Find in article" onKeyDown={onKeyDown}>
      <input ref={input} type="text" class="find-input" aria-label="Find in article" placeholder="Find in article" spellcheck={false} value={query} onInput={(event) => setFindQuery(event.currentTarget.value)} />
      <span class="find-count" role="status" aria-live="polite">
        {settled ? countLabel(findCurrent.value, count) : ''}
      </span>
      <button type="button" aria-label="Previous match" title={tooltip('find-previous', isMac)} disabled={count === 0} onClick={() => stepFind(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" title={tooltip('find-next', isMac)} disabled={count === 0} onClick={() => stepFind(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" title={tooltip('find-close', isMac, 'Close, selecting the current match')} onClick={closeFind}>
        ×
      </button>
    </div>
  );
}
