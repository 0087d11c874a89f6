import { render } from 'preact';
import { App } from './App';
import { openStartupLink } from './deep-links';
import { loadWorkspace } from './state/workspace';

// The notebook is asked for before the first render: opening waits on it, not on a frame.
void loadWorkspace().then(openStartupLink);
render(<App />, document.getElementById('app')!);
