// Toolchain names as rustup reads them (`nightly`, `nightly-2025-03-01`, `stable`, `1.95.0`,
// each optionally followed by the host triple) and what each one is: its channel, the date its
// behaviour follows (src/toolchain/drift.ts) and the version lines its rustc and cargo print.
import { POST_ERA_NIGHTLY } from '../drift.ts';

export const HOST = 'x86_64-unknown-linux-gnu';
export const RUSTUP_HOME = '/home/learner/.rustup';
export const RUSTUP_VERSION_LINE = 'rustup 1.28.2 (e4f3ad6f8 2025-04-28)';

/** Today's stable is the host's rustc 1.95 (so the oracle tests can compare with it). */
const STABLE = { minor: 95, rustc: '59807616e 2026-04-14', cargo: 'f2d3ce0bd 2026-03-21', date: '2026-04-14' };

export interface Toolchain {
  channel: 'stable' | 'beta' | 'nightly' | 'version';
  /** `nightly-2025-03-01` → `2025-03-01` */
  pinnedDate?: string;
  /** `1.80.0` for a version toolchain */
  version?: string;
  /** rustup's full name, with the host triple */
  fullName: string;
}

const NAME = /^(?:(stable|beta|nightly)(?:-(\d{4}-\d{2}-\d{2}))?|(\d+\.\d+(?:\.\d+)?))(?:-x86_64-unknown-linux-gnu)?$/;

export function parseToolchain(name: string): Toolchain | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  if (m[3]) {
    const version = m[3].split('.').length === 2 ? `${m[3]}.0` : m[3];
    return { channel: 'version', version, fullName: `${m[3]}-${HOST}` };
  }
  const channel = m[1] as 'stable' | 'beta' | 'nightly';
  return { channel, pinnedDate: m[2], fullName: `${channel}${m[2] ? `-${m[2]}` : ''}-${HOST}` };
}

const DAY = 86_400_000;
const RUST_1_0 = Date.UTC(2015, 4, 15);

/** Rust releases every six weeks since 1.0 (2015-05-15); good to a day or two. */
function releaseDate(minor: number): string {
  return new Date(RUST_1_0 + minor * 42 * DAY).toISOString().slice(0, 10);
}

/** The minor version of the stable release out on a date. */
function stableMinorAt(date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - RUST_1_0) / (42 * DAY));
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
}

/** The date whose behaviour this toolchain has (drift table). */
export function toolchainDate(tc: Toolchain): string {
  if (tc.channel === 'nightly') return tc.pinnedDate ?? POST_ERA_NIGHTLY;
  if (tc.channel === 'version') return releaseDate(Number(tc.version!.split('.')[1]));
  if (tc.channel === 'beta') return tc.pinnedDate ?? STABLE.date;
  return tc.pinnedDate ?? STABLE.date;
}

export function isNightly(tc: Toolchain): boolean {
  return tc.channel === 'nightly';
}

/**
 * The commit part of a version line. Real toolchains print their git commit; Bootlab's other
 * toolchains are not builds of a rust-lang commit, so instead of inventing a hash they say
 * `bootlab` where the hash would be (stable matches the host's 1.95.0 and shows its commit).
 */
function commit(tc: Toolchain, tool: 'rustc' | 'cargo'): string {
  if (tc.channel === 'stable' && !tc.pinnedDate) return tool === 'rustc' ? STABLE.rustc : STABLE.cargo;
  const date = toolchainDate(tc);
  // a nightly is built from the previous day's last commit
  const built = tc.channel === 'nightly' ? dayBefore(date) : date;
  return `bootlab ${built}`;
}

/** `1.77.0-nightly`, `1.95.0` */
export function releaseVersion(tc: Toolchain): string {
  if (tc.channel === 'version') return tc.version!;
  if (tc.channel === 'stable' && !tc.pinnedDate) return `1.${STABLE.minor}.0`;
  const minor = stableMinorAt(toolchainDate(tc));
  if (tc.channel === 'nightly') return `1.${minor + 2}.0-nightly`;
  if (tc.channel === 'beta') return `1.${minor + 1}.0-beta`;
  return `1.${minor}.0`;
}

export function rustcVersionLine(tc: Toolchain): string {
  return `rustc ${releaseVersion(tc)} (${commit(tc, 'rustc')})`;
}

export function cargoVersionLine(tc: Toolchain): string {
  return `cargo ${releaseVersion(tc)} (${commit(tc, 'cargo')})`;
}

/** The toolchain's folder, as rustup lays it out (for messages that name the sysroot). */
export function sysroot(tc: Toolchain): string {
  return `${RUSTUP_HOME}/toolchains/${tc.fullName}`;
}
