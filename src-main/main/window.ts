import { join } from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { loadWindowState, trackWindowState } from './window-state';

export interface WindowOptions {
  preloadPath: string;
  url: string;
  stateFile: string;
}

export function createMainWindow({ preloadPath, url, stateFile }: WindowOptions): BrowserWindow {
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    ...(state.bounds.x !== undefined && state.bounds.y !== undefined ? { x: state.bounds.x, y: state.bounds.y } : {}),
    width: state.bounds.width,
    height: state.bounds.height,
    minWidth: 720,
    minHeight: 420,
    show: false,
    title: 'Leadline',
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#fbfaf7',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK: sandboxed, context-isolated preload exposing only the typed contract
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Elsewhere Chromium downloads spelling dictionaries; macOS uses the system's, offline.
      spellcheck: process.platform === 'darwin',
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
