// The terminal: an xterm.js view (loaded after the first paint, like Monaco) with the shell's
// line editor, and beside it a text mirror of every line (a `log` for screen readers and the
// tests, with `--> file:line:col` and `error[E…]` as real links). Everything printed goes
// through the store's lines (print()); this view writes the new ones to xterm.
//
// xterm draws its rows as DOM text, so in the page the output would be there twice (its rows
// and the mirror). It lives in a same-origin iframe instead (see xterm-frame.ts): the frame's
// document is not part of the terminal element's text (neither textContent, innerText nor
// Playwright's text, which does look into shadow roots), so that text is the mirror alone, once,
// while a click on the terminal still lands in xterm and focuses it for typing.
import { useEffect, useRef } from 'react';
import type { Terminal as XTerm, ILink } from '@xterm/xterm';
import { createXtermFrame, frameTheme, type XtermFrame } from './xterm-frame.ts';
import { LineEditor } from '../../toolchain/shell/line-editor.ts';
import { offsetAt } from '../../toolchain/config/diagnostic.ts';
import { openFile, vfs } from '../state/project.ts';
import { runCommand, setTerminalColumns, shell } from '../state/shell.ts';
import { onPageCommand } from '../state/build-run.ts';
import { clearTerminal, print, useApp, type TerminalLine, type Theme } from '../state/store.ts';

const ERROR_CODE = /error\[(E\d{4})\]/;
const LOCATION = /--> ([^\s:]+):(\d+):(\d+)/;

function openLocation(path: string, line: number, col: number): void {
  if (!vfs.isFile(path)) return;
  const offset = offsetAt(vfs.readText(path), line, col);
  openFile(path);
  useApp.setState((s) => ({ reveal: { path, offset, nonce: (s.reveal?.nonce ?? 0) + 1 } }));
}

const errorCodeUrl = (code: string) => `https://doc.rust-lang.org/error_codes/${code}.html`;

/** A mirror line with its links. */
function LineText({ text }: { text: string }) {
  const code = /^(.*?error\[)(E\d{4})(\].*)$/.exec(text);
  if (code) {
    return (
      <>
        {code[1]}
        <a className="t-link" href={errorCodeUrl(code[2]!)} target="_blank" rel="noreferrer noopener">
          {code[2]}
        </a>
        {code[3]}
      </>
    );
  }
  const m = /^(.*--> )([^\s:]+):(\d+):(\d+)(.*)$/.exec(text);
  if (!m || !vfs.isFile(m[2]!)) return <>{text}</>;
  const [, before, path, line, col, after] = m as unknown as [string, string, string, string, string, string];
  return (
    <>
      {before}
      <a
        href={`#open=${encodeURIComponent(path)}`}
        className="t-link"
        onClick={(e) => {
          e.preventDefault();
          openLocation(path, Number(line), Number(col));
        }}
      >
        {path}:{line}:{col}
      </a>
      {after}
    </>
  );
}

const COLOURS: Record<TerminalLine['kind'], string> = {
  input: '\x1b[1m',
  output: '',
  error: '\x1b[1;31m',
  warning: '\x1b[1;33m',
  info: '\x1b[36m',
};

function xtermTheme(theme: Theme) {
  return theme === 'dark'
    ? { background: '#0f1115', foreground: '#d7dae0', cursor: '#8ab8ff', selectionBackground: '#2f4a7a', red: '#ff6b6b', brightRed: '#ff8a8a', yellow: '#e8b339', brightYellow: '#f0c75e', cyan: '#6cc3d5', blue: '#5b9dff', brightBlue: '#8ab8ff', green: '#4fc38a' }
    : { background: '#fbfbfc', foreground: '#1d2330', cursor: '#1f62d6', selectionBackground: '#c7dafc', red: '#c9302c', brightRed: '#c9302c', yellow: '#9a6700', brightYellow: '#9a6700', cyan: '#0f7285', blue: '#1f62d6', brightBlue: '#1f62d6', green: '#1a7f4b', white: '#5d6677', brightWhite: '#1d2330', black: '#1d2330' };
}

/** Links in the xterm view: `--> path:line:col` opens the file there, `error[E…]` the explanation. */
function linkProvider(term: XTerm) {
  return {
    provideLinks(y: number, callback: (links: ILink[] | undefined) => void) {
      const text = term.buffer.active.getLine(y - 1)?.translateToString(true) ?? '';
      const links: ILink[] = [];
      const loc = LOCATION.exec(text);
      if (loc && vfs.isFile(loc[1]!)) {
        const start = loc.index + 4;
        const label = `${loc[1]}:${loc[2]}:${loc[3]}`;
        links.push({
          text: label,
          range: { start: { x: start + 1, y }, end: { x: start + label.length, y } },
          activate: () => openLocation(loc[1]!, Number(loc[2]), Number(loc[3])),
        });
      }
      const code = ERROR_CODE.exec(text);
      if (code) {
        const start = code.index + 6;
        links.push({
          text: code[1]!,
          range: { start: { x: start + 1, y }, end: { x: start + code[1]!.length, y } },
          activate: () => window.open(errorCodeUrl(code[1]!), '_blank', 'noopener'),
        });
      }
      callback(links.length ? links : undefined);
    },
  };
}

function useXterm(host: React.RefObject<HTMLDivElement | null>) {
  const theme = useApp((s) => s.theme);
  const termRef = useRef<XTerm | null>(null);
  const frameRef = useRef<XtermFrame | null>(null);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), createXtermFrame(host.current, useApp.getState().theme)]).then(([{ Terminal }, { FitAddon }, frame]) => {
      if (disposed || !frame) {
        frame?.remove();
        return;
      }
      frameRef.current = frame;
      const el = frame.host;
      const term = new Terminal({
        fontFamily: "'JetBrains Mono', 'Cascadia Mono', 'DejaVu Sans Mono', ui-monospace, monospace",
        fontSize: 13,
        lineHeight: 1.2,
        cursorBlink: true,
        scrollback: 5000,
        convertEol: false,
        theme: xtermTheme(useApp.getState().theme),
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(el);
      termRef.current = term;
      // The page's shortcuts (Ctrl/⌘+Enter run, Ctrl/⌘+S save) are window key handlers of the
      // page, which do not see keys typed in the frame: those are handed to the page instead.
      term.attachCustomKeyEventHandler((e) => {
        // Tab completes in the shell; Shift+Tab is left to the browser, so the keyboard can
        // always leave the terminal (backwards, to the text's links just before it).
        if (e.key === 'Tab' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) return false;
        if (!(e.ctrlKey || e.metaKey) || (e.key !== 'Enter' && e.key.toLowerCase() !== 's')) return true;
        if (e.type === 'keydown') {
          e.preventDefault();
          window.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, cancelable: true }));
        }
        return false;
      });
      const refit = () => {
        if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit();
      };
      frame.window.addEventListener('resize', refit);
      fit.fit();
      setTerminalColumns(term.cols);
      term.onResize(({ cols }) => setTerminalColumns(cols));
      term.registerLinkProvider(linkProvider(term));

      const editor = new LineEditor(shell.prompt);
      editor.completer = (line, cursor) => shell.complete(line, cursor);
      // Build, Run and Ctrl/⌘+Enter type their command for the learner: ↑ finds it, as if typed
      const stopPageCommands = onPageCommand((line) => editor.remember(line));
      let busy = 0;
      const writeLines = (lines: readonly TerminalLine[]) => {
        const shown = lines.filter((l) => !l.echoed);
        if (shown.length === 0) return;
        const body = shown.map((l) => (COLOURS[l.kind] ? `${COLOURS[l.kind]}${l.text}\x1b[0m` : l.text)).join('\r\n');
        // Output arriving while the prompt is up goes above it; the prompt is drawn again.
        term.write(busy === 0 ? `\r\x1b[K${body}\r\n${editor.render()}` : `${body}\r\n`);
      };

      // What was printed before the view existed (Build output, the welcome line).
      let written = useApp.getState().terminalTotal;
      const earlier = useApp.getState().terminal;
      if (earlier.length) term.write(earlier.map((l) => (COLOURS[l.kind] ? `${COLOURS[l.kind]}${l.text}\x1b[0m` : l.text)).join('\r\n') + '\r\n');
      term.write(editor.render());

      const unsubscribe = useApp.subscribe((s, prev) => {
        if (s.terminal.length === 0 && prev.terminal.length > 0) {
          term.clear();
          term.write(busy === 0 ? editor.render() : '\r\x1b[K');
        }
        const fresh = s.terminalTotal - written;
        written = s.terminalTotal;
        if (fresh > 0 && s.terminal.length > 0) writeLines(s.terminal.slice(-Math.min(fresh, s.terminal.length)));
      });

      const data = term.onData((input) => {
        const { echo, events } = editor.feed(input);
        if (echo) term.write(echo);
        for (const ev of events) {
          if (ev.type === 'clear') {
            clearTerminal();
            term.clear();
          }
          if (ev.type === 'interrupt') print(`${editor.prompt}^C`, 'input', true);
          if (ev.type !== 'line') continue;
          busy++;
          void runCommand(ev.line, true).finally(() => {
            busy--;
            editor.prompt = shell.prompt;
            if (busy === 0) term.write(editor.render());
          });
        }
      });
      cleanup = () => {
        stopPageCommands();
        unsubscribe();
        data.dispose();
        frame.window.removeEventListener('resize', refit);
        term.dispose();
        frame.remove();
        termRef.current = null;
        frameRef.current = null;
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [host]);

  useEffect(() => {
    if (termRef.current) termRef.current.options.theme = xtermTheme(theme);
    if (frameRef.current) frameTheme(frameRef.current, theme);
  }, [theme]);
}

let greeted = false;

export function TerminalPane() {
  useEffect(() => {
    if (greeted) return;
    greeted = true;
    print('Bootlab shell. Type help to see the commands.', 'info');
  }, []);
  const lines = useApp((s) => s.terminal);
  const host = useRef<HTMLDivElement>(null);
  useXterm(host);
  return (
    <section className="terminal-pane" aria-label="Terminal">
      <div className="pane-header">
        <h2>Terminal</h2>
        <button type="button" className="text-button" onClick={clearTerminal} disabled={lines.length === 0}>
          Clear
        </button>
      </div>
      <div className="terminal" data-testid="terminal">
        {/* One line per row, each ended by a newline, so the text is the output as printed.
            Before xterm in the tab order: Shift+Tab out of xterm reaches its links. */}
        <div className="sr-only terminal-mirror" role="log" aria-live="polite" aria-label="Terminal output">
          {lines.map((l, i) => (
            <span key={i} className={`t-line ${l.kind}`}>
              <LineText text={l.text} />
              {'\n'}
            </span>
          ))}
        </div>
        <div className="xterm-host" ref={host} />
      </div>
    </section>
  );
}
