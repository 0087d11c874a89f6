import { readFileSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  /** No x/y: let the system place the window (first launch, or its display is gone). */
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };

/** The saved window state, if it still fits on a connected display. */
export function loadWindowState(file: string): WindowState {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { bounds: Rectangle; maximized?: boolean };
    const { x, y, width, height } = saved.bounds;
    if (![x, y, width, height].every(Number.isFinite) || width < 400 || height < 300) return DEFAULT;
    const visible = screen.getAllDisplays().some(({ workArea: a }) => x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y);
    return visible ? { bounds: { x, y, width, height }, maximized: Boolean(saved.maximized) } : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

export function trackWindowState(window: BrowserWindow, file: string): void {
  const save = (): void => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(file, JSON.stringify(state));
    } catch (error) {
      console.warn('[leadline] could not save the window state:', error);
    }
  };
  window.on('close', save);
}
