// The lesson text, the VGA screen (powered off until the emulated PC arrives) and the terminal.
import { useEffect, useRef } from 'react';
import Markdown from 'react-markdown';
import { LESSONS } from '../lessons.ts';
import { goToStep, openFile, vfs } from '../state/project.ts';
import { offsetAt } from '../../toolchain/config/diagnostic.ts';
import { useApp } from '../state/store.ts';

export function LessonPane() {
  const stepIndex = useApp((s) => s.stepIndex);
  const lesson = LESSONS[stepIndex];
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollTo?.({ top: 0 });
    if (lesson) document.title = `${lesson.title} · Bootlab`;
  }, [stepIndex, lesson]);
  if (!lesson) return null;
  const next = LESSONS[stepIndex + 1];
  return (
    <article className="lesson" aria-label="Lesson" ref={ref} tabIndex={0}>
      <p className="step-label">
        Step {stepIndex + 1} of {LESSONS.length}
      </p>
      <div className="markdown">
        <Markdown
          components={{
            // the page has its own h1: lesson headings sit one level below it
            h1: ({ children }) => <h2 className="lesson-title">{children}</h2>,
            h2: ({ children }) => <h3>{children}</h3>,
            h3: ({ children }) => <h4>{children}</h4>,
            a: ({ href, children }) => (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {children}
              </a>
            ),
          }}
        >
          {lesson.body}
        </Markdown>
      </div>
      {next && (
        <p className="lesson-next">
          <button type="button" onClick={() => goToStep(stepIndex + 1)}>
            Continue with step {stepIndex + 2}: {next.title} <span aria-hidden="true">›</span>
          </button>
        </p>
      )}
    </article>
  );
}

export const VGA_COLS = 80;
export const VGA_ROWS = 25;

/** The screen of the emulated PC. Until the machine exists it is powered off: a dark glass. */
export function VgaScreen() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useApp((s) => s.theme);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    // 80×25 cells of 9×16 pixels: the VGA text mode's 720×400
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.fillStyle = '#555';
    ctx.font = '28px ui-monospace, "DejaVu Sans Mono", monospace';
    ctx.textAlign = 'center';
    ctx.fillText('— no signal —', c.width / 2, c.height / 2);
  }, [theme]);
  const blankRows = Array.from({ length: VGA_ROWS }, () => '').join('\n');
  return (
    <section className="screen-pane" aria-label="Screen">
      <div className="pane-header">
        <h2>Screen</h2>
        <span className="machine-status" role="status">
          <span className="led off" aria-hidden="true" /> Powered off
        </span>
      </div>
      <div className="screen-frame">
        <canvas ref={canvas} width={720} height={400} aria-label="VGA screen" role="img" />
      </div>
      <pre className="sr-only" data-testid="vga-text" aria-label="Screen text">
        {blankRows}
      </pre>
      <p className="muted small screen-note">The emulated PC is not part of Bootlab yet. Once it is, your kernel’s output appears here.</p>
    </section>
  );
}

/**
 * `--> path:line:col` in a line becomes a link that opens the file at that place, and an
 * `error[E0463]` code a link to the explanation in the Rust error-code index.
 */
function LineText({ text }: { text: string }) {
  const code = /^(.*?error\[)(E\d{4})(\].*)$/.exec(text);
  if (code) {
    return (
      <>
        {code[1]}
        <a className="t-link" href={`https://doc.rust-lang.org/error_codes/${code[2]}.html`} target="_blank" rel="noreferrer noopener">
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
          if (!vfs.isFile(path)) return;
          const offset = offsetAt(vfs.readText(path), Number(line), Number(col));
          openFile(path);
          useApp.setState((s) => ({ reveal: { path, offset, nonce: (s.reveal?.nonce ?? 0) + 1 } }));
        }}
      >
        {path}:{line}:{col}
      </a>
      {after}
    </>
  );
}

export function TerminalPane() {
  const lines = useApp((s) => s.terminal);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // keep the newest line in view (scrolling the terminal only, never the page)
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines.length]);
  return (
    <section className="terminal-pane" aria-label="Terminal">
      <div className="pane-header">
        <h2>Terminal</h2>
        <button type="button" className="text-button" onClick={() => useApp.setState({ terminal: [] })} disabled={lines.length === 0}>
          Clear
        </button>
      </div>
      {lines.length === 0 && <p className="terminal-hint muted small">Build and Run print here.</p>}
      <div className="terminal" data-testid="terminal" role="log" aria-live="polite" tabIndex={0} ref={box}>
        {lines.map((l, i) => (
          <div key={i} className={`t-line ${l.kind}`}>
            {l.text ? <LineText text={l.text} /> : '\u00a0'}
          </div>
        ))}
      </div>
    </section>
  );
}
