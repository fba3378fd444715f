// The Monaco editor, one model per project file, kept in step with the Vfs both ways:
// typing writes the file; a change from elsewhere (reset, solution, snapshot, later the shell)
// updates the model as an undoable edit. Diagnostics become markers.
import { useEffect, useRef } from 'react';
import { monaco, languageOf } from './setup.ts';
import { vfs, editFile, flushSave, isBinaryFile } from '../state/project.ts';
import { run } from '../state/build-run.ts';
import { useApp } from '../state/store.ts';
import { lineColAt, type Diagnostic } from '../../toolchain/config/diagnostic.ts';

const uriOf = (path: string) => monaco.Uri.from({ scheme: 'file', path: '/' + path });

/** The file's model; null for a binary file (an uploaded disk image is not text to edit). */
function modelFor(path: string): monaco.editor.ITextModel | null {
  const uri = uriOf(path);
  const existing = monaco.editor.getModel(uri);
  if (existing) return existing;
  if (isBinaryFile(path)) return null;
  const model = monaco.editor.createModel(vfs.tryReadText(path) ?? '', languageOf(path), uri);
  model.updateOptions({ tabSize: path.endsWith('.rs') ? 4 : 2, insertSpaces: true });
  model.onDidChangeContent(() => editFile(path, model.getValue()));
  return model;
}

function syncModel(path: string): void {
  if (isBinaryFile(path)) {
    disposeModel(path);
    return;
  }
  const model = monaco.editor.getModel(uriOf(path));
  const text = vfs.tryReadText(path);
  if (!model || text === undefined || model.getValue() === text) return;
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
}

function disposeModel(path: string): void {
  monaco.editor.getModel(uriOf(path))?.dispose();
}

function toMarker(text: string, d: Diagnostic): monaco.editor.IMarkerData {
  const a = lineColAt(text, d.start);
  const b = lineColAt(text, Math.max(d.end, d.start));
  const sameSpot = a.line === b.line && a.column === b.column;
  const severity =
    d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
  const notes = (d.notes ?? []).map((n) => (n.startsWith('help:') || n.startsWith('note:') ? n : `note: ${n}`));
  return {
    severity,
    message: [d.message, ...notes].join('\n'),
    source: d.source,
    startLineNumber: a.line,
    startColumn: a.column,
    endLineNumber: b.line,
    endColumn: sameSpot ? b.column + 1 : b.column,
  };
}

export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const active = useApp((s) => s.active);
  const theme = useApp((s) => s.theme);
  const diagnostics = useApp((s) => s.diagnostics);
  const focusEditor = useApp((s) => s.focusEditor);
  const reveal = useApp((s) => s.reveal);

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      lineHeight: 21,
      fontFamily: "'JetBrains Mono', 'Cascadia Mono', 'DejaVu Sans Mono', ui-monospace, monospace",
      scrollBeyondLastLine: false,
      renderWhitespace: 'selection',
      fixedOverflowWidgets: true,
      tabSize: 4,
      ariaLabel: 'Code editor',
      padding: { top: 8 },
    });
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
      void flushSave();
      useApp.setState({ notice: null });
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void run());

    for (const p of vfs.listFiles()) modelFor(p);
    const stop = vfs.subscribe((e) => {
      if (e.type === 'create') modelFor(e.path);
      else if (e.type === 'change') syncModel(e.path);
      else if (e.type === 'delete') disposeModel(e.path);
      else if (e.type === 'rename') {
        const old = monaco.editor.getModel(uriOf(e.from));
        const wasShown = editor.getModel() === old;
        old?.dispose();
        const m = modelFor(e.path);
        if (wasShown) editor.setModel(m);
      } else if (e.type === 'reset') {
        const keep = new Set(vfs.listFiles());
        for (const m of monaco.editor.getModels()) {
          const p = m.uri.path.slice(1);
          if (!keep.has(p)) m.dispose();
        }
        for (const p of keep) {
          if (monaco.editor.getModel(uriOf(p))) syncModel(p);
          else modelFor(p);
        }
      }
    });
    useApp.setState({ editorLoaded: true });
    return () => {
      stop();
      editor.dispose();
      useApp.setState({ editorLoaded: false });
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const current = editor.getModel();
    if (current) viewStates.current.set(current.uri.path.slice(1), editor.saveViewState());
    if (!active || !vfs.isFile(active)) {
      editor.setModel(null);
      return;
    }
    const model = modelFor(active);
    if (current !== model) {
      editor.setModel(model);
      const vs = model && viewStates.current.get(active);
      if (vs) editor.restoreViewState(vs);
    }
  }, [active]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    for (const model of monaco.editor.getModels()) {
      const path = model.uri.path.slice(1);
      const list = diagnostics[path] ?? [];
      const text = model.getValue();
      monaco.editor.setModelMarkers(model, 'bootlab', list.map((d) => toMarker(text, d)));
    }
  }, [diagnostics]);

  useEffect(() => {
    if (focusEditor) editorRef.current?.focus();
  }, [focusEditor]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    const model = editor.getModel();
    if (!model || model.uri.path.slice(1) !== reveal.path) return;
    const pos = model.getPositionAt(reveal.offset);
    editor.setPosition(pos);
    editor.revealPositionInCenterIfOutsideViewport(pos);
    editor.focus();
  }, [reveal, active]);

  return <div className="monaco-host" ref={host} data-testid="monaco" />;
}
