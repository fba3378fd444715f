export * from './diagnostic.ts';
export { renderHuman, renderSummary, renderAllHuman } from './human.ts';
export { toJson, renderAllJson, type JsonDiagnostic, type JsonSpan } from './json.ts';
