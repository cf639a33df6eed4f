/** Hand-made briefings and sources for the bot's unit tests (text written for these tests). */
import type { Briefing, NumberMention, Person, Quote, Sentence } from '../../src/core/types.js';
import type { ArticleSource } from '../../src/library/source.js';
import type { SkippedFile, StoredArticle } from '../../src/library/store.js';

export function sentence(text: string, index = 0): Sentence {
  return { text, start: 0, end: text.length, paragraph: index, index };
}

export function quote(text: string, speaker: string | null, score = 1): Quote {
  return { text, speaker, kind: 'direct', cue: 'said', score, start: 0, end: text.length };
}

export function person(name: string, role: string | null, mentions = 1): Person {
  return { name, role, mentions, aliases: [], spans: [] };
}

export function number(text: string, context: string, score = 1): NumberMention {
  return { text, context, score, value: null, unit: null, kind: 'number', start: 0, end: text.length };
}

export function briefing(overrides: Partial<Briefing> = {}): Briefing {
  const body = overrides.body ?? 'The harbour council voted to rebuild the old pier. Work starts in spring.';
  const sentences = overrides.sentences ?? body.split('. ').map((t, i) => sentence(t, i));
  return {
    title: 'Harbour council votes to rebuild pier',
    standfirst: null,
    source: 'Coast Gazette',
    date: '2021-03-04',
    author: null,
    url: 'https://example.com/pier',
    tags: [],
    body,
    format: 'text',
    sentences,
    summary: sentences.slice(0, 3),
    quotes: [],
    people: [],
    numbers: [],
    wordCount: body.split(/\s+/).length,
    ...overrides,
  };
}

export function stored(id: string, b: Briefing = briefing()): StoredArticle {
  return { id, file: `/nowhere/${id}.txt`, briefing: b };
}

/** A source whose contents a test can change, notifying listeners like the live library does. */
export class FakeSource implements ArticleSource {
  private listeners = new Set<() => void>();
  constructor(
    public articles: StoredArticle[] = [],
    public skippedFiles: SkippedFile[] = [],
  ) {}
  list(): readonly StoredArticle[] {
    return this.articles;
  }
  get(id: string): StoredArticle | undefined {
    return this.articles.find((a) => a.id === id);
  }
  skipped(): readonly SkippedFile[] {
    return this.skippedFiles;
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(articles: StoredArticle[]): void {
    this.articles = articles;
    for (const l of this.listeners) l();
  }
}
