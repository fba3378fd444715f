// cargo's status lines: the verb right-aligned in 12 columns (`   Compiling`, `    Finished`).
export const verb = (v: string, rest: string) => `${v.padStart(12)} ${rest}`;
