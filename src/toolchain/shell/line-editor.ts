// Line editing for the terminal, as readline does it: the characters a terminal sends (xterm's
// onData: text, control characters, escape sequences for the arrows) go in; what to write back
// to the terminal, and the finished lines, come out. DOM-free.
//
// Keys: ←/→, Home/End, Ctrl+A/E (start/end), Backspace, Delete, Ctrl+U (cut to start),
// Ctrl+K (cut to end), Ctrl+W (cut the word before the cursor), ↑/↓ (history), Ctrl+C (drop
// the line), Ctrl+L (clear the screen), Enter.

export type EditorEvent =
  | { type: 'line'; line: string }
  | { type: 'interrupt' }
  | { type: 'clear' };

/** Tab completion: the words that may complete the one ending at `cursor`, and where it starts. */
export type Completer = (line: string, cursor: number) => { start: number; candidates: string[] };

export class LineEditor {
  /** Called on Tab; without it Tab does nothing. */
  completer: Completer | null = null;
  private buffer = '';
  private cursor = 0;
  /** Entered lines, oldest first. */
  readonly history: string[] = [];
  /** Position while browsing history (history.length: the line being typed). */
  private historyAt = 0;
  /** The line being typed, kept while browsing history. */
  private draft = '';

  constructor(public prompt: string) {}

  get line(): string {
    return this.buffer;
  }

  /** Text that draws the prompt and the current line from the start of the terminal line. */
  render(): string {
    const back = this.buffer.length - this.cursor;
    return `\r${this.prompt}${this.buffer}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`;
  }

  /** Adds a line to the history (blank lines and repeats of the last one are not kept). */
  remember(line: string): void {
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > 500) this.history.shift();
    this.historyAt = this.history.length;
  }

  /**
   * Feeds terminal input; returns what to echo and the events it completed (a line entered,
   * an interrupt, a request to clear the screen).
   */
  feed(data: string): { echo: string; events: EditorEvent[] } {
    let echo = '';
    const events: EditorEvent[] = [];
    let redraw = false;
    for (let i = 0; i < data.length; ) {
      const seq = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i));
      if (seq) {
        redraw = this.escape(seq[0]) || redraw;
        i += seq[0].length;
        continue;
      }
      const c = data[i++]!;
      switch (c) {
        case '\r':
        case '\n': {
          if (c === '\n' && data[i - 2] === '\r') break; // \r\n pasted: one Enter
          const line = this.buffer;
          echo += (redraw ? this.render() : '') + '\r\n';
          redraw = false;
          this.buffer = '';
          this.cursor = 0;
          this.draft = '';
          this.remember(line);
          events.push({ type: 'line', line });
          break;
        }
        case '\x03': // Ctrl+C
          echo += (redraw ? this.render() : '') + '^C\r\n';
          redraw = false;
          this.buffer = '';
          this.cursor = 0;
          this.historyAt = this.history.length;
          events.push({ type: 'interrupt' });
          break;
        case '\x0c': // Ctrl+L
          events.push({ type: 'clear' });
          redraw = true;
          break;
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
            this.cursor--;
            redraw = true;
          }
          break;
        case '\x01': this.cursor = 0; redraw = true; break; // Ctrl+A
        case '\x05': this.cursor = this.buffer.length; redraw = true; break; // Ctrl+E
        case '\x02': this.cursor = Math.max(0, this.cursor - 1); redraw = true; break; // Ctrl+B
        case '\x06': this.cursor = Math.min(this.buffer.length, this.cursor + 1); redraw = true; break; // Ctrl+F
        case '\x15': // Ctrl+U
          this.buffer = this.buffer.slice(this.cursor);
          this.cursor = 0;
          redraw = true;
          break;
        case '\x0b': // Ctrl+K
          this.buffer = this.buffer.slice(0, this.cursor);
          redraw = true;
          break;
        case '\x17': { // Ctrl+W: the blanks before the cursor, then the word before them
          let start = this.cursor;
          while (start > 0 && this.buffer[start - 1] === ' ') start--;
          while (start > 0 && this.buffer[start - 1] !== ' ') start--;
          this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor);
          this.cursor = start;
          redraw = true;
          break;
        }
        case '\t': {
          const listing = this.complete();
          if (listing) {
            echo += (redraw ? this.render() : '') + `\r\n${listing}\r\n`;
          }
          redraw = true;
          break;
        }
        default:
          if (c < ' ') break; // other control characters do nothing
          this.buffer = this.buffer.slice(0, this.cursor) + c + this.buffer.slice(this.cursor);
          this.cursor++;
          redraw = true;
      }
    }
    if (redraw) echo += this.render();
    return { echo, events };
  }

  /**
   * Completes the word at the cursor as far as all candidates agree (a single candidate ends
   * with a space, or nothing after a directory's '/'). Returns the candidates to list when
   * there are several and nothing more could be added, as bash does on a second Tab.
   */
  private complete(): string | null {
    if (!this.completer) return null;
    const { start, candidates } = this.completer(this.buffer, this.cursor);
    if (candidates.length === 0) return null;
    const typed = this.buffer.slice(start, this.cursor);
    let common = candidates[0]!;
    for (const c of candidates) {
      let i = 0;
      while (i < common.length && i < c.length && common[i] === c[i]) i++;
      common = common.slice(0, i);
    }
    let insert = common.length > typed.length ? common.slice(typed.length) : '';
    if (candidates.length === 1 && !common.endsWith('/')) insert += ' ';
    if (insert) {
      this.buffer = this.buffer.slice(0, this.cursor) + insert + this.buffer.slice(this.cursor);
      this.cursor += insert.length;
      return null;
    }
    return candidates.length > 1 ? candidates.join('  ') : null;
  }

  private escape(seq: string): boolean {
    switch (seq) {
      case '\x1b[D': case '\x1bOD':
        if (this.cursor === 0) return false;
        this.cursor--;
        return true;
      case '\x1b[C': case '\x1bOC':
        if (this.cursor === this.buffer.length) return false;
        this.cursor++;
        return true;
      case '\x1b[H': case '\x1bOH': case '\x1b[1~':
        this.cursor = 0;
        return true;
      case '\x1b[F': case '\x1bOF': case '\x1b[4~':
        this.cursor = this.buffer.length;
        return true;
      case '\x1b[3~':
        if (this.cursor === this.buffer.length) return false;
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        return true;
      case '\x1b[A': case '\x1bOA':
        return this.browse(-1);
      case '\x1b[B': case '\x1bOB':
        return this.browse(1);
      default:
        return false;
    }
  }

  private browse(step: number): boolean {
    const to = this.historyAt + step;
    if (to < 0 || to > this.history.length) return false;
    if (this.historyAt === this.history.length) this.draft = this.buffer;
    this.historyAt = to;
    this.buffer = to === this.history.length ? this.draft : this.history[to]!;
    this.cursor = this.buffer.length;
    return true;
  }
}
