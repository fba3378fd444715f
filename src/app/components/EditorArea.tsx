// Tabs, the editor (Monaco, loaded lazily; a plain text area until it arrives) and the list of
// problems the checks found in the open files.
import { Component, Suspense, lazy, useEffect, useRef, useState, type ReactNode } from 'react';
import { lineColAt } from '../../toolchain/config/diagnostic.ts';
import { closeTab, editFile, openFile, flushSave, vfs, isBinaryFile } from '../state/project.ts';
import { run } from '../state/build-run.ts';
import { bootCommand, runCommand } from '../state/shell.ts';
import { useApp } from '../state/store.ts';

const MonacoEditor = lazy(() => import('../monaco/MonacoEditor.tsx'));

/** Until Monaco has loaded (or if it fails to), the file is edited in a plain text area. */
function PlainEditor({ note }: { note?: string }) {
  const active = useApp((s) => s.active);
  const files = useApp((s) => s.files);
  const [text, setText] = useState(() => (active ? (vfs.tryReadText(active) ?? '') : ''));
  useEffect(() => {
    setText(active ? (vfs.tryReadText(active) ?? '') : '');
    return vfs.subscribe((e) => {
      if (active && (e.type === 'change' || e.type === 'reset') ) setText(vfs.tryReadText(active) ?? '');
    });
  }, [active, files]);
  if (!active || isBinaryFile(active)) return null;
  return (
    <div className="plain-editor">
      {note && <p className="plain-note" role="status">{note}</p>}
      <textarea
        aria-label={`Edit ${active}`}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          editFile(active, e.target.value);
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            void run();
          } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void flushSave();
          }
        }}
      />
    </div>
  );
}

class EditorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <PlainEditor note="The code editor could not be loaded, so this is a plain text box. Your files are safe; reloading the page may help." />
    ) : (
      this.props.children
    );
  }
}

const tabId = (path: string) => `tab-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function Tabs() {
  const tabs = useApp((s) => s.tabs);
  const active = useApp((s) => s.active);
  const diagnostics = useApp((s) => s.diagnostics);
  const list = useRef<HTMLDivElement>(null);
  // The open file's tab is kept in view when the row of tabs is wider than the pane (opening a
  // file from the list would otherwise select a tab scrolled out of sight). Only the row
  // scrolls: scrollIntoView would scroll the page too, on a phone away from where one reads.
  useEffect(() => {
    const row = list.current;
    const tab = active ? document.getElementById(tabId(active))?.parentElement : null;
    if (!row || !tab) return;
    const left = tab.getBoundingClientRect().left - row.getBoundingClientRect().left + row.scrollLeft;
    if (left < row.scrollLeft) row.scrollLeft = left;
    else if (left + tab.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = left + tab.offsetWidth - row.clientWidth;
  }, [active, tabs]);
  return (
    <div
      ref={list}
      className="tabs"
      role="tablist"
      aria-label="Open files"
      onKeyDown={(e) => {
        // arrows move between tabs, as in any tab list
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
        const i = active ? tabs.indexOf(active) : -1;
        const next =
          e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length;
        const path = tabs[next];
        if (!path) return;
        e.preventDefault();
        openFile(path);
        requestAnimationFrame(() => document.getElementById(tabId(path))?.focus());
      }}
    >
      {tabs.map((path) => {
        const errs = (diagnostics[path] ?? []).filter((d) => d.severity === 'error').length;
        const selected = path === active;
        return (
          <div key={path} className={`tab${selected ? ' selected' : ''}${errs ? ' has-errors' : ''}`}>
            <button
              type="button"
              role="tab"
              id={tabId(path)}
              aria-controls="editor-panel"
              tabIndex={selected ? 0 : -1}
              aria-selected={selected}
              className="tab-label"
              title={path}
              onClick={() => openFile(path)}
              onAuxClick={(e) => e.button === 1 && closeTab(path)}
            >
              {path.slice(path.lastIndexOf('/') + 1)}
            </button>
            <button type="button" className="tab-close" aria-label={`Close ${path}`} title="Close" onClick={() => closeTab(path)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}

function Problems() {
  const diagnostics = useApp((s) => s.diagnostics);
  const entries = Object.entries(diagnostics).flatMap(([path, list]) => list.map((d) => ({ path, d })));
  const errors = entries.filter((x) => x.d.severity === 'error').length;
  const warnings = entries.filter((x) => x.d.severity === 'warning').length;
  const [open, setOpen] = useState(true);
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <button type="button" className="problems-header" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>Problems</span>
        <span className={`count${errors ? ' error' : ''}`}>{errors} error{errors === 1 ? '' : 's'}</span>
        <span className={`count${warnings ? ' warning' : ''}`}>{warnings} warning{warnings === 1 ? '' : 's'}</span>
      </button>
      {open && entries.length > 0 && (
        <ul>
          {entries.map(({ path, d }, i) => {
            const text = vfs.tryReadText(path) ?? '';
            const { line, column } = lineColAt(text, d.start);
            return (
              <li key={`${path}:${i}`} className={`problem ${d.severity}`}>
                <button
                  type="button"
                  onClick={() => {
                    openFile(path);
                    useApp.setState((s) => ({ reveal: { path, offset: d.start, nonce: (s.reveal?.nonce ?? 0) + 1 } }));
                  }}
                >
                  <span className="sev">{d.severity === 'info' ? 'note' : d.severity}</span>
                  <span className="msg">{d.message.split('\n').join(' — ')}</span>
                  <span className="where">
                    {path}:{line}:{column}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** In place of the editor for a binary file: what it is, and a button that boots it. */
function BinaryFileView({ path }: { path: string }) {
  const size = vfs.isFile(path) ? vfs.stat(path).size : 0;
  return (
    <div className="binary-file" role="note">
      <p>
        <strong>{path}</strong> is a binary file ({size.toLocaleString('en')} bytes): a disk image or a kernel, not text to edit.
      </p>
      <button type="button" onClick={() => void runCommand(bootCommand(path))}>
        Boot it on the screen
      </button>
    </div>
  );
}

export function EditorArea() {
  const active = useApp((s) => s.active);
  useApp((s) => s.files); // a file that becomes binary (or text) shows again
  const ready = useApp((s) => s.ready);
  const [loadMonaco, setLoadMonaco] = useState(false);
  useEffect(() => {
    if (!ready) return;
    // let the page paint and become usable first, then fetch the editor
    const id = requestAnimationFrame(() => setLoadMonaco(true));
    return () => cancelAnimationFrame(id);
  }, [ready]);
  return (
    <section className="editor-area" aria-label="Editor">
      <Tabs />
      <div className="editor-body" id="editor-panel" role="tabpanel" aria-labelledby={active ? tabId(active) : undefined}>
        {!active && ready && <p className="empty-editor muted">No file is open. Pick one from the list of files.</p>}
        {active && isBinaryFile(active) && <BinaryFileView path={active} />}
        <EditorBoundary>
          {loadMonaco ? (
            <Suspense fallback={<PlainEditor />}>
              <MonacoEditor />
            </Suspense>
          ) : (
            <PlainEditor />
          )}
        </EditorBoundary>
      </div>
      <Problems />
    </section>
  );
}
