import { render } from 'preact';
import { App } from './App';
import { openStartupLink } from './deep-links';
import { loadNotebook } from './state/actions';
import { applyPreferences, loadPreferences } from './state/preferences';

// The notebook is asked for before the first render: opening waits on it, not on a frame.
void loadNotebook().then(openStartupLink);
// Before the first paint, so a dark theme never flashes light.
applyPreferences(document.documentElement);
void loadPreferences();
window.addEventListener('focus', () => void loadPreferences());
render(<App />, document.getElementById('app')!);
