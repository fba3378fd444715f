// The learner's project in the page: one Vfs shared by editors (and later terminal and
// toolchain), the per-step workspaces that are saved, lesson navigation, snapshot links,
// and live validation of the configuration files.
import { strToU8, zipSync } from 'fflate';
import { type Diagnostic } from '../../toolchain/config/diagnostic.ts';
import { validateProject } from '../../toolchain/config/project.ts';
import { Vfs, checkNewPath, normalizePath } from '../../toolchain/vfs.ts';
import { LESSONS, lessonIndex } from '../lessons.ts';
import { decodeSnapshot, encodeSnapshot, snapshotFromHash, snapshotUrl, MAX_LINK_CHARS } from '../share/snapshot.ts';
import { LS_KEY, Saver, loadWork, valid, type SavedWork, type StepWork } from './persist.ts';
import { loadBinaries, saveBinaries } from './persist-binaries.ts';
import { print, useApp } from './store.ts';

export const vfs = new Vfs();

/** `.bootlab/` holds the page's rustup state (src/toolchain/rustup/state.ts): real rustup keeps its own at home. */
const isBootlabState = (path: string) => path === '.bootlab' || path.startsWith('.bootlab/');

/**
 * The files the learner sees in the file list. rustup's state travels with the project and its
 * links, but it is not a file to edit (`ls -a` in the terminal still shows it).
 */
export function visibleFiles(): string[] {
  return vfs.listFiles().filter((p) => !isBootlabState(p));
}

/** An uploaded disk image or kernel: bytes, not text for the editors. */
export function isBinaryFile(path: string): boolean {
  return vfs.isFile(path) && typeof vfs.read(path) !== 'string';
}

let work: SavedWork = { version: 1, savedAt: 0, step: LESSONS[0]?.id ?? 'none', steps: {} };
/** true while a shared snapshot is on screen: nothing is saved until the learner decides */
let viewingSnapshot = false;
let suppressSave = false;

const saver = new Saver((state, detail) => {
  if (viewingSnapshot) return;
  useApp.setState({ saveState: state, saveError: detail });
});

export const currentLesson = () => LESSONS[useApp.getState().stepIndex] ?? LESSONS[0]!;

function textFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, d] of Object.entries(vfs.toJSON())) if (typeof d === 'string') out[p] = d;
  return out;
}

function captureStep(): StepWork {
  const s = useApp.getState();
  const prev = work.steps[currentLesson().id];
  return {
    files: textFiles(),
    emptyDirs: vfs.listEmptyDirs(),
    tabs: s.tabs,
    active: s.active,
    beforeSolution: s.solutionShown ? prev?.beforeSolution : undefined,
  };
}

/** Records the current step in the saved work and writes it (unless a snapshot is being viewed). */
export function persist(): void {
  if (viewingSnapshot || suppressSave) return;
  work = { ...work, savedAt: Date.now(), step: currentLesson().id, steps: { ...work.steps, [currentLesson().id]: captureStep() } };
  saver.save(work);
}

/** Ctrl/⌘+S: everything is saved already as typed; write IndexedDB now and show that it is done. */
export function flushSave(): Promise<void> {
  if (!viewingSnapshot) persist();
  useApp.setState((s) => ({ savePulse: s.savePulse + 1 }));
  return saver.flush();
}

// ---- validation ----

let validateTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleValidation(delay = 120): void {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(runValidation, delay);
}

export function runValidation(): void {
  clearTimeout(validateTimer);
  const diagnostics: Record<string, Diagnostic[]> = {};
  try {
    for (const [p, list] of validateProject(vfs)) diagnostics[p] = list;
  } catch (e) {
    // a bug in a checker must not take the editor down: say so where the learner looks
    console.error(e);
    print(`Bootlab could not check your configuration files (an internal error: ${e instanceof Error ? e.message : String(e)}).`, 'error');
  }
  // the compiler's findings from the last Build/Run, where the checks found nothing at that place
  for (const [p, list] of Object.entries(toolDiagnostics)) {
    if (!vfs.isFile(p)) continue;
    const own = diagnostics[p] ?? [];
    const extra = list.filter((d) => !own.some((o) => o.start === d.start));
    if (extra.length) diagnostics[p] = [...own, ...extra];
  }
  useApp.setState({ diagnostics });
}

/**
 * What cargo and rustc reported at places in files (state/tool-output.ts), shown with the
 * checks' findings until the file changes or the next build replaces them.
 */
let toolDiagnostics: Record<string, Diagnostic[]> = {};
export function setToolDiagnostics(byPath: Record<string, Diagnostic[]>): void {
  toolDiagnostics = byPath;
  runValidation();
}

function dropToolDiagnostics(path: string | undefined): void {
  if (path === undefined) toolDiagnostics = {};
  else delete toolDiagnostics[path];
}

// ---- keeping the store in step with the file system ----

vfs.subscribe((e) => {
  const s = useApp.getState();
  dropToolDiagnostics('path' in e ? e.path : undefined);
  if (e.type === 'rename') dropToolDiagnostics(e.from);
  if (e.type === 'change') {
    // content only
  } else if (e.type === 'rename') {
    const swap = (p: string) => (p === e.from ? e.path : p);
    useApp.setState({ files: visibleFiles(), tabs: s.tabs.map(swap), active: s.active && swap(s.active) });
  } else if (e.type === 'delete') {
    const tabs = s.tabs.filter((t) => t !== e.path);
    const active = s.active === e.path ? (tabs[Math.max(0, s.tabs.indexOf(e.path) - 1)] ?? null) : s.active;
    useApp.setState({ files: visibleFiles(), tabs, active });
  } else {
    useApp.setState({ files: visibleFiles() });
  }
  scheduleValidation();
  persist();
  // (while a solution is shown, the saved uploads stay as the learner left them)
  if (!suppressSave && !viewingSnapshot && !s.solutionShown && (e.type !== 'change' || isBinaryFile(e.path))) scheduleBinarySave();
});

// ---- binary files (uploads): saved apart, in IndexedDB ----

let binaryTimer: ReturnType<typeof setTimeout> | undefined;

/** Saves the step's binary files shortly (what they are now, under the step they belong to). */
function scheduleBinarySave(): void {
  const stepId = currentLesson().id;
  const files: Record<string, Uint8Array> = {};
  for (const [p, d] of Object.entries(vfs.toJSON())) if (d instanceof Uint8Array) files[p] = d;
  clearTimeout(binaryTimer);
  binaryTimer = setTimeout(() => {
    saveBinaries(stepId, files).catch((err: unknown) =>
      print(`Bootlab could not save the uploaded files of this step (${err instanceof Error ? err.message : String(err)}); they are lost on reload.`, 'warning'),
    );
  }, 300);
}

/** Puts a step's saved binary files back, if the learner is still on that step. */
async function restoreBinaries(stepId: string): Promise<void> {
  const files = await loadBinaries(stepId);
  if (currentLesson().id !== stepId || viewingSnapshot) return;
  let added = false;
  for (const [path, data] of Object.entries(files)) {
    if (vfs.exists(path)) continue;
    vfs.writeFile(path, data, { silent: true });
    added = true;
  }
  if (added) useApp.setState({ files: visibleFiles() });
}

function loadFiles(files: Record<string, string>, tabs: string[], active: string | null, emptyDirs: string[] = []): void {
  suppressSave = true;
  try {
    vfs.replaceAll(files, emptyDirs);
  } finally {
    suppressSave = false;
  }
  const existing = tabs.filter((t) => vfs.isFile(t) && !isBootlabState(t));
  const act = active && vfs.isFile(active) ? active : (existing[0] ?? defaultOpen());
  const finalTabs = act && !existing.includes(act) ? [...existing, act] : existing;
  useApp.setState({ files: visibleFiles(), tabs: finalTabs, active: act });
  runValidation();
}

function defaultOpen(): string | null {
  for (const p of ['src/main.rs', 'x86_64-blog_os.json', 'Cargo.toml']) if (vfs.isFile(p)) return p;
  return visibleFiles()[0] ?? null;
}

const DEFAULT_TABS = ['Cargo.toml', 'x86_64-blog_os.json', '.cargo/config.toml', 'src/main.rs'];

function enterStep(index: number): void {
  const lesson = LESSONS[index]!;
  const saved = work.steps[lesson.id];
  useApp.setState({ stepIndex: index, solutionShown: !!saved?.beforeSolution });
  if (saved) loadFiles(saved.files, saved.tabs, saved.active, saved.emptyDirs);
  else loadFiles(lesson.start, DEFAULT_TABS, lesson.open);
  void restoreBinaries(lesson.id);
}

// ---- start-up ----

let started = false;

export async function init(): Promise<void> {
  // once per page, even when React's development mode runs effects twice
  if (started) return;
  started = true;
  const saved = await loadWork();
  if (saved) work = saved;
  const hashSnapshot = typeof location !== 'undefined' ? snapshotFromHash(location.hash) : null;
  if (hashSnapshot === null || !openSnapshot(hashSnapshot, !!saved)) enterStep(Math.max(0, lessonIndex(work.step)));
  useApp.setState({ ready: true });
  if (typeof window !== 'undefined') {
    const flush = () => void saver.flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    // another tab saving the same project: warn before either tab's typing is lost
    window.addEventListener('storage', (e) => {
      if (e.key !== LS_KEY || !e.newValue) return;
      try {
        const other = JSON.parse(e.newValue) as unknown;
        if (valid(other) && other.savedAt > work.savedAt) useApp.setState({ otherTabChanged: true });
      } catch {
        /* not ours to judge */
      }
    });
    // a link pasted into the address bar of an open Bootlab only changes the fragment
    window.addEventListener('hashchange', () => {
      const encoded = snapshotFromHash(location.hash);
      if (encoded === null) return;
      openSnapshot(encoded, Object.keys(work.steps).length > 0, () => {
        // the work on screen is saved before the snapshot replaces it
        if (!viewingSnapshot) persist();
        void saver.flush();
      });
    });
  }
}

/**
 * Shows the snapshot in a link. Over saved work it is only viewed until the learner decides;
 * with nothing saved it simply becomes the learner's work. A bad link changes nothing and
 * explains itself. Returns whether files were loaded.
 */
function openSnapshot(encoded: string, hasSavedWork: boolean, beforeLoading?: () => void): boolean {
  const r = decodeSnapshot(encoded);
  if (!r.ok) {
    useApp.setState({ linkError: r.message });
    return false;
  }
  beforeLoading?.();
  const snap = r.snapshot;
  const known = lessonIndex(snap.step);
  const index = known < 0 ? 0 : known;
  const tabs = snap.tabs ?? (snap.open ? [snap.open] : []);
  useApp.setState({ stepIndex: index, solutionShown: false, linkError: null });
  if (hasSavedWork) {
    viewingSnapshot = true;
    useApp.setState({ snapshotView: { hadSavedWork: true }, saveState: 'paused' });
    loadFiles(snap.files, tabs, snap.open ?? null);
  } else {
    loadFiles(snap.files, tabs, snap.open ?? null);
    clearHash();
    useApp.setState({
      notice:
        `Opened a shared project at step ${index + 1}, “${LESSONS[index]!.title}”.` +
        (known < 0 ? ' (The link named a step this Bootlab does not have, so it opened at the first one.)' : ''),
    });
    persist();
  }
  return true;
}

function clearHash(): void {
  if (typeof history !== 'undefined' && location.hash) history.replaceState(null, '', location.pathname + location.search);
}

/** Leaves the snapshot and goes back to the learner's own saved work. */
export function keepMyWork(): void {
  viewingSnapshot = false;
  clearHash();
  useApp.setState({ snapshotView: null, saveState: 'saved', notice: 'Back to your own work. The shared snapshot was not saved.' });
  enterStep(Math.max(0, lessonIndex(work.step)));
}

/** Makes the snapshot (as it is on screen now, with any edits) the learner's work for its step. */
export function replaceWithSnapshot(): void {
  viewingSnapshot = false;
  clearHash();
  useApp.setState({ snapshotView: null, notice: `The shared snapshot is now your work for step ${useApp.getState().stepIndex + 1}.` });
  persist();
}

/** Takes the work another tab saved (this tab's unsaved view of it is dropped). */
export async function loadOtherTabWork(): Promise<void> {
  const saved = await loadWork();
  useApp.setState({ otherTabChanged: false });
  if (!saved) return;
  work = saved;
  viewingSnapshot = false;
  useApp.setState({ snapshotView: null, saveState: 'saved' });
  enterStep(Math.max(0, lessonIndex(work.step)));
}

/** Keeps this tab's files: they are saved again, over the other tab's. */
export function keepThisTabWork(): void {
  useApp.setState({ otherTabChanged: false });
  persist();
}

export function dismissLinkError(): void {
  clearHash();
  useApp.setState({ linkError: null });
}

// ---- lesson steps ----

export function goToStep(index: number): void {
  if (index < 0 || index >= LESSONS.length || index === useApp.getState().stepIndex) return;
  if (!viewingSnapshot) persist();
  else {
    // leaving the snapshot view through navigation keeps the learner's work
    viewingSnapshot = false;
    clearHash();
    useApp.setState({ snapshotView: null, saveState: 'saved' });
  }
  work = { ...work, step: LESSONS[index]!.id };
  enterStep(index);
  persist();
}

export function resetStep(): void {
  const lesson = currentLesson();
  useApp.setState({ solutionShown: false });
  if (viewingSnapshot) {
    // only the snapshot on screen changes; the learner's saved work is not touched
    loadFiles(lesson.start, DEFAULT_TABS, lesson.open);
    return;
  }
  const stepWork = work.steps[lesson.id];
  if (stepWork) work = { ...work, steps: { ...work.steps, [lesson.id]: { ...stepWork, beforeSolution: undefined } } };
  loadFiles(lesson.start, DEFAULT_TABS, lesson.open);
  persist();
  scheduleBinarySave(); // uploads are gone from the reset step too
  print(`Step ${useApp.getState().stepIndex + 1} reset: its files are back as they started.`, 'info');
}

export function showSolution(): void {
  const lesson = currentLesson();
  if (!lesson.solution) return;
  if (viewingSnapshot) {
    const s = useApp.getState();
    loadFiles(lesson.solution, s.tabs, s.active);
    return;
  }
  const mine = textFiles();
  const s = useApp.getState();
  work = { ...work, steps: { ...work.steps, [lesson.id]: { ...captureStep(), beforeSolution: mine } } };
  useApp.setState({ solutionShown: true });
  loadFiles(lesson.solution, s.tabs, s.active);
  persist();
}

export function backToMyVersion(): void {
  const lesson = currentLesson();
  const mine = work.steps[lesson.id]?.beforeSolution;
  if (!mine || viewingSnapshot) return;
  const s = useApp.getState();
  useApp.setState({ solutionShown: false });
  work = { ...work, steps: { ...work.steps, [lesson.id]: { ...captureStep(), beforeSolution: undefined } } };
  loadFiles(mine, s.tabs, s.active);
  persist();
  // the solution did not touch the saved uploads: they come back with the learner's files
  void restoreBinaries(lesson.id);
}

// ---- files and tabs ----

export function openFile(path: string): void {
  const s = useApp.getState();
  if (!vfs.isFile(path)) return;
  useApp.setState({ tabs: s.tabs.includes(path) ? s.tabs : [...s.tabs, path], active: path });
  persist();
}

export function closeTab(path: string): void {
  const s = useApp.getState();
  const i = s.tabs.indexOf(path);
  if (i < 0) return;
  const tabs = s.tabs.filter((t) => t !== path);
  const active = s.active === path ? (tabs[Math.min(i, tabs.length - 1)] ?? null) : s.active;
  useApp.setState({ tabs, active });
  persist();
}

/** Creates an empty file; returns a problem to show, or null. */
export function createFile(path: string): string | null {
  const problem = checkNewPath(path);
  if (problem) return problem;
  const p = normalizePath(path);
  if (vfs.exists(p)) return `“${p}” already exists.`;
  try {
    vfs.writeFile(p, '');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  openFile(p);
  return null;
}

export function renameFile(from: string, to: string): string | null {
  const problem = checkNewPath(to);
  if (problem) return problem;
  const p = normalizePath(to);
  if (p === from) return null;
  if (vfs.exists(p)) return `“${p}” already exists.`;
  try {
    vfs.rename(from, p);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

export function deleteFile(path: string): void {
  if (vfs.isFile(path)) vfs.remove(path);
}

/** Text typed in an editor. */
export function editFile(path: string, text: string): void {
  if (vfs.isFile(path) && vfs.readText(path) !== text) vfs.writeFile(path, text);
}

// ---- sharing ----

export function makeShareLink(): { url: string; chars: number } | { error: string } {
  const s = useApp.getState();
  const encoded = encodeSnapshot({ files: textFiles(), open: s.active ?? undefined, tabs: s.tabs, step: currentLesson().id });
  if (encoded.length > MAX_LINK_CHARS) {
    return {
      error: `Your project is too large for a link: it packs to ${Math.ceil(encoded.length / 1000)} thousand characters, and links are limited to ${MAX_LINK_CHARS / 1000} thousand. Remove large files you do not need, then try again.`,
    };
  }
  return { url: snapshotUrl(location.href, encoded), chars: encoded.length };
}

// ---- going home: the project as a zip ----

/** The package name from Cargo.toml (what `cargo new` named the folder), or `project`. */
function packageName(): string {
  const text = vfs.tryReadText('Cargo.toml') ?? '';
  const m = /^\s*name\s*=\s*"([A-Za-z0-9_-]+)"/m.exec(text);
  return m?.[1] ?? 'project';
}

/** A zip of every file under a folder named after the package: unzip it and run `cargo bootimage`. */
export function projectZip(): { name: string; bytes: Uint8Array } {
  const root = packageName();
  const entries: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(vfs.toJSON())) {
    if (isBootlabState(path)) continue;
    entries[`${root}/${path}`] = typeof data === 'string' ? strToU8(data) : data;
  }
  for (const dir of vfs.listEmptyDirs()) if (!isBootlabState(dir)) entries[`${root}/${dir}/`] = new Uint8Array(0);
  return { name: `${root}.zip`, bytes: zipSync(entries, { level: 6 }) };
}

export function downloadProject(): void {
  const { name, bytes } = projectZip();
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
