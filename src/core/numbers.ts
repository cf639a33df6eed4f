/** Number extraction lives in ./numbers/; this path is the stable import for the pipeline. */
export { findNumbers } from './numbers/index.js';
