/** How tests spawn the compiled entry points (built by tests/global-setup.ts): plain node, as in production. */
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const NODE = process.execPath;

/** dist/bot.js, dist/cli.js, dist/deploy.js: the files `npm start`, `npm run cli` and `npm run deploy` run. */
export function distEntry(name: 'bot' | 'cli' | 'deploy'): string {
  return join(ROOT, 'dist', `${name}.js`);
}
