// Saving the learner's work so that a reload never loses anything typed.
//
// Every change is written at once to localStorage (synchronous: it is on disk before the page
// can go away) and, a moment later, to IndexedDB (roomier; the copy of record). On start the
// newer of the two wins. If the browser refuses storage (private mode, quota), the app says so.
import { createStore, get, set } from 'idb-keyval';

export interface StepWork {
  files: Record<string, string>;
  emptyDirs?: string[];
  tabs: string[];
  active: string | null;
  /** the learner's own files, kept while the step's solution is shown */
  beforeSolution?: Record<string, string>;
}

export interface SavedWork {
  version: 1;
  savedAt: number;
  step: string;
  steps: Record<string, StepWork>;
}

const KEY = 'work';
export const LS_KEY = 'bootlab:work:v1';
let store: ReturnType<typeof createStore> | undefined;

function idb() {
  store ??= createStore('bootlab', 'kv');
  return store;
}

export function valid(w: unknown): w is SavedWork {
  return (
    typeof w === 'object' && w !== null && (w as SavedWork).version === 1 &&
    typeof (w as SavedWork).step === 'string' && typeof (w as SavedWork).steps === 'object'
  );
}

export async function loadWork(): Promise<SavedWork | undefined> {
  let fromLs: SavedWork | undefined;
  try {
    const text = localStorage.getItem(LS_KEY);
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (valid(parsed)) fromLs = parsed;
  } catch {
    /* unreadable mirror: IndexedDB decides */
  }
  let fromIdb: SavedWork | undefined;
  try {
    const v = await get(KEY, idb());
    if (valid(v)) fromIdb = v;
  } catch {
    /* no IndexedDB here */
  }
  if (fromLs && fromIdb) return fromLs.savedAt >= fromIdb.savedAt ? fromLs : fromIdb;
  return fromLs ?? fromIdb;
}

export type SaveListener = (state: 'saved' | 'saving' | 'error', detail?: string) => void;

/** Writes the mirror now and IndexedDB shortly after; `flush` forces the IndexedDB write. */
export class Saver {
  private pending: SavedWork | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private listener: SaveListener, private delayMs = 250) {}

  save(work: SavedWork): void {
    this.pending = work;
    let mirrored = true;
    try {
      localStorage.setItem(LS_KEY, JSON.stringify(work));
    } catch {
      // full or blocked: IndexedDB below still gets it, and flush() reports if that fails too
      mirrored = false;
    }
    // with the mirror written, a reload already finds the work: it is saved
    this.listener(mirrored ? 'saved' : 'saving');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const work = this.pending;
    if (!work) return;
    this.pending = undefined;
    try {
      await set(KEY, work, idb());
      if (!this.pending) this.listener('saved');
    } catch (e) {
      let mirrored = false;
      try {
        mirrored = localStorage.getItem(LS_KEY) !== null;
      } catch {
        /* nothing */
      }
      this.listener(mirrored ? 'saved' : 'error', e instanceof Error ? e.message : String(e));
    }
  }
}
