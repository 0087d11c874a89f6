/** Where the renderer runs: which keys to show (⌘ on macOS) and whether the desktop app's own commands exist. */
export const isMac = /^Mac/.test(globalThis.navigator?.platform ?? '');
/** In Electron the preload gives `window.leadline`; the browser host has none (it talks HTTP). */
export const isDesktop = (): boolean => globalThis.window?.leadline !== undefined;
