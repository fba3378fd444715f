export * from './span.ts';
export * from './source-file.ts';
export * from './source-map.ts';
