// Binary files of the project (uploaded disk images and kernels) are saved apart from the text
// work: in IndexedDB only (structured clone keeps the bytes; localStorage holds strings, and an
// image of megabytes has no place in it), one entry per lesson step.
import { createStore, del, get, set } from 'idb-keyval';

let store: ReturnType<typeof createStore> | undefined;
const idb = () => (store ??= createStore('bootlab-binaries', 'files'));

export async function saveBinaries(stepId: string, files: Record<string, Uint8Array>): Promise<void> {
  if (Object.keys(files).length === 0) await del(stepId, idb());
  else await set(stepId, files, idb());
}

export async function loadBinaries(stepId: string): Promise<Record<string, Uint8Array>> {
  try {
    const v = (await get(stepId, idb())) as unknown;
    if (typeof v !== 'object' || v === null) return {};
    const out: Record<string, Uint8Array> = {};
    for (const [path, data] of Object.entries(v)) if (data instanceof Uint8Array) out[path] = data;
    return out;
  } catch {
    return {};
  }
}
