// The lesson text. (The screen is in VgaScreen.tsx, the terminal in Terminal.tsx.)
import { useEffect, useRef } from 'react';
import Markdown from 'react-markdown';
import { LESSONS } from '../lessons.ts';
import { goToStep } from '../state/project.ts';
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
