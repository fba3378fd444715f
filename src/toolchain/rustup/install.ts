// Installing a toolchain or a component: a state change only. Nothing is downloaded (Bootlab's
// toolchain is already in the page), and the messages say so in one line where rustup would
// show download progress.
import { DEFAULT_COMPONENTS, canonicalComponent, type ActiveToolchain, type RustupState } from './state.ts';
import { rustcVersionLine, toolchainDate, type Toolchain } from './toolchain.ts';
import { releaseVersion } from './toolchain.ts';

export const NOTHING_DOWNLOADED = 'info: (Bootlab: nothing is downloaded; its toolchain is built in, so this takes no time)';

/** Installs `tc` if missing; returns the lines rustup prints (none when it was installed). */
export function installToolchain(state: RustupState, tc: Toolchain, extraComponents: readonly string[] = []): string[] {
  const lines: string[] = [];
  if (!state.toolchains[tc.fullName]) {
    const version = rustcVersionLine(tc).replace(/^rustc /, '');
    lines.push(
      `info: syncing channel updates for '${tc.fullName}'`,
      `info: latest update on ${toolchainDate(tc)}, rust version ${version}`,
      NOTHING_DOWNLOADED,
      ...DEFAULT_COMPONENTS.map((c) => `info: installing component '${c}'`),
    );
    state.toolchains[tc.fullName] = [...DEFAULT_COMPONENTS];
  }
  for (const c of extraComponents) lines.push(...addComponent(state, tc, c, false));
  return lines;
}

/** What rustup does before running a tool: installs the active toolchain and the components a toolchain file lists. */
export function ensureActive(state: RustupState, active: ActiveToolchain): string[] {
  return installToolchain(state, active.toolchain, active.reason.kind === 'file' ? active.reason.components : []);
}

/** `rustup component add`: the lines it prints. */
export function addComponent(state: RustupState, tc: Toolchain, name: string, sayNothingDownloaded = true): string[] {
  const c = canonicalComponent(name);
  const list = (state.toolchains[tc.fullName] ??= [...DEFAULT_COMPONENTS]);
  if (list.includes(c)) return [`info: component '${c}' for target 'x86_64-unknown-linux-gnu' is up to date`];
  list.push(c);
  list.sort();
  return [...(sayNothingDownloaded ? [NOTHING_DOWNLOADED] : []), `info: installing component '${c}'`];
}

export function installedSummary(tc: Toolchain): string {
  return `  ${tc.fullName} installed - ${rustcVersionLine(tc)}`;
}

export { releaseVersion };
