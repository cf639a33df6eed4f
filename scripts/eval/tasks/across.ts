/**
 * `npm run eval -- across`: the cross-briefing engine (src/corpus) on the dev data, scored as the
 * held-out harness does (../shared/eval/README.md, "Across briefings"):
 *  - Multi-News digest ROUGE at 250 words beside lead (first sentence of each article in turn) and
 *    textrank (all sentences, near-duplicates skipped), both computed here on the same analyses;
 *  - ECB+ people across briefings: B-cubed P/R/F1 and cross_link_r beside merging the per-article
 *    people only when full names are equal.
 * Each is reported on the whole dev set and on its tuning and check parts (lib.ts partOf: Multi-News by
 * cluster id, ECB+ by topic, so one story never sits in both).
 * Every article goes through the real engine path (`analyzeText(text, 'text')`), then `digest()`.
 */
import { analyzeText } from '../../../src/core/analyze.js';
import type { Briefing } from '../../../src/core/types.js';
import { digest } from '../../../src/corpus/index.js';
import type { SourceBriefing } from '../../../src/corpus/types.js';
import { contentTerms } from '../../../src/text/terms.js';
import { f1, limited, mean, readJsonl, withParts, type EvalTask, type ScoreRow } from '../lib.js';
import { rouge, type RougeScores } from '../rouge.js';

interface MultiNewsItem {
  readonly id: string;
  readonly articles: readonly { readonly title: string | null; readonly text: string }[];
  readonly references: readonly string[];
}

interface EcbDoc {
  readonly id: string;
  readonly topic: string;
  readonly text: string;
}

interface EcbEntity {
  readonly entity_id: string;
  readonly topic: string;
  readonly mentions: readonly { readonly doc: string; readonly start: number; readonly end: number; readonly text: string }[];
}

const WORDS = 250;

export function cutWords(text: string, n: number): string {
  return text.split(/\s+/).filter((w) => w !== '').slice(0, n).join(' ');
}


// ---- Multi-News ------------------------------------------------------------------------------

function leadDigest(briefings: readonly Briefing[]): string {
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < WORDS; i++) {
    let any = false;
    for (const b of briefings) {
      const s = b.sentences[i];
      if (!s) continue;
      any = true;
      out.push(s.text);
      words += s.text.split(/\s+/).length;
    }
    if (!any) break;
  }
  return out.join(' ');
}

/** TextRank over all sentences of the cluster (overlap / log lengths, PageRank), near-duplicates skipped. */
function textrankDigest(briefings: readonly Briefing[]): string {
  const sentences = briefings.flatMap((b) => b.sentences.map((s) => s.text));
  const terms = sentences.map((s) => new Set(contentTerms(s)));
  const n = sentences.length;
  const sim = (i: number, j: number): number => {
    const a = terms[i]!;
    const b = terms[j]!;
    if (a.size < 2 || b.size < 2) return 0;
    let shared = 0;
    for (const t of a) if (b.has(t)) shared++;
    return shared / (Math.log(a.size) + Math.log(b.size));
  };
  const w: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : sim(i, j))));
  const out = w.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let it = 0; it < 30; it++) {
    rank = rank.map((_, i) => 0.15 / n + 0.85 * w.reduce((acc, row, j) => acc + (out[j]! > 0 ? (row[i]! * rank[j]!) / out[j]! : 0), 0));
  }
  const order = [...rank.keys()].sort((a, b) => rank[b]! - rank[a]!);
  const chosen: number[] = [];
  let words = 0;
  for (const i of order) {
    if (words >= WORDS) break;
    const dup = chosen.some((j) => {
      const a = terms[i]!;
      const b = terms[j]!;
      let shared = 0;
      for (const t of a) if (b.has(t)) shared++;
      return shared / Math.max(1, Math.min(a.size, b.size)) > 0.6;
    });
    if (dup) continue;
    chosen.push(i);
    words += sentences[i]!.split(/\s+/).length;
  }
  return chosen.map((i) => sentences[i]!).join(' ');
}

interface ClusterResult {
  readonly id: string;
  readonly ours: RougeScores;
  readonly lead: RougeScores;
  readonly textrank: RougeScores;
  readonly cited: number;
}

function multinews(): ClusterResult[] {
  return limited(readJsonl<MultiNewsItem>('multinews-dev.jsonl')).map((item) => {
    const briefings = item.articles.map((a) => analyzeText(a.title ? `${a.title}\n\n${a.text}` : a.text, 'text'));
    const sources: SourceBriefing[] = briefings.map((briefing, k) => ({ id: `a${String(k).padStart(2, '0')}.txt`, briefing }));
    const d = digest(sources, { words: WORDS });
    return {
      id: item.id,
      ours: rouge(cutWords(d.points.map((p) => p.text).join(' '), WORDS), item.references),
      lead: rouge(cutWords(leadDigest(briefings), WORDS), item.references),
      textrank: rouge(cutWords(textrankDigest(briefings), WORDS), item.references),
      cited: d.points.length === 0 ? 0 : d.points.filter((p) => p.sources.length > 0).length / d.points.length,
    };
  });
}

function digestRows(results: readonly ClusterResult[]): ScoreRow[] {
  const ours = mean(results.map((r) => r.ours.rouge2));
  return [
    { metric: 'multinews.rouge2_f1', value: ours, baseline: mean(results.map((r) => r.lead.rouge2)), baselineName: 'lead', target: 0.165 },
    { metric: 'multinews.rouge2_f1 (vs textrank)', value: ours, baseline: mean(results.map((r) => r.textrank.rouge2)), baselineName: 'textrank' },
    { metric: 'multinews.rouge1_f1', value: mean(results.map((r) => r.ours.rouge1)), baseline: mean(results.map((r) => r.lead.rouge1)), baselineName: 'lead' },
    { metric: 'multinews.points_with_sources', value: mean(results.map((r) => r.cited)) },
  ];
}

// ---- ECB+ people -----------------------------------------------------------------------------

const NOT_NAMES = new Set(
  'i he she it they we you him her his hers its their theirs them our us me my your the a an this that these those who whom whose which what some any one another each every all both'.split(' '),
);

/** The last capitalised, non-pronoun token of a mention, case-folded; null for unnamed mentions. */
export function namedToken(text: string): string | null {
  const tokens = text.split(/[^\p{L}\p{N}'’.-]+/u).filter((t) => t !== '');
  let last: string | null = null;
  for (const t of tokens) if (/^\p{Lu}/u.test(t) && !NOT_NAMES.has(t.toLowerCase())) last = t;
  return last === null ? null : last.toLowerCase().replace(/['’]s$/, '').replace(/[.'’]+$/, '');
}

interface PredictedPerson {
  readonly name: string;
  readonly files: readonly string[];
  readonly mentions: number;
}

interface Item {
  readonly doc: string;
  readonly entity: string;
  readonly tokens: ReadonlySet<string>;
}

interface PeopleCounts {
  p: number[];
  r: number[];
  pairs: number;
  linked: number;
}

function lastTokenOf(name: string): string {
  const words = name.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return (words[words.length - 1] ?? '').replace(/['’]s$/, '').replace(/[.'’]+$/, '');
}

/** B-cubed over the gold items, and the share of gold cross-document pairs kept together. */
function scoreTopic(items: readonly Item[], predicted: readonly PredictedPerson[], into: PeopleCounts): void {
  const assigned = items.map((item, i) => {
    let best: number | null = null;
    predicted.forEach((p, k) => {
      if (!p.files.includes(item.doc) || !item.tokens.has(lastTokenOf(p.name))) return;
      if (best === null || p.mentions > predicted[best]!.mentions) best = k;
    });
    return best === null ? `single:${i}` : `p:${best}`;
  });
  items.forEach((item, i) => {
    let same = 0;
    let predSize = 0;
    let goldSize = 0;
    items.forEach((other, j) => {
      const samePred = assigned[j] === assigned[i];
      const sameGold = other.entity === item.entity;
      if (samePred) predSize++;
      if (sameGold) goldSize++;
      if (samePred && sameGold) same++;
    });
    into.p.push(same / predSize);
    into.r.push(same / goldSize);
  });
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i]!.entity !== items[j]!.entity || items[i]!.doc === items[j]!.doc) continue;
      into.pairs++;
      if (assigned[i] === assigned[j]) into.linked++;
    }
  }
}

/** The baseline: each article's people, merged across files only when the full names are equal. */
function exactNameMerge(sources: readonly SourceBriefing[]): PredictedPerson[] {
  const byName = new Map<string, { name: string; files: string[]; mentions: number }>();
  for (const s of sources) {
    for (const p of s.briefing.people) {
      const key = p.name.toLowerCase();
      const had = byName.get(key) ?? { name: p.name, files: [], mentions: 0 };
      if (!had.files.includes(s.id)) had.files.push(s.id);
      had.mentions += p.mentions;
      byName.set(key, had);
    }
  }
  return [...byName.values()];
}

interface ScoredItem extends Item {
  readonly topic: string;
}

/**
 * One digest call per topic, as the harness makes them; the gold items are then scored against the
 * people of all calls together (an entity may have mentions in another topic's articles: the call that
 * held that article has to cover it). An item belongs to the part of its article's topic.
 */
function ecbplus(): { items: ScoredItem[]; ours: PredictedPerson[]; exact: PredictedPerson[] } {
  const docs = readJsonl<EcbDoc>('ecbplus-dev-docs.jsonl');
  const entities = readJsonl<EcbEntity>('ecbplus-dev-persons.jsonl');
  const topics = limited([...new Set(docs.map((d) => d.topic))].sort((a, b) => Number(a) - Number(b)));
  const topicOfDoc = new Map<string, string>();
  const ours: PredictedPerson[] = [];
  const exact: PredictedPerson[] = [];
  for (const topic of topics) {
    const topicDocs = docs.filter((d) => d.topic === topic);
    for (const d of topicDocs) topicOfDoc.set(d.id, topic);
    const sources: SourceBriefing[] = topicDocs.map((d) => ({ id: d.id, briefing: analyzeText(d.text, 'text') }));
    for (const p of digest(sources, { words: WORDS }).people) ours.push({ name: p.name, files: p.sources, mentions: p.mentions });
    exact.push(...exactNameMerge(sources));
  }
  const items: ScoredItem[] = [];
  for (const e of entities) {
    const byDoc = new Map<string, Set<string>>();
    for (const m of e.mentions) {
      const t = namedToken(m.text);
      if (t === null || !topicOfDoc.has(m.doc)) continue;
      byDoc.set(m.doc, (byDoc.get(m.doc) ?? new Set()).add(t));
    }
    for (const [doc, tokens] of byDoc) items.push({ doc, entity: e.entity_id, tokens, topic: `ecbplus-topic-${topicOfDoc.get(doc)}` });
  }
  return { items, ours, exact };
}

function peopleRows(items: readonly Item[], ours: readonly PredictedPerson[], exact: readonly PredictedPerson[]): ScoreRow[] {
  const empty = (): PeopleCounts => ({ p: [], r: [], pairs: 0, linked: 0 });
  const mine = empty();
  const base = empty();
  scoreTopic(items, ours, mine);
  scoreTopic(items, exact, base);
  const p = mean(mine.p);
  const r = mean(mine.r);
  const bp = mean(base.p);
  const br = mean(base.r);
  const name = 'exact full name';
  const linked = (c: PeopleCounts) => (c.pairs === 0 ? 0 : c.linked / c.pairs);
  return [
    { metric: 'ecbplus.people.bcubed_p', value: p, baseline: bp, baselineName: name, target: 0.95 },
    { metric: 'ecbplus.people.bcubed_r', value: r, baseline: br, baselineName: name },
    { metric: 'ecbplus.people.bcubed_f1', value: f1(p, r), baseline: f1(bp, br), baselineName: name, target: 0.92 },
    { metric: 'ecbplus.people.cross_link_r', value: linked(mine), baseline: linked(base), baselineName: name, target: 0.85 },
  ];
}

export const task: EvalTask = {
  name: 'across',
  async run() {
    const rows: ScoreRow[] = [];
    // BRIEFBOT_EVAL_ACROSS=digest|people runs one half while iterating.
    const only = process.env['BRIEFBOT_EVAL_ACROSS'];
    if (only !== 'people') rows.push(...withParts(multinews(), (r) => r.id, digestRows));
    if (only !== 'digest') {
      const { items, ours, exact } = ecbplus();
      rows.push(...withParts(items, (i) => i.topic, (subset) => peopleRows(subset, ours, exact)));
    }
    return rows;
  },
};
