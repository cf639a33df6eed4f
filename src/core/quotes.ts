/** Key quotes with their speakers; the work is done by the modules in ./quotes/. */
export { findQuotes } from './quotes/index.js';
