import { describe, expect, it } from 'vitest';
import { digest } from '../../src/corpus/index.js';
import { isPageFurniture } from '../../src/corpus/digest/furniture.js';
import { brief } from './briefings.js';

/** About the page, its services or the reader's device. */
const FURNITURE = [
  'Please enable JavaScript to watch this video about the harbour.',
  'You must select a newsletter to subscribe to.',
  'To keep you informed we have updated our privacy policy and terms of service.',
  'Get breaking news alerts delivered to your inbox every morning.',
  'Click through the slideshow to see the new ferry terminal.',
  'We are sorry, the page you are looking for cannot be found.',
  'These crawls are part of an effort to archive pages as they are created.',
  'This crawl of the city council website was made for the regional archive.',
];

/** Story sentences that share words with furniture, quotes to a reader included. */
const STORY = [
  'The ferry company sent an email to its staff on Tuesday announcing the closure.',
  'She described the long fight with the council in her weekly newsletter.',
  '"You have to understand what this harbour means to the town," the mayor said.',
  'The video shows the crane collapsing onto the pier shortly after noon.',
  'Police said the suspect crawled through a window of the archive building.',
];

describe('page furniture', () => {
  it.each(FURNITURE)('is furniture: %s', (s) => expect(isPageFurniture(s)).toBe(true));
  it.each(STORY)('is a story sentence: %s', (s) => expect(isPageFurniture(s)).toBe(false));

  it('leaves furniture out of the digest', () => {
    const sources = [
      brief(
        'ferry-1',
        `Harbour ferry halted after crane collapse

Please enable JavaScript to watch this video of the collapse at the harbour pier.
The harbour ferry service was halted on Monday after a crane collapsed onto the main pier.
Engineers said the pier would stay closed for at least three weeks while the crane is removed.`,
      ),
      brief(
        'ferry-2',
        `Crane falls on harbour pier

A crane collapsed onto the main pier of the harbour on Monday, halting the ferry service.
Get breaking news alerts about the harbour ferry delivered to your inbox every morning.
The ferry operator said passengers could use the coastal bus route until the pier reopens.`,
      ),
    ];
    const d = digest(sources, { points: 10 });
    expect(d.points.length).toBeGreaterThan(0);
    expect(d.points.some((p) => p.text.includes('JavaScript') || p.text.includes('inbox'))).toBe(false);
    expect(d.points.some((p) => p.text.includes('crane collapsed'))).toBe(true);
  });
});
