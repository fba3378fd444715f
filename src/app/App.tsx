import { useEffect, useState } from 'react';
import { EditorArea } from './components/EditorArea.tsx';
import { FileList } from './components/FileList.tsx';
import { Banners, ConfirmDialog, LinkErrorDialog, ShareDialog } from './components/Dialogs.tsx';
import { LessonPane } from './components/Panes.tsx';
import { TerminalPane } from './components/Terminal.tsx';
import { VgaScreen } from './components/VgaScreen.tsx';
import { Splitter } from './components/Splitter.tsx';
import { LESSONS } from './lessons.ts';
import { currentLesson, downloadProject, flushSave, goToStep, init, resetStep, showSolution } from './state/project.ts';
import { build, run } from './state/build-run.ts';
import { DiskImageButton } from './components/DiskImageButton.tsx';
import { setTheme, useApp } from './state/store.ts';

function useLayout() {
  const [layout, setLayout] = useState(() => {
    try {
      const saved = JSON.parse(localStorage.getItem('bootlab:layout') ?? 'null') as { lesson: number; editor: number; screen: number } | null;
      if (saved && typeof saved.lesson === 'number') return saved;
    } catch {
      /* default */
    }
    return { lesson: 22, editor: 58, screen: 48 };
  });
  const update = (patch: Partial<typeof layout>) => {
    const next = { ...layout, ...patch };
    setLayout(next);
    try {
      localStorage.setItem('bootlab:layout', JSON.stringify(next));
    } catch {
      /* not persisted */
    }
  };
  return [layout, update] as const;
}

function SaveIndicator() {
  const state = useApp((s) => s.saveState);
  const pulse = useApp((s) => s.savePulse);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (!pulse) return;
    setFlash(true);
    const t = setTimeout(() => setFlash(false), 1200);
    return () => clearTimeout(t);
  }, [pulse]);
  const text = { saved: 'All changes saved', saving: 'Saving…', error: 'Not saved', paused: 'Snapshot — not saved' }[state];
  return (
    <span className={`save-state ${state}${flash ? ' flash' : ''}`} role="status" title="Your files are saved in this browser as you type">
      {flash && state === 'saved' ? 'Saved ✓' : text}
    </span>
  );
}

function Toolbar() {
  const stepIndex = useApp((s) => s.stepIndex);
  const theme = useApp((s) => s.theme);
  const ready = useApp((s) => s.ready);
  const lesson = LESSONS[stepIndex];
  const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="logo" aria-hidden="true">▚</span>
        <h1>Bootlab</h1>
      </div>
      <nav className="step-nav" aria-label="Lesson steps">
        <button type="button" onClick={() => goToStep(stepIndex - 1)} disabled={!ready || stepIndex === 0} title="Previous step">
          <span aria-hidden="true">‹ </span>Previous
        </button>
        <span className="step-title" title={lesson?.title}>
          <span className="step-num">
            {stepIndex + 1}/{LESSONS.length}
          </span>{' '}
          {lesson?.title}
        </span>
        <button type="button" onClick={() => goToStep(stepIndex + 1)} disabled={!ready || stepIndex >= LESSONS.length - 1} title="Next step">
          Next<span aria-hidden="true"> ›</span>
        </button>
      </nav>
      <div className="actions">
        <button
          type="button"
          disabled={!ready}
          onClick={() =>
            useApp.setState({
              confirm: {
                title: 'Reset this step?',
                body: `The files go back to how step ${stepIndex + 1} started. Your changes to this step are lost; other steps keep theirs.`,
                confirm: 'Reset step',
                danger: true,
                onConfirm: resetStep,
              },
            })
          }
        >
          Reset step
        </button>
        <button
          type="button"
          disabled={!ready || !currentLesson()?.solution}
          title={currentLesson()?.solution ? 'Load the finished files of this step (your version is kept)' : 'This step has no solution to show'}
          onClick={showSolution}
        >
          Show solution
        </button>
        <span className="sep" aria-hidden="true" />
        <button type="button" disabled={!ready} onClick={() => void build()} title="Build: runs cargo build in the terminal">
          Build
        </button>
        <button type="button" className="primary" disabled={!ready} onClick={() => void run()} title={`Run: runs cargo run in the terminal (${mod}Enter)`}>
          <span aria-hidden="true">▶ </span>Run
        </button>
        <button type="button" disabled={!ready} onClick={() => useApp.setState({ shareOpen: true })} title="Make a link to this project">
          Share
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={!ready}
          onClick={downloadProject}
          aria-label="Download project"
          title="Download project (.zip) — it builds at home with cargo bootimage"
        >
          <span aria-hidden="true">⤓</span>
        </button>
        <DiskImageButton />
        <SaveIndicator />
        <button
          type="button"
          className="icon-button theme-toggle"
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
    </header>
  );
}

export function App() {
  const theme = useApp((s) => s.theme);
  const [layout, setLayout] = useLayout();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  useEffect(() => {
    void init();
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        void run();
      } else if (e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flushSave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#editor">
        Skip to the editor
      </a>
      <Toolbar />
      <Banners />
      <main
        className="workspace"
        style={{ '--lesson': `${layout.lesson}%`, '--editor': `${layout.editor}%`, '--screen': `${layout.screen}%` } as React.CSSProperties}
      >
        <div className="col-lesson">
          <LessonPane />
        </div>
        <Splitter orientation="vertical" value={layout.lesson} min={15} max={50} onChange={(v) => setLayout({ lesson: v })} label="Resize the lesson" />
        <div className="col-work">
          <div className="col-code" id="editor">
            <FileList />
            <EditorArea />
          </div>
          <Splitter orientation="vertical" value={layout.editor} min={30} max={80} onChange={(v) => setLayout({ editor: v })} label="Resize the editor" />
          <div className="col-machine">
            <VgaScreen />
            <Splitter orientation="horizontal" value={layout.screen} min={20} max={80} onChange={(v) => setLayout({ screen: v })} label="Resize the screen" />
            <TerminalPane />
          </div>
        </div>
      </main>
      <ShareDialog />
      <ConfirmDialog />
      <LinkErrorDialog />
    </div>
  );
}
