/** The analysis core's public surface: plain functions and plain data, nothing of Discord. */
export { analyzeBytes, analyzeText, DEFAULT_SUMMARY_SENTENCES, ENGINE_VERSION } from './analyze.js';
export { InputError } from './errors.js';
export { MAX_INPUT_BYTES } from './limits.js';
export type * from './types.js';
