/**
 * Builds dist/ once per test run, so tests that spawn the bot or the CLI run what `npm start` and
 * `npm run cli` run (plain node on the compiled code), never a stale build.
 */
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { buildDist } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await (buildDist as () => Promise<void>)();
}
