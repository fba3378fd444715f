import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Saver, loadWork, type SavedWork } from './persist.ts';

class MemoryStorage {
  map = new Map<string, string>();
  failWrites = false;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const work = (text: string, savedAt: number): SavedWork => ({
  version: 1,
  savedAt,
  step: '01',
  steps: { '01': { files: { 'src/main.rs': text }, tabs: ['src/main.rs'], active: 'src/main.rs' } },
});

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

describe('saving the learner’s work', () => {
  it('writes the mirror at once and IndexedDB on flush; loads it back', async () => {
    const states: string[] = [];
    const saver = new Saver((s) => states.push(s), 10_000);
    saver.save(work('fn a() {}', 1));
    expect(JSON.parse(storage.getItem('bootlab:work:v1')!).steps['01'].files['src/main.rs']).toBe('fn a() {}');
    await saver.flush();
    expect(states).toEqual(['saved', 'saved']);
    storage.map.clear(); // IndexedDB alone still has it
    expect((await loadWork())?.steps['01']?.files['src/main.rs']).toBe('fn a() {}');
  });

  it('prefers the newer of the two copies', async () => {
    const saver = new Saver(() => {}, 10_000);
    saver.save(work('older', 5));
    await saver.flush();
    storage.setItem('bootlab:work:v1', JSON.stringify(work('newer, typed just before a reload', 6)));
    expect((await loadWork())?.steps['01']?.files['src/main.rs']).toBe('newer, typed just before a reload');
    storage.setItem('bootlab:work:v1', JSON.stringify(work('stale mirror', 1)));
    expect((await loadWork())?.steps['01']?.files['src/main.rs']).toBe('older');
  });

  it('ignores a damaged mirror', async () => {
    const saver = new Saver(() => {}, 10_000);
    saver.save(work('good', 10));
    await saver.flush();
    storage.setItem('bootlab:work:v1', '{not json');
    expect((await loadWork())?.steps['01']?.files['src/main.rs']).toBe('good');
    storage.setItem('bootlab:work:v1', JSON.stringify({ version: 99 }));
    expect((await loadWork())?.steps['01']?.files['src/main.rs']).toBe('good');
  });

  it('still saves to IndexedDB when localStorage refuses', async () => {
    storage.failWrites = true;
    const states: string[] = [];
    const saver = new Saver((s) => states.push(s), 10_000);
    saver.save(work('quota full', 20));
    await saver.flush();
    expect(states.at(-1)).toBe('saved');
    expect((await loadWork())?.steps['01']?.files['src/main.rs']).toBe('quota full');
  });
});
