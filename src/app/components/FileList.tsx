// The project's files, listed by full path in file-tree order (folders first), with
// new / rename / delete. Keyboard: the buttons are ordinary buttons; F2 renames, Delete deletes.
import { useState } from 'react';
import { createFile, deleteFile, openFile, renameFile } from '../state/project.ts';
import { useApp } from '../state/store.ts';

function counts(list: { severity: string }[] | undefined) {
  let e = 0;
  let w = 0;
  for (const d of list ?? []) {
    if (d.severity === 'error') e++;
    else if (d.severity === 'warning') w++;
  }
  return { e, w };
}

function NameInput({ initial, label, onSubmit, onCancel }: { initial: string; label: string; onSubmit: (v: string) => string | null; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="file-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        const p = onSubmit(value);
        setProblem(p);
      }}
    >
      <input
        autoFocus
        aria-label={label}
        value={value}
        spellCheck={false}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        onBlur={() => !problem && value === initial && onCancel()}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'file-name-problem' : undefined}
      />
      {problem && (
        <div id="file-name-problem" className="file-name-problem" role="alert">
          {problem}
        </div>
      )}
    </form>
  );
}

export function FileList() {
  const files = useApp((s) => s.files);
  const active = useApp((s) => s.active);
  const diagnostics = useApp((s) => s.diagnostics);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);

  const askDelete = (path: string) =>
    useApp.setState({
      confirm: {
        title: `Delete ${path}?`,
        body: 'The file is removed from your project. Reset step brings back the step’s starting files.',
        confirm: 'Delete',
        danger: true,
        onConfirm: () => deleteFile(path),
      },
    });

  return (
    <nav className="file-list" aria-label="Files">
      <div className="pane-header">
        <h2>Files</h2>
        <button type="button" className="icon-button" onClick={() => setAdding(true)} aria-label="New file" title="New file">
          +
        </button>
      </div>
      {adding && (
        <NameInput
          initial=""
          label="New file name"
          onSubmit={(v) => {
            const p = createFile(v);
            if (!p) setAdding(false);
            return p;
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ul role="list">
        {files.map((path) => {
          const slash = path.lastIndexOf('/');
          const dir = slash < 0 ? '' : path.slice(0, slash);
          const name = path.slice(slash + 1);
          const { e, w } = counts(diagnostics[path]);
          return (
            <li key={path}>
              {renaming === path ? (
                <NameInput
                  initial={path}
                  label={`New name for ${path}`}
                  onSubmit={(v) => {
                    const p = renameFile(path, v);
                    if (!p) setRenaming(null);
                    return p;
                  }}
                  onCancel={() => setRenaming(null)}
                />
              ) : (
                <div className={`file-row${path === active ? ' active' : ''}`}>
                  <button
                    type="button"
                    className="file-open"
                    aria-current={path === active ? 'true' : undefined}
                    title={path}
                    onClick={() => {
                      openFile(path);
                      useApp.setState((s) => ({ focusEditor: s.focusEditor + 1 }));
                    }}
                    onKeyDown={(ev) => {
                      if (ev.key === 'F2') setRenaming(path);
                      else if (ev.key === 'Delete') askDelete(path);
                    }}
                  >
                    {dir && <span className="file-dir">{dir}/</span>}
                    <span className="file-name">{name}</span>
                  </button>
                  {e > 0 && <span className="badge error" title={`${e} error${e > 1 ? 's' : ''}`}>{e}<span className="sr-only"> error{e > 1 ? 's' : ''}</span></span>}
                  {e === 0 && w > 0 && <span className="badge warning" title={`${w} warning${w > 1 ? 's' : ''}`}>{w}<span className="sr-only"> warning{w > 1 ? 's' : ''}</span></span>}
                  <span className="file-actions">
                    <button type="button" className="icon-button" aria-label={`Rename ${path}`} title="Rename (F2)" onClick={() => setRenaming(path)}>
                      ✎
                    </button>
                    <button type="button" className="icon-button" aria-label={`Delete ${path}`} title="Delete" onClick={() => askDelete(path)}>
                      ×
                    </button>
                  </span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {files.length === 0 && <p className="muted small">No files. Use + to add one, or Reset step.</p>}
    </nav>
  );
}
