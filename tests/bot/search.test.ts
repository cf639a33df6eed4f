import { describe, expect, it } from 'vitest';
import { ArticleIndex } from '../../src/search/index.js';
import { hashId } from '../../src/search/ref.js';
import { makeSnippet } from '../../src/search/snippet.js';
import { briefing, FakeSource, person, quote, stored } from './fixtures.js';

function library(): FakeSource {
  return new FakeSource([
    stored('pier-vote', briefing({ title: 'Harbour council votes to rebuild pier', date: '2021-03-04', people: [person('Marta Oyelaran', 'harbour master')] })),
    stored(
      'orchard-frost',
      briefing({
        title: 'Late frost threatens apple orchards',
        date: '2021-03-02',
        body: 'Growers lit fires between the rows overnight. The frost came after a warm week and caught the blossom open.',
        quotes: [quote('We have never seen it this late', 'Tomasz Wielgus')],
      }),
    ),
    stored('tram-line', briefing({ title: 'New tram line opens to the airport', date: '2021-02-20', people: [person('Nguyễn Thị Lan', 'transport minister')] })),
  ]);
}

describe('ArticleIndex', () => {
  it('suggests by title words, with typos and partly typed words', () => {
    const index = new ArticleIndex(library());
    expect(index.autocomplete('orchrd')[0]?.id).toBe('orchard-frost');
    expect(index.autocomplete('harb pi')[0]?.id).toBe('pier-vote');
  });

  it('suggests by people (accents folded) and by id', () => {
    const index = new ArticleIndex(library());
    expect(index.autocomplete('nguyen')[0]?.id).toBe('tram-line');
    expect(index.autocomplete('oyelaran')[0]?.id).toBe('pier-vote');
    expect(index.autocomplete('tram-line')[0]?.id).toBe('tram-line');
  });

  it('lists the newest when nothing is typed, and at most the limit', () => {
    const index = new ArticleIndex(library());
    expect(index.autocomplete('').map((a) => a.id)).toEqual(['pier-vote', 'orchard-frost', 'tram-line']);
    expect(index.autocomplete('', 2)).toHaveLength(2);
  });

  it('searches bodies and quotes, best first, with a snippet', async () => {
    const index = new ArticleIndex(library());
    await index.whenIndexed();
    const [hit] = index.search('blossom');
    expect(hit?.article.id).toBe('orchard-frost');
    expect(hit?.snippet).toContain('blossom');
    expect(index.search('never seen')[0]?.article.id).toBe('orchard-frost');
    expect(index.search('zzzz')).toEqual([]);
  });

  it('follows the source: added, edited and removed articles', async () => {
    const source = library();
    const index = new ArticleIndex(source);
    source.set([...source.articles.filter((a) => a.id !== 'tram-line'), stored('ferry-strike', briefing({ title: 'Ferry crews strike over rosters', body: 'Crews walked out at dawn.' }))]);
    expect(index.autocomplete('ferry')[0]?.id).toBe('ferry-strike');
    await index.whenIndexed();
    expect(index.search('dawn')[0]?.article.id).toBe('ferry-strike');
    expect(index.search('blossom').map((h) => h.article.id)).toEqual(['orchard-frost']);
    expect(index.pendingFullText).toBe(0);
    expect(index.autocomplete('tram').map((a) => a.id)).not.toContain('tram-line');
    source.set(source.articles.map((a) => (a.id === 'pier-vote' ? stored('pier-vote', briefing({ title: 'Pier rebuild delayed by storms' })) : a)));
    expect(index.autocomplete('storms')[0]?.id).toBe('pier-vote');
    index.close();
    source.set([]);
    expect(index.size).toBe(2 + 1);
  });

  it('resolves ids, hashes and unambiguous words; suggests otherwise', () => {
    const index = new ArticleIndex(library());
    expect(index.resolve('tram-line')).toMatchObject({ kind: 'found', article: { id: 'tram-line' } });
    expect(index.resolveRef(hashId('orchard-frost'))?.id).toBe('orchard-frost');
    expect(index.resolve('Late frost threatens apple orchards')).toMatchObject({ kind: 'found', article: { id: 'orchard-frost' } });
    expect(index.resolve('apple')).toMatchObject({ kind: 'found', article: { id: 'orchard-frost' } });
    const typo = index.resolve('orchrds');
    expect(typo.kind).toBe('ambiguous');
    if (typo.kind === 'ambiguous') expect(typo.suggestions[0]?.id).toBe('orchard-frost');
    expect(index.resolve('volcano').kind).toBe('none');
  });
});

describe('makeSnippet', () => {
  it('returns short bodies whole and cuts long ones at word boundaries around the match', () => {
    expect(makeSnippet('Short body.', ['body'])).toBe('Short body.');
    const body = `${'Opening words here. '.repeat(30)}The keyword sits here. ${'Closing words there. '.repeat(30)}`;
    const s = makeSnippet(body, ['keyword'], 120);
    expect(s).toContain('keyword');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(122);
    const inner = s.slice(1, -1);
    expect(body).toContain(inner);
  });
});

describe('SuggestIndex', () => {
  it('tells one typo from two', async () => {
    const { withinOneEdit } = await import('../../src/search/suggest.js');
    expect(withinOneEdit('orchard', 'orchard')).toBe(true);
    expect(withinOneEdit('orchrd', 'orchard')).toBe(true); // dropped letter
    expect(withinOneEdit('orcahrd', 'orchard')).toBe(true); // swapped letters
    expect(withinOneEdit('orchird', 'orchard')).toBe(true); // wrong letter
    expect(withinOneEdit('orhcrd', 'orchard')).toBe(false);
    expect(withinOneEdit('orc', 'orchard')).toBe(false);
  });

  it('ranks articles matching every word above those matching some, then newer first', async () => {
    const { SuggestIndex } = await import('../../src/search/suggest.js');
    const index = new SuggestIndex();
    index.add('a', { title: 'Harbour pier rebuilt', people: '', idWords: 'a' });
    index.add('b', { title: 'Harbour festival', people: '', idWords: 'b' });
    index.add('c', { title: 'Harbour pier closed', people: '', idWords: 'c' });
    index.setOrder(['c', 'b', 'a']);
    expect(index.search('harbour pi', 10).map((h) => h.id)).toEqual(['c', 'a', 'b']);
    index.remove('c');
    expect(index.search('harbour pi', 10).map((h) => h.id)).toEqual(['a', 'b']);
    expect(index.search('festivl', 10).map((h) => h.id)).toEqual(['b']);
  });
});
