import { describe, expect, it } from 'vitest';
import { Vfs } from '../toolchain/vfs.ts';
import { validateProject } from '../toolchain/config/project.ts';
import { LESSONS, lessonIndex, parseFrontmatter } from './lessons.ts';

const errorsOf = (files: Record<string, string>) =>
  [...validateProject(Vfs.from(files)).entries()].flatMap(([path, list]) =>
    list.filter((d) => d.severity !== 'info').map((d) => `${path}: ${d.severity}: ${d.message}`),
  );

describe('frontmatter', () => {
  it('splits metadata from the body', () => {
    expect(parseFrontmatter('---\ntitle: "A: B"\nstep: 2\n---\n# Hi\n')).toEqual({ meta: { title: 'A: B', step: '2' }, body: '# Hi\n' });
    expect(parseFrontmatter('# No frontmatter')).toEqual({ meta: {}, body: '# No frontmatter' });
  });
});

describe('the lessons in content/', () => {
  it('are in folder order, each with a title, a body and the post’s files', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(2);
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSONS.map((l) => l.id)].sort());
    for (const l of LESSONS) {
      expect(l.title, l.id).not.toBe(l.id);
      expect(l.body.trim().length, l.id).toBeGreaterThan(100);
      for (const f of ['Cargo.toml', 'rust-toolchain', 'x86_64-blog_os.json', '.cargo/config.toml', 'src/main.rs']) {
        expect(Object.keys(l.start), `${l.id} starts with ${f}`).toContain(f);
      }
    }
    expect(lessonIndex(LESSONS[1]!.id)).toBe(1);
    expect(LESSONS[1]!.open).toBe('x86_64-blog_os.json');
    expect(LESSONS[0]!.open).toBe('src/main.rs');
    expect(lessonIndex('no-such-step')).toBe(-1);
  });

  it('start the first step with a project that has no problems', () => {
    expect(errorsOf(LESSONS[0]!.start)).toEqual([]);
  });

  it('give step 2 exactly the two fields its text asks to fix, and a clean solution', () => {
    const step = LESSONS.find((l) => l.id === '02-a-target-of-our-own')!;
    // its `nightly` is the post's era, which accepts them (as cargo does): notes naming the later change
    expect(errorsOf(step.start)).toEqual([]);
    const notes = validateProject(Vfs.from(step.start)).get('x86_64-blog_os.json')!.filter((d) => d.severity === 'info');
    expect(notes.map((d) => d.message.replace(/ accepts this.*refuse it:/, ' …:'))).toEqual([
      '`nightly` (behaving as 2024-01-25) …: target-pointer-width: invalid type: string "64", expected u16',
      '`nightly` (behaving as 2024-01-25) …: target-c-int-width: invalid type: string "32", expected u16',
    ]);
    // today's nightly refuses both
    expect(errorsOf({ ...step.start, 'rust-toolchain': 'nightly-2026-08-01\n' })).toEqual([
      'x86_64-blog_os.json: error: target-pointer-width: invalid type: string "64", expected u16',
      'x86_64-blog_os.json: error: target-c-int-width: invalid type: string "32", expected u16',
    ]);
    expect(errorsOf(step.solution!)).toEqual([]);
  });
});
