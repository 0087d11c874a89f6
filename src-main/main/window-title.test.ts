import { describe, expect, it } from 'vitest';
import { aboutDetail, windowTitle } from './window-title';

describe('windowTitle', () => {
  it('names the article and the notebook', () => {
    expect(windowTitle('Putin Wants Syria to Return the Favor — Leadline', '/home/ann/Research/Syria.json')).toBe('Putin Wants Syria to Return the Favor — Syria — Leadline');
  });
  it('names the notebook alone while no article is shown', () => {
    expect(windowTitle('Leadline', '/x/notebook.json')).toBe('notebook — Leadline');
    expect(windowTitle('', '/x/Team Notes.JSON')).toBe('Team Notes — Leadline');
    expect(windowTitle('about:blank', '/x/n.json')).toBe('n — Leadline');
  });
  it('keeps a dash inside the article title', () => {
    expect(windowTitle('War — and Peace — Leadline', '/x/n.json')).toBe('War — and Peace — n — Leadline');
  });
});

describe('aboutDetail', () => {
  it('gives the notebook path, the data folder and the versions', () => {
    const text = aboutDetail({ notebookPath: '/home/ann/n.json', userData: '/home/ann/.config/Leadline', versions: { electron: '45.5.0', chrome: '140.0', node: '22.20.0' } });
    expect(text.split('\n')).toEqual([
      'An offline research notebook. Your notes stay on this computer.',
      '',
      'Notebook: /home/ann/n.json',
      'Data folder: /home/ann/.config/Leadline',
      '',
      'Electron 45.5.0 · Chromium 140.0 · Node 22.20.0',
    ]);
  });
});
