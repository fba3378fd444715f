// Modal dialogs (share, confirm, a link that could not be opened) and the banners for a shared
// snapshot and for short notices. Dialogs use <dialog> so focus and Escape behave natively.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MAX_LINK_CHARS } from '../share/snapshot.ts';
import { dismissLinkError, keepMyWork, makeShareLink, replaceWithSnapshot, backToMyVersion, loadOtherTabWork, keepThisTabWork } from '../state/project.ts';
import { useApp } from '../state/store.ts';
import { LESSONS } from '../lessons.ts';

function Modal({ open, onClose, labelledBy, children, role = 'dialog' }: { open: boolean; onClose: () => void; labelledBy: string; children: ReactNode; role?: 'dialog' | 'alertdialog' }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="modal"
      role={role}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === ref.current && onClose()}
    >
      {open && <div className="modal-body">{children}</div>}
    </dialog>
  );
}

export function ShareDialog() {
  const open = useApp((s) => s.shareOpen);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [result, setResult] = useState<ReturnType<typeof makeShareLink> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) {
      setResult(makeShareLink());
      setCopied('no');
    }
  }, [open]);
  useEffect(() => {
    if (open && result && 'url' in result) input.current?.select();
  }, [open, result]);
  const close = () => useApp.setState({ shareOpen: false });
  const copy = async () => {
    if (!result || !('url' in result)) return;
    try {
      await navigator.clipboard.writeText(result.url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <Modal open={open} onClose={close} labelledBy="share-title">
      <h2 id="share-title">Share a snapshot</h2>
      {result && 'url' in result && (
        <>
          <p>
            This link holds your files for this step, the open file and the step itself. Anyone who opens it sees exactly
            this — nothing is uploaded, the link <em>is</em> the project. Later edits are not included: share again to
            send them.
          </p>
          <div className="share-row">
            <input ref={input} readOnly value={result.url} aria-label="Snapshot link" onFocus={(e) => e.target.select()} spellCheck={false} />
            <button type="button" className="primary" onClick={copy}>
              {copied === 'yes' ? 'Copied' : 'Copy link'}
            </button>
          </div>
          <p className="muted small" role="status">
            {copied === 'failed' ? 'Copying was not allowed here: the link is selected, press Ctrl+C (⌘C on a Mac). ' : ''}
            Link size: {result.chars.toLocaleString('en')} of at most {MAX_LINK_CHARS.toLocaleString('en')} characters.
          </p>
        </>
      )}
      {result && 'error' in result && (
        <p className="error-text" role="alert">
          {result.error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}

export function ConfirmDialog() {
  const req = useApp((s) => s.confirm);
  const close = () => useApp.setState({ confirm: null });
  return (
    <Modal open={!!req} onClose={close} labelledBy="confirm-title" role="alertdialog">
      {req && (
        <>
          <h2 id="confirm-title">{req.title}</h2>
          <p>{req.body}</p>
          <div className="dialog-actions">
            <button type="button" onClick={close} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className={req.danger ? 'danger' : 'primary'}
              onClick={() => {
                close();
                req.onConfirm();
              }}
            >
              {req.confirm}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

export function LinkErrorDialog() {
  const message = useApp((s) => s.linkError);
  return (
    <Modal open={!!message} onClose={dismissLinkError} labelledBy="link-error-title" role="alertdialog">
      <h2 id="link-error-title">This link could not be opened</h2>
      <p>{message}</p>
      <p className="muted">Nothing was changed: your own work is shown as you left it.</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={dismissLinkError} autoFocus>
          OK
        </button>
      </div>
    </Modal>
  );
}

export function Banners() {
  const snapshotView = useApp((s) => s.snapshotView);
  const notice = useApp((s) => s.notice);
  const solutionShown = useApp((s) => s.solutionShown);
  const stepIndex = useApp((s) => s.stepIndex);
  const saveState = useApp((s) => s.saveState);
  const saveError = useApp((s) => s.saveError);
  const otherTabChanged = useApp((s) => s.otherTabChanged);
  return (
    <>
      {otherTabChanged && (
        <div className="banner snapshot" role="region" aria-label="Changed in another tab">
          <p>
            <strong>Bootlab is open in another tab, and your project was just changed there.</strong> Choose which
            version to keep: typing on here would save over the other tab’s changes.
          </p>
          <div className="banner-actions">
            <button type="button" onClick={keepThisTabWork}>
              Keep this tab’s version
            </button>
            <button type="button" className="primary" onClick={() => void loadOtherTabWork()}>
              Load the other tab’s version
            </button>
          </div>
        </div>
      )}
      {snapshotView && (
        <div className="banner snapshot" role="region" aria-label="Shared snapshot">
          <p>
            <strong>You are looking at a shared snapshot</strong> (step {stepIndex + 1}, “{LESSONS[stepIndex]?.title}”).
            Your own saved work is untouched; changes you make here are not saved until you choose.
          </p>
          <div className="banner-actions">
            <button type="button" onClick={keepMyWork}>
              Keep my work
            </button>
            <button
              type="button"
              className="primary"
              onClick={() =>
                useApp.setState({
                  confirm: {
                    title: 'Replace your work with this snapshot?',
                    body: `Your saved files for step ${stepIndex + 1} are replaced by the snapshot’s. Your work on other steps stays as it is.`,
                    confirm: 'Replace my work',
                    danger: true,
                    onConfirm: replaceWithSnapshot,
                  },
                })
              }
            >
              Replace my work with this
            </button>
          </div>
        </div>
      )}
      {solutionShown && !snapshotView && (
        <div className="banner solution" role="region" aria-label="Solution shown">
          <p>The files now hold this step’s solution. Your own version is kept.</p>
          <div className="banner-actions">
            <button type="button" onClick={backToMyVersion}>
              Back to my version
            </button>
          </div>
        </div>
      )}
      {saveState === 'error' && (
        <div className="banner error" role="alert">
          <p>
            Your work cannot be saved in this browser{saveError ? ` (${saveError})` : ''}. It stays on screen; use Share to
            keep a copy before you close the page.
          </p>
        </div>
      )}
      {notice && (
        <div className="banner notice" role="status">
          <p>{notice}</p>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => useApp.setState({ notice: null })}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
