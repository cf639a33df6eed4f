/** People finding lives in ./people/; this module keeps the pipeline's import path stable. */
export { findPeople } from './people/index.js';
