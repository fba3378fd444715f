// The lesson steps, read from content/ at build time: one folder per step with `lesson.md`
// (frontmatter + markdown), `start/…` files and optional `solution/…` files.

export interface Lesson {
  /** the folder name, e.g. `01-how-a-pc-boots`: stable, used in links and saved work */
  id: string;
  title: string;
  /** markdown without the frontmatter */
  body: string;
  start: Record<string, string>;
  /** the file shown first when the step starts (frontmatter `open:`), default `src/main.rs` */
  open: string;
  /** the solution overlaid on the start files; undefined when the step has none */
  solution?: Record<string, string>;
}

// `exhaustive` makes the glob include dot-folders such as `.cargo/`
const raw = import.meta.glob('/content/*/**', {
  exhaustive: true,
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Splits `---\nkey: value\n---\n` frontmatter from the body. */
export function parseFrontmatter(text: string): { meta: Record<string, string>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z0-9_-]+):\s*(.*)$/.exec(line);
    if (kv) meta[kv[1]!] = kv[2]!.replace(/^["']|["']$/g, '');
  }
  return { meta, body: text.slice(m[0].length) };
}

function build(): Lesson[] {
  const byId = new Map<string, { md?: string; start: Record<string, string>; solution: Record<string, string> }>();
  for (const [path, text] of Object.entries(raw)) {
    const m = /^\/content\/([^/]+)\/(.+)$/.exec(path);
    if (!m) continue;
    const [, id, rest] = m as unknown as [string, string, string];
    const entry = byId.get(id) ?? { start: {}, solution: {} };
    byId.set(id, entry);
    if (rest === 'lesson.md') entry.md = text;
    else if (rest.startsWith('start/')) entry.start[rest.slice(6)] = text;
    else if (rest.startsWith('solution/')) entry.solution[rest.slice(9)] = text;
  }
  return [...byId.entries()]
    .filter(([, e]) => e.md !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, e]) => {
      const { meta, body } = parseFrontmatter(e.md!);
      const hasSolution = Object.keys(e.solution).length > 0;
      return {
        id,
        title: meta.title ?? id,
        body,
        open: meta.open && meta.open in e.start ? meta.open : 'src/main.rs',
        start: e.start,
        solution: hasSolution ? { ...e.start, ...e.solution } : undefined,
      };
    });
}

export const LESSONS: readonly Lesson[] = build();

export function lessonIndex(id: string): number {
  return LESSONS.findIndex((l) => l.id === id);
}
