// The whole instruction table: every group's rows expanded into concrete forms, with the
// two indexes the encoder and decoder are generated from.
import { expandRows, type Form, type Row } from '../spec.ts';
import { ALU_ROWS } from './alu.ts';
import { FLOW_ROWS } from './flow.ts';
import { MOVE_ROWS } from './move.ts';
import { SSE_ROWS } from './sse.ts';
import { STRING_ROWS } from './string.ts';
import { SYSTEM_ROWS } from './system.ts';

export const ROW_GROUPS: Readonly<Record<string, readonly Row[]>> = {
  alu: ALU_ROWS,
  move: MOVE_ROWS,
  flow: FLOW_ROWS,
  string: STRING_ROWS,
  system: SYSTEM_ROWS,
  sse: SSE_ROWS,
};

function build(): Form[] {
  const forms: Form[] = [];
  for (const rows of Object.values(ROW_GROUPS)) expandRows(rows, forms);
  return forms;
}

export const FORMS: readonly Form[] = Object.freeze(build());

/** Forms the encoder may pick, by mnemonic, in table order. */
export const FORMS_BY_MNEMONIC: ReadonlyMap<string, readonly Form[]> = (() => {
  const m = new Map<string, Form[]>();
  for (const f of FORMS) {
    if (f.decodeOnly) continue;
    let list = m.get(f.mnemonic);
    if (!list) m.set(f.mnemonic, (list = []));
    list.push(f);
  }
  return m;
})();

/**
 * Forms the decoder may produce, indexed by opcode map and opcode byte (a +r form is listed
 * under all eight bytes it covers).
 */
export const FORMS_BY_OPCODE: readonly (readonly Form[])[][] = (() => {
  const maps: Form[][][] = [0, 1, 2, 3].map(() => Array.from({ length: 256 }, () => []));
  for (const f of FORMS) {
    if (f.encodeOnly) continue;
    const n = f.plusReg ? 8 : 1;
    for (let r = 0; r < n; r++) maps[f.map][f.opcode + r].push(f);
  }
  return maps;
})();
