/**
 * /person autocomplete, answered from memory: the people of every briefing the member can see, one
 * entry per written full name (folded), most mentioned first. The dossier itself goes through the
 * identity module (src/corpus), which also joins one-word and variant names.
 */
import { nameWords } from '../../corpus/people/names.js';
import type { StoredArticle } from '../../library/store.js';
import { clip, fitChoices, type Choice } from '../limits.js';

interface Entry {
  readonly name: string;
  readonly words: string[];
  mentions: number;
  briefings: number;
}

const cache = new WeakMap<readonly StoredArticle[], Entry[]>();

function entriesOf(articles: readonly StoredArticle[]): Entry[] {
  const hit = cache.get(articles);
  if (hit) return hit;
  const byKey = new Map<string, Entry>();
  for (const a of articles) {
    for (const p of a.briefing.people) {
      const words = nameWords(p.name);
      if (words.length === 0) continue;
      const key = words.join(' ');
      const e = byKey.get(key) ?? { name: p.name, words, mentions: 0, briefings: 0 };
      e.mentions += p.mentions;
      e.briefings++;
      byKey.set(key, e);
    }
  }
  // Full names before one-word ones; then by how often the briefings mention them.
  const entries = [...byKey.values()].sort((a, b) => Number(b.words.length > 1) - Number(a.words.length > 1) || b.briefings - a.briefings || b.mentions - a.mentions);
  cache.set(articles, entries);
  return entries;
}

/** Does any briefing name someone whose name has all these words (prefixes)? Checked before deferring. */
export function mayNamePerson(articles: readonly StoredArticle[], typed: string): boolean {
  const q = nameWords(typed);
  return q.length > 0 && entriesOf(articles).some((e) => q.every((w) => e.words.some((x) => x.startsWith(w))));
}

export function personChoices(articles: readonly StoredArticle[], typed: string): Choice[] {
  const q = nameWords(typed);
  const entries = entriesOf(articles);
  const matches =
    q.length === 0
      ? entries
      : entries.filter((e) => q.every((w) => e.words.some((x) => x.startsWith(w))));
  return fitChoices(
    matches.slice(0, 25).map((e) => ({ name: clip(`${e.name} · ${e.briefings} briefing${e.briefings === 1 ? '' : 's'}`, 100), value: clip(e.name, 100) })),
  );
}
