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

  it('every step’s start and solution validate with no errors under their own rust-toolchain', () => {
    for (const l of LESSONS) {
      expect(errorsOf(l.start), `${l.id} start`).toEqual([]);
      if (l.solution) expect(errorsOf(l.solution), `${l.id} solution`).toEqual([]);
    }
  });

  it('give step 2 the post’s target file: notes under the post’s `nightly`, errors under a dated one, a port in the solution', () => {
    const step = LESSONS.find((l) => l.id === '02-a-target-of-our-own')!;
    expect(step.start['rust-toolchain']!.trim()).toBe('nightly');
    // the post's era accepts its file (as cargo does): only notes, each naming the later change
    const all = [...validateProject(Vfs.from(step.start)).values()].flat();
    expect(all.filter((d) => d.severity !== 'info')).toEqual([]);
    const notes = validateProject(Vfs.from(step.start)).get('x86_64-blog_os.json')!;
    expect(notes.map((d) => d.message.replace(/ accepts this; nightlies from (\S+) refuse it:.*/, ' $1'))).toEqual([
      '`nightly` (behaving as 2024-01-25) 2024-02-01',
      '`nightly` (behaving as 2024-01-25) 2025-07-27',
      '`nightly` (behaving as 2024-01-25) 2025-07-27',
      '`nightly` (behaving as 2024-01-25) 2025-02-04',
      '`nightly` (behaving as 2024-01-25) 2025-02-04',
    ]);
    // the dated nightly the lesson asks for turns every note into rustc's error
    const dated = step.solution!['rust-toolchain']!;
    expect(dated.trim()).toBe('nightly-2026-01-01');
    expect(errorsOf({ ...step.start, 'rust-toolchain': dated })).toEqual([
      expect.stringMatching(/^x86_64-blog_os\.json: error: data-layout for target `x86_64-blog_os-[0-9a-f]+`, `e-m:e-i64:64-f80:128-n8:16:32:64-S128`, differs from LLVM target's/),
      'x86_64-blog_os.json: error: target-pointer-width: invalid type: string "64", expected u16',
      'x86_64-blog_os.json: error: target-c-int-width: invalid type: string "32", expected u16',
      'x86_64-blog_os.json: error: target feature `sse2` is required by the ABI but gets disabled in target spec',
      'x86_64-blog_os.json: error: target feature `soft-float` is incompatible with the ABI but gets enabled in target spec',
    ]);
    // the ported file is refused by the post's `nightly` (numbers for the widths)
    expect(errorsOf({ ...step.solution!, 'rust-toolchain': 'nightly\n' })).toContain(
      'x86_64-blog_os.json: error: Field target-pointer-width in target specification is required',
    );
  });
});
