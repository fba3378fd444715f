// Linker errors and warnings, worded as rust-lld words them: each message starts with
// "rust-lld: error: " (or "warning: "), continuation lines start with ">>> ", and messages
// that span several lines are separated from the next one by an empty line.

export interface LinkMessage {
  severity: 'error' | 'warning';
  /** First line without the "rust-lld: error: " prefix; further lines as they are. */
  text: string;
}

export class Diagnostics {
  readonly messages: LinkMessage[] = [];
  error(text: string): void {
    this.messages.push({ severity: 'error', text });
  }
  warn(text: string): void {
    this.messages.push({ severity: 'warning', text });
  }
  get errorCount(): number {
    return this.messages.filter((m) => m.severity === 'error').length;
  }
}

/** Thrown to stop linking after a fatal input problem (the message is already recorded). */
export class LinkAbort extends Error {
  override name = 'LinkAbort';
}

/** The text rust-lld writes to stderr for these messages. */
export function formatMessages(messages: readonly LinkMessage[], tool = 'rust-lld'): string {
  let out = '';
  let previousMultiline = false;
  messages.forEach((m, i) => {
    const multiline = m.text.includes('\n');
    if (i > 0 && (multiline || previousMultiline)) out += '\n';
    out += `${tool}: ${m.severity}: ${m.text}\n`;
    previousMultiline = multiline;
  });
  return out;
}
