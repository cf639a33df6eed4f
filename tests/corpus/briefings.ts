/** Small briefings written for these tests (never text from ../shared/eval/), analysed by the real engine. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src/core/analyze.js';
import type { SourceBriefing } from '../../src/corpus/types.js';

export function brief(id: string, text: string): SourceBriefing {
  return { id, briefing: analyzeText(text, 'text') };
}

export function seed(name: string): SourceBriefing {
  return brief(`${name}.txt`, readFileSync(join(import.meta.dirname, '..', '..', 'articles', `${name}.txt`), 'utf8'));
}

export const SEED_BLINKEN = 'blinken-seeks-to-strengthen-us-ties-with-vietnam';
export const SEED_HANOI = 'us-looks-to-further-boost-comprehensive-partnership-with-hanoi';

/** Three articles on one visit: the full name, the surname alone, the title alone. */
export const manila = [
  brief(
    'manila-1',
    `Blinken arrives in Manila for talks

MANILA, March 12, 2024 (AP) — Secretary of State Antony Blinken arrived in Manila on Tuesday for two days of talks on maritime security with Philippine officials.

Antony Blinken said the United States stood by its treaty commitments. The visit follows a meeting of defence ministers on February 28.

The Philippine coast guard reported 12 incidents in the South China Sea last month.`,
  ),
  brief(
    'manila-2',
    `Philippines and US sign coast guard pact

MANILA, March 13, 2024 (Reuters) — Blinken met President Ferdinand Marcos at the presidential palace and signed a coast guard cooperation agreement worth $50 million.

"We will keep our word," Blinken told reporters after the meeting. Marcos welcomed the pact.

The Philippine coast guard reported 12 incidents in the South China Sea last month, officials said.`,
  ),
  brief(
    'manila-3',
    `Washington pledges patrol boats

WASHINGTON, March 15, 2024 (UPI) — The secretary of state told senators that five patrol boats would be delivered to Manila by June 30.

The secretary of state said the boats were part of the $50 million agreement.`,
  ),
];

/** Two people who share a surname, in two articles. */
export const bidens = [
  brief(
    'hunter',
    `Hunter Biden trial opens in Delaware

WILMINGTON, June 3, 2024 (AP) — Hunter Biden went on trial on Monday on gun charges in a federal court in Delaware.

Prosecutor Leo Wise told the jury that Hunter Biden had lied on a form. Biden has pleaded not guilty.`,
  ),
  brief(
    'joe',
    `Joe Biden campaigns in Pennsylvania

SCRANTON, June 4, 2024 (Reuters) — President Joe Biden spoke to union workers in Scranton on Tuesday about manufacturing jobs.

Joe Biden promised to protect 40,000 factory jobs in the state.`,
  ),
];
