import { render } from 'preact';
import { App } from './App';
import { loadWorkspace } from './state/workspace';

// The notebook is asked for before the first render: opening waits on it, not on a frame.
void loadWorkspace();
render(<App />, document.getElementById('app')!);
