import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, MAX_REF_LENGTH, refFor } from '../../src/bot/custom-id.js';
import { hashId } from '../../src/search/ref.js';

describe('custom_id state', () => {
  it('round-trips every kind', () => {
    const states = [
      { kind: 'brief', view: 'quotes', length: 'detailed', ref: 'pier-vote' },
      { kind: 'open', length: 'short', ref: 'a:b:c' },
      { kind: 'articles', page: 7 },
      { kind: 'pick', length: 'standard' },
      { kind: 'timeline', page: 3, since: '7d', about: 'coast guard: talks' },
      { kind: 'timeline', page: 1, since: 'all', about: '' },
      { kind: 'related', ref: 'a:b' },
    ] as const;
    for (const state of states) expect(decodeState(encodeState(state))).toEqual(state);
  });

  it('clips a long timeline focus to fit the 100-character custom_id', () => {
    const id = encodeState({ kind: 'timeline', page: 12, since: '30d', about: 'x'.repeat(300) });
    expect(id.length).toBe(100);
    expect(decodeState(id)).toMatchObject({ kind: 'timeline', page: 12, since: '30d' });
    for (const bad of ['tl:v1:0:7d:x', 'tl:v1:2:9d:x', 'rel:v1:']) expect(decodeState(bad)).toBeNull();
  });

  it('keeps ids with colons intact', () => {
    expect(decodeState('brief:v1:p:t:2021:pier:vote')).toEqual({ kind: 'brief', view: 'people', length: 'standard', ref: '2021:pier:vote' });
  });

  it('rejects ids from other versions or other bots, and bad pages', () => {
    for (const id of ['brief:v0:b:t:x', 'brief:v1:z:t:x', 'brief:v1:b:t:', 'other', 'articles:v1:0', 'articles:v1:none-prev', 'pick:v1:x']) {
      expect(decodeState(id)).toBeNull();
    }
  });

  it('uses the id when it fits and a stable short hash when it does not', () => {
    expect(refFor('pier-vote')).toBe('pier-vote');
    const long = 'x'.repeat(MAX_REF_LENGTH + 1);
    expect(refFor(long)).toBe(hashId(long));
    expect(refFor(long)).toBe(refFor(long));
    expect(refFor(long).length).toBeLessThan(20);
    expect(encodeState({ kind: 'brief', view: 'numbers', length: 'detailed', ref: refFor(long) }).length).toBeLessThanOrEqual(100);
    expect(encodeState({ kind: 'brief', view: 'numbers', length: 'detailed', ref: refFor('y'.repeat(MAX_REF_LENGTH)) }).length).toBe(100);
    // An id that looks like a hash is hashed too, so it cannot be confused with another article's hash.
    expect(refFor('#abc')).toBe(hashId('#abc'));
  });
});
