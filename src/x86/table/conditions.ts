// Condition codes 0-15 in encoding order, with the name the disassembler prints first
// and every alias NASM accepts. jcc, setcc and cmovcc are generated from this one list.
export const CONDITIONS: readonly (readonly string[])[] = [
  ['o'], ['no'], ['b', 'c', 'nae'], ['ae', 'nb', 'nc'], ['e', 'z'], ['ne', 'nz'], ['be', 'na'], ['a', 'nbe'],
  ['s'], ['ns'], ['p', 'pe'], ['np', 'po'], ['l', 'nge'], ['ge', 'nl'], ['le', 'ng'], ['g', 'nle'],
];

/** Flags each condition reads. */
export const CONDITION_FLAGS: readonly string[] = [
  'o', 'o', 'c', 'c', 'z', 'z', 'cz', 'cz', 's', 's', 'p', 'p', 'so', 'so', 'szo', 'szo',
];
