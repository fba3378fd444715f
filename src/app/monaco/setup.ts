// Monaco, bundled from npm (no CDN: the app must work offline) and loaded only when the editor
// is first shown (this module is reached through a dynamic import, so it is its own chunk).
// We take the editor core and its features, Rust's grammar, and our own small grammars for
// TOML and JSON; the JSON language service is left out: our validator owns the diagnostics.
import * as monaco from 'monaco-editor/editor/editor.api.js';
// The editor features a learner uses (find, folding, hover, comments, multi-cursor, go to
// line, the command palette…); language-service features we have no provider for are left out.
import 'monaco-editor/features/anchorSelect/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/caretOperations/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/codeEditor/register.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/dnd/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/fontZoom/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/gotoLine/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/inPlaceReplace/register.js';
import 'monaco-editor/features/insertFinalNewLine/register.js';
import 'monaco-editor/features/lineSelection/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/quickCommand/register.js';
import 'monaco-editor/features/quickHelp/register.js';
import 'monaco-editor/features/readOnlyMessage/register.js';
import 'monaco-editor/features/smartSelect/register.js';
import 'monaco-editor/features/toggleTabFocusMode/register.js';
import 'monaco-editor/features/tokenization/register.js';
import 'monaco-editor/features/unicodeHighlighter/register.js';
import 'monaco-editor/features/unusualLineTerminators/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/features/wordPartOperations/register.js';
import 'monaco-editor/languages/definitions/rust/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { fieldHover } from '../../toolchain/config/targetSpecFields.ts';
import { configKind } from '../../toolchain/config/project.ts';
import { tomlHover } from '../../toolchain/config/tomlDocs.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker: (id: string, label: string) => Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.languages.register({ id: 'toml', extensions: ['.toml'], aliases: ['TOML'] });
monaco.languages.setMonarchTokensProvider('toml', {
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      [/^\s*\[\[?[^\]]*\]\]?/, 'type'],
      [/[A-Za-z0-9_.-]+(?=\s*=)/, 'variable'],
      [/"""/, 'string', '@mlstring'],
      [/'''/, 'string', '@mlliteral'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'[^']*'/, 'string'],
      [/\b(true|false)\b/, 'keyword'],
      [/[+-]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(\.\d+)?([eE][+-]?\d+)?)/, 'number'],
      [/[[\]{},=]/, 'delimiter'],
    ],
    mlstring: [
      [/"""/, 'string', '@pop'],
      [/./, 'string'],
    ],
    mlliteral: [
      [/'''/, 'string', '@pop'],
      [/./, 'string'],
    ],
  },
});
monaco.languages.setLanguageConfiguration('toml', {
  comments: { lineComment: '#' },
  brackets: [['[', ']'], ['{', '}']],
  autoClosingPairs: [
    { open: '[', close: ']' },
    { open: '{', close: '}' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
});

monaco.languages.register({ id: 'json', extensions: ['.json'], aliases: ['JSON'] });
monaco.languages.setMonarchTokensProvider('json', {
  tokenizer: {
    root: [
      [/"([^"\\]|\\.)*"(?=\s*:)/, 'type'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/\b(true|false|null)\b/, 'keyword'],
      [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
      [/[{}[\],:]/, 'delimiter'],
      [/\/\/.*$/, 'comment'],
    ],
  },
});
monaco.languages.setLanguageConfiguration('json', {
  brackets: [['{', '}'], ['[', ']']],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
});

/** Hover help on the field names of a target specification. */
monaco.languages.registerHoverProvider('json', {
  provideHover(model, position) {
    const path = model.uri.path.replace(/^\//, '');
    if (configKind(path) !== 'target-spec') return null;
    const line = model.getLineContent(position.lineNumber);
    const re = /"([^"\\]*)"\s*:/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const start = m.index + 1;
      const end = start + m[0].indexOf(':');
      if (position.column >= start && position.column <= end) {
        const doc = fieldHover(m[1]!);
        if (!doc) return null;
        return {
          range: new monaco.Range(position.lineNumber, start, position.lineNumber, start + m[1]!.length + 2),
          contents: [{ value: doc }],
        };
      }
    }
    return null;
  },
});

/** Hover help on the keys of Cargo.toml, .cargo/config.toml and rust-toolchain(.toml). */
monaco.languages.registerHoverProvider('toml', {
  provideHover(model, position) {
    const kind = configKind(model.uri.path.replace(/^\//, ''));
    if (kind !== 'cargo-toml' && kind !== 'cargo-config' && kind !== 'rust-toolchain') return null;
    const h = tomlHover(kind, model.getValue(), model.getOffsetAt(position));
    if (!h) return null;
    const a = model.getPositionAt(h.start);
    const b = model.getPositionAt(h.end);
    return { range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), contents: [{ value: h.markdown }] };
  },
});

export function languageOf(path: string): string {
  if (path.endsWith('.rs')) return 'rust';
  if (path.endsWith('.toml') || path === 'rust-toolchain' || path === 'Cargo.lock') return 'toml';
  if (path.endsWith('.json')) return 'json';
  return 'plaintext';
}

export { monaco };
