// UI state (zustand). The files themselves live in the project's Vfs (see project.ts); this
// store holds what React renders: the file list, tabs, diagnostics, terminal lines, dialogs.
import { create } from 'zustand';
import type { Diagnostic } from '../../toolchain/config/diagnostic.ts';

export type Theme = 'dark' | 'light';

export interface TerminalLine {
  text: string;
  kind: 'input' | 'output' | 'error' | 'warning' | 'info';
  /** Already on the xterm screen (the line editor echoed it): only the text mirror takes it. */
  echoed?: boolean;
}

export type ConfirmRequest = {
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
  onConfirm: () => void;
};

export interface AppState {
  theme: Theme;
  ready: boolean;
  stepIndex: number;
  files: string[];
  tabs: string[];
  active: string | null;
  diagnostics: Record<string, Diagnostic[]>;
  terminal: TerminalLine[];
  /** Lines ever printed (the list keeps the last 2000): the xterm view writes the new ones. */
  terminalTotal: number;
  saveState: 'saved' | 'saving' | 'error' | 'paused';
  saveError?: string;
  /** bumped by Ctrl/⌘+S so the save indicator can acknowledge it */
  savePulse: number;
  /** set while a shared snapshot is shown instead of the learner's own work */
  snapshotView: null | { hadSavedWork: boolean };
  /** a link that could not be opened, and why */
  linkError: string | null;
  notice: string | null;
  /** another tab of Bootlab saved newer work than this one shows */
  otherTabChanged: boolean;
  solutionShown: boolean;
  shareOpen: boolean;
  confirm: ConfirmRequest | null;
  editorLoaded: boolean;
  /** bumped to ask the editor to take keyboard focus */
  focusEditor: number;
  /** set to reveal a place in a file: the editor scrolls there */
  reveal: { path: string; offset: number; nonce: number } | null;
}

function initialTheme(): Theme {
  try {
    const t = localStorage.getItem('bootlab:theme');
    if (t === 'dark' || t === 'light') return t;
  } catch {
    /* storage blocked */
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const useApp = create<AppState>(() => ({
  theme: initialTheme(),
  ready: false,
  stepIndex: 0,
  files: [],
  tabs: [],
  active: null,
  diagnostics: {},
  terminal: [],
  terminalTotal: 0,
  saveState: 'saved',
  savePulse: 0,
  snapshotView: null,
  linkError: null,
  notice: null,
  otherTabChanged: false,
  solutionShown: false,
  shareOpen: false,
  confirm: null,
  editorLoaded: false,
  focusEditor: 0,
  reveal: null,
}));

export function setTheme(theme: Theme): void {
  useApp.setState({ theme });
  try {
    localStorage.setItem('bootlab:theme', theme);
  } catch {
    /* not persisted: fine */
  }
}

export function print(text: string, kind: TerminalLine['kind'] = 'output', echoed = false): void {
  const lines = text.replace(/\n$/, '').split('\n').map((t): TerminalLine => (echoed ? { text: t, kind, echoed } : { text: t, kind }));
  useApp.setState((s) => ({ terminal: [...s.terminal, ...lines].slice(-2000), terminalTotal: s.terminalTotal + lines.length }));
}

export function clearTerminal(): void {
  useApp.setState({ terminal: [] });
}
