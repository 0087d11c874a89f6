import { render } from 'preact';
import { App } from './App';
import { openStartupLink } from './deep-links';
import { loadNotebook } from './state/actions';

// The notebook is asked for before the first render: opening waits on it, not on a frame.
void loadNotebook().then(openStartupLink);
render(<App />, document.getElementById('app')!);
