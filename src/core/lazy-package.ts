/**
 * A package loaded on its first use rather than at import: start-up is most of a one-file `analyze`,
 * and a plain UTF-8 text never needs the YAML parser, the charset detector or Readability (together
 * ~40 ms of loading). Through require (their CommonJS builds) because the engine is synchronous.
 */
import { createRequire } from 'node:module';

export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(name) as T);
}
