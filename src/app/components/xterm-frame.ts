// The same-origin iframe that holds the xterm.js view (see Terminal.tsx for why a frame). xterm
// runs in the page's JavaScript and opens on an element of the frame's document (it follows
// `ownerDocument` for its listeners and measurements); the frame gets xterm's stylesheet and the
// few rules of ours that used to live in app.css. It fills the terminal element, so a click
// anywhere on the terminal reaches xterm.
import type { Theme } from '../state/store.ts';

export interface XtermFrame {
  readonly iframe: HTMLIFrameElement;
  readonly window: Window;
  /** The element xterm opens on, inside the frame. */
  readonly host: HTMLDivElement;
  remove(): void;
}

const BACKGROUND: Record<Theme, string> = { dark: '#0f1115', light: '#fbfbfc' };

// Padding here rather than on the terminal element, so the frame (and the click target) is the
// whole terminal area; the viewport shows the theme colour, not xterm's default black.
const OWN_RULES = `
html, body { margin: 0; height: 100%; overflow: hidden; background: var(--terminal-bg); }
body { box-sizing: border-box; padding: 6px 4px 4px 10px; }
#xterm-host { height: 100%; min-height: 0; overflow: hidden; }
.xterm .xterm-viewport { background-color: var(--terminal-bg) !important; }
`;

/** Sets the frame's background and colour scheme to the page's theme. */
export function frameTheme(frame: XtermFrame, theme: Theme): void {
  const root = frame.window.document.documentElement;
  root.style.setProperty('--terminal-bg', BACKGROUND[theme]);
  root.style.colorScheme = theme;
}

/** Puts a frame in `parent` and resolves once its document is ready (null without a parent). */
export async function createXtermFrame(parent: HTMLElement | null, theme: Theme): Promise<XtermFrame | null> {
  if (!parent) return null;
  const { default: xtermCss } = await import('@xterm/xterm/css/xterm.css?inline');
  const iframe = parent.ownerDocument.createElement('iframe');
  iframe.className = 'xterm-frame';
  iframe.title = 'Terminal input';
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
  iframe.srcdoc = '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><div id="xterm-host"></div></body></html>';
  parent.append(iframe);
  await loaded;
  const win = iframe.contentWindow;
  const doc = iframe.contentDocument;
  const host = doc?.getElementById('xterm-host') as HTMLDivElement | null | undefined;
  if (!win || !doc || !host) {
    iframe.remove();
    return null;
  }
  const style = doc.createElement('style');
  style.textContent = xtermCss + OWN_RULES;
  doc.head.append(style);
  const frame: XtermFrame = { iframe, window: win, host, remove: () => iframe.remove() };
  frameTheme(frame, theme);
  return frame;
}
