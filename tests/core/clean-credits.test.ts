import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/core/clean/index.js';
import { cutInlineCredits } from '../../src/core/clean/credits.js';

const story =
  'The council approved the new bridge on Tuesday after a long debate about its cost. ' +
  'Engineers said work would start in the spring and last about two years. ' +
  'Residents of the east bank have waited a decade for a second crossing over the river. ' +
  'The mayor said the vote was a turning point for the town and thanked the planners.';

describe('cutInlineCredits', () => {
  it('cuts a labelled credit and its caption sentence, keeping the text after it as a new paragraph', () => {
    const line = `Workers walk past the old bridge at dawn. Photograph: Jane Roe/Getty Images ${story}`;
    expect(cutInlineCredits(line)).toEqual([story]);
  });

  it('cuts a source in parentheses after a caption sentence in the middle of a line', () => {
    const line = 'The council approved the new bridge on Tuesday. The mayor at the vote on Tuesday. (Instagram) Engineers said work would start in the spring.';
    expect(cutInlineCredits(line)).toEqual(['The council approved the new bridge on Tuesday.', 'Engineers said work would start in the spring.']);
  });

  it('cuts a copyright notice after the last sentence of a story', () => {
    expect(cutInlineCredits(`${story} © Example Media Pty Ltd 2016`)).toEqual([story]);
  });

  it('leaves parentheses that are text alone', () => {
    const line = 'The crowd cheered when he finished. (Laughter) Then the mayor spoke again about the bridge.';
    expect(cutInlineCredits(line)).toEqual([line]);
    const pictured = 'The mayor (pictured) said the vote was a turning point for the town.';
    expect(cutInlineCredits(pictured)).toEqual([pictured]);
  });
});

describe('cleanDocument keeps clean one-line articles whole', () => {
  it('keeps a whole-story line that opens with a caption credit and ends with a copyright notice', () => {
    const text = `Mayor Ann Lee wins a civic award. (TOWN9) ${story} The mayor at the ceremony. (Twitter) © Example Media Pty Ltd 2016`;
    const doc = cleanDocument(text, 'text');
    expect(doc.body).toBe(story);
  });

  it('keeps a results list after a clean story written with blank lines between paragraphs', () => {
    const text = [
      'Town names its sports team',
      story,
      'The full squad was named at the club on Monday evening, with two newcomers included for the first time this season.',
      'Sprint: A Brown (Eastside AC), C Dunn (Riverside).',
      'Relay: E Frost (Eastside AC).',
      'Hurdles: G Hale (Northfield), I Irwin (Eastside AC).',
      'Long jump: J Jones (Riverside).',
      'High jump: K King (Northfield).',
    ].join('\n\n');
    const doc = cleanDocument(text, 'text');
    expect(doc.title).toBe('Town names its sports team');
    expect(doc.body).toContain('Relay: E Frost (Eastside AC).');
    expect(doc.body).toContain('High jump: K King (Northfield).');
  });
});

describe('cleanDocument never empties a text that holds prose', () => {
  it('keeps a one-line story about cookie banners that reads like a site notice', () => {
    const text =
      'Regulators said on Monday that websites must let visitors refuse cookies as easily as they accept them. ' +
      'The new guidance gives site owners six months to change their consent banners and privacy settings. ' +
      'Consumer groups welcomed the move but said enforcement would decide whether it works.';
    const doc = cleanDocument(text, 'text');
    expect(doc.body).toBe(text);
  });
});
