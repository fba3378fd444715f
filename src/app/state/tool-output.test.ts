import { describe, expect, it } from 'vitest';
import { findingsIn } from './tool-output.ts';

describe('findingsIn', () => {
  it('takes each message with its primary location and leaves out messages about the build', () => {
    const printed = [
      '   Compiling blog_os v0.1.0 (/)',
      'error: this file contains an unclosed delimiter',
      ' --> src/main.rs:2:12',
      '  |',
      '2 | fn main( {',
      '  |        - -^',
      'warning[E0170]: pattern binding named like a variant',
      '  --> ./src/lib.rs:10:5',
      '   ::: src/other.rs:1:1',
      '',
      'error: could not compile `blog_os` (bin "blog_os") due to 1 previous error',
    ];
    expect(findingsIn(printed)).toEqual([
      { severity: 'error', message: 'this file contains an unclosed delimiter', path: 'src/main.rs', line: 2, column: 12 },
      { severity: 'warning', message: 'pattern binding named like a variant [E0170]', path: 'src/lib.rs', line: 10, column: 5 },
    ]);
  });

  it('finds nothing in output without locations', () => {
    expect(findingsIn(["error[E0463]: can't find crate for `core`", '  |', '  = note: the target may not be installed'])).toEqual([]);
  });
});
