/**
 * `npm run train:summary-scorer [-- --write]`: fits the one-article summary's learned sentence scorer
 * (src/core/summary/scorer.ts) on the TUNING part (lib.ts partOf) of the dev articles with references,
 * read from ../shared/eval at run time: realsumm (CNN/DM highlights) and newsroom (publishers' summaries),
 * and, when asked (BBC=w, MULTINEWS=w: off in the shipped model, both lowered the cross-validated figures),
 * BBC (machine-made extracts) and the single articles of the Multi-News tuning clusters (their reference
 * is the cluster's summary). Nothing of the data goes into the repository:
 * --write replaces src/core/summary/scorer-weights.ts with the model's numbers.
 *
 * Label of a candidate: its ROUGE-2 against the article's best reference (LABEL=f: 2·hits/(own+reference
 * pairs), the default; precision; recall; oracle: 1 for the greedy ROUGE-2 oracle's sentences), centred
 * per article with the features (within-article regression: the model ranks an article's sentences
 * against each other). Rows are weighted so that each article counts the same (BBC=, MULTINEWS=,
 * NEWSROOM= scale a source; DROP=a,b leaves features out). Then the summary's ROUGE-2 on the
 * realsumm and newsroom tuning articles for a few weights of the learned score beside the hand-set one,
 * in-sample and by 4-fold cross-validation inside the tuning part, to choose that weight without the check part.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../src/core/analyze.js';
import { SUMMARY_FEATURE_NAMES } from '../../src/core/summary/features.js';
import { DEFAULT_WEIGHTS, rankSummary, scoreCandidates } from '../../src/core/summary/rank.js';
import { checkSummaryModel } from '../../src/core/summary/scorer.js';
import type { Sentence } from '../../src/core/types.js';
import type { LinearModel } from '../../src/text/linear-model.js';
import { limited, mean, partOf, readJsonl } from '../eval/lib.js';
import { ngramCounts, rouge, rougeTokens } from '../eval/rouge.js';
import { fitRidge, weightsSource } from './ridge.js';

const RIDGE = Number(process.env['RIDGE'] ?? '10');
const LABEL = process.env['LABEL'] ?? 'f';
/** Row weight of each source, relative to the human-referenced sets (1). */
const BBC_WEIGHT = Number(process.env['BBC'] ?? '0');
const MULTINEWS_WEIGHT = Number(process.env['MULTINEWS'] ?? '0');
const NEWSROOM_WEIGHT = Number(process.env['NEWSROOM'] ?? '1');
/** Only the first this many candidates of an article are training rows (later ones are almost never chosen). */
const TRAIN_CANDIDATES = Number(process.env['TRAIN_CANDIDATES'] ?? '40');
const SHARES = (process.env['SHARES'] ?? '0,0.25,0.5,1,2,4').split(',').map(Number);
const FOLDS = 4;
/** Features left out of the fit (their weight is 0), to try smaller models: DROP=lead,leadLength. */
const DROP = new Set((process.env['DROP'] ?? '').split(',').filter((f) => f !== ''));

type Source = 'realsumm' | 'newsroom' | 'bbc' | 'multinews';

interface Article {
  readonly id: string;
  readonly source: Source;
  readonly title: string | null;
  readonly sentences: readonly Sentence[];
  readonly references: readonly string[];
}

interface Prepared extends Article {
  readonly rows: number[][];
  readonly labels: number[];
  readonly weight: number;
}

function articles(): Article[] {
  const out: Article[] = [];
  const add = (id: string, source: Source, text: string, references: readonly string[]) => {
    if (partOf(id) !== 'tuning') return;
    const b = analyzeText(text, 'text', { sentences: 3 });
    out.push({ id, source, title: b.title, sentences: b.sentences, references });
  };
  for (const set of ['realsumm', 'newsroom'] as const) {
    for (const item of limited(readJsonl<{ id: string; text: string; references: string[] }>(`${set}-dev.jsonl`))) add(item.id, set, item.text, item.references);
  }
  if (BBC_WEIGHT > 0) {
    for (const item of limited(readJsonl<{ id: string; text: string; summary_sentences: string[] }>('bbc-dev.jsonl'))) add(item.id, 'bbc', item.text, [item.summary_sentences.join(' ')]);
  }
  if (MULTINEWS_WEIGHT > 0) {
    for (const item of limited(readJsonl<{ id: string; articles: { text: string }[]; references: string[] }>('multinews-dev.jsonl'))) {
      // The cluster's split decides, so no article of a check cluster is trained on.
      if (partOf(item.id) !== 'tuning') continue;
      for (const a of item.articles) add(item.id, 'multinews', a.text, item.references);
    }
  }
  return out;
}

function label(sentence: string, references: readonly Map<string, number>[], referenceTotals: readonly number[]): number {
  const own = ngramCounts(rougeTokens(sentence), 2);
  let total = 0;
  for (const c of own.values()) total += c;
  if (total === 0) return 0;
  let best = 0;
  references.forEach((ref, r) => {
    let hit = 0;
    for (const [k, c] of own) hit += Math.min(c, ref.get(k) ?? 0);
    const refTotal = referenceTotals[r]!;
    const value = LABEL === 'precision' ? hit / total : LABEL === 'recall' ? hit / Math.max(1, refTotal) : (2 * hit) / (total + refTotal);
    best = Math.max(best, value);
  });
  return best;
}

/** 1 for the sentences of the greedy ROUGE-2 oracle (up to 3, each raising the summary's F1), else 0. */
function oracleLabels(texts: readonly string[], references: readonly string[]): number[] {
  const chosen: number[] = [];
  let best = 0;
  while (chosen.length < 3) {
    let pick = -1;
    for (let i = 0; i < texts.length; i++) {
      if (chosen.includes(i)) continue;
      const order = [...chosen, i].sort((x, y) => x - y);
      const value = rouge(order.map((j) => texts[j]!).join(' '), references).rouge2;
      if (value > best) {
        best = value;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
  }
  return texts.map((_, i) => (chosen.includes(i) ? 1 : 0));
}

function sourceWeight(source: Source): number {
  return source === 'bbc' ? BBC_WEIGHT : source === 'multinews' ? MULTINEWS_WEIGHT : source === 'newsroom' ? NEWSROOM_WEIGHT : 1;
}

function prepare(a: Article): Prepared | null {
  const scored = scoreCandidates(a.title, a.sentences, DEFAULT_WEIGHTS, true);
  if (scored === null || scored.features === null) return null;
  const refs = a.references.map((r) => ngramCounts(rougeTokens(r), 2));
  const totals = refs.map((r) => [...r.values()].reduce((x, y) => x + y, 0));
  const k = Math.min(TRAIN_CANDIDATES, scored.candidates.length);
  const feats = scored.features.slice(0, k);
  const texts = scored.candidates.slice(0, k).map((c) => c.sentence.text);
  const ys = LABEL === 'oracle' ? oracleLabels(texts, a.references) : texts.map((t) => label(t, refs, totals));
  const m = mean(ys);
  const centre = SUMMARY_FEATURE_NAMES.map((_, j) => mean(feats.map((f) => f[j]!)));
  return {
    ...a,
    rows: feats.map((f) => f.map((x, j) => (DROP.has(SUMMARY_FEATURE_NAMES[j]!) ? 0 : x - centre[j]!))),
    labels: ys.map((y) => y - m),
    // Each article counts the same whatever its length.
    weight: sourceWeight(a.source) / k,
  };
}

function fitOn(sets: readonly Prepared[]): LinearModel {
  const rows = sets.flatMap((s) => s.rows);
  const labels = sets.flatMap((s) => s.labels);
  const weights = sets.flatMap((s) => s.rows.map(() => s.weight * 30));
  return checkSummaryModel(fitRidge(SUMMARY_FEATURE_NAMES, rows, labels, RIDGE, weights));
}

function summaryRouge(sets: readonly Prepared[], model: LinearModel, share: number): number {
  if (sets.length === 0) return 0;
  const weights = { ...DEFAULT_WEIGHTS, learned: share };
  return mean(sets.map((s) => rouge(rankSummary(s.title, s.sentences, 3, weights, model).map((x) => x.text).join(' '), s.references).rouge2));
}

function main(): void {
  const sets = articles()
    .map(prepare)
    .filter((s): s is Prepared => s !== null);
  const scoredSets = (source: Source, from: readonly Prepared[]) => from.filter((s) => s.source === source);
  const model = fitOn(sets);
  const counts = (['realsumm', 'newsroom', 'bbc', 'multinews'] as const).map((s) => `${s} ${scoredSets(s, sets).length}`).join(', ');
  console.error(`tuning articles: ${counts}; rows ${sets.reduce((n, s) => n + s.rows.length, 0)}; ridge ${RIDGE}, label ${LABEL}`);
  SUMMARY_FEATURE_NAMES.forEach((f, i) => console.error(`  ${f.padEnd(18)} ${(model.weights[i]! / model.scale[i]!).toFixed(4)} per unit`));
  const cv = SHARES.map(() => ({ realsumm: 0, newsroom: 0 }));
  for (let k = 0; k < FOLDS; k++) {
    const held = sets.filter((_, i) => i % FOLDS === k);
    const foldModel = fitOn(sets.filter((_, i) => i % FOLDS !== k));
    SHARES.forEach((share, j) => {
      for (const source of ['realsumm', 'newsroom'] as const) {
        const h = scoredSets(source, held);
        cv[j]![source] += summaryRouge(h, foldModel, share) * h.length;
      }
    });
  }
  const rs = scoredSets('realsumm', sets);
  const nr = scoredSets('newsroom', sets);
  SHARES.forEach((share, j) => {
    const a = summaryRouge(rs, model, share);
    const b = summaryRouge(nr, model, share);
    console.error(
      `  learned ${share.toFixed(2)}: ROUGE-2 realsumm ${a.toFixed(4)} newsroom ${b.toFixed(4)}; ${FOLDS}-fold inside tuning realsumm ${(cv[j]!.realsumm / rs.length).toFixed(4)} newsroom ${(cv[j]!.newsroom / nr.length).toFixed(4)}`,
    );
  });
  if (process.argv.includes('--write')) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'core', 'summary', 'scorer-weights.ts');
    const comment = [
      'Generated by `npm run train:summary-scorer -- --write` (scripts/train/summary-scorer.ts): numbers only,',
      `fitted on the tuning part of the dev articles (${counts}; label ROUGE-2 ${LABEL}, ridge ${RIDGE}).`,
    ];
    writeFileSync(file, weightsSource('SUMMARY_SCORER', '../../text/linear-model.js', comment, model));
    console.error(`wrote ${file}`);
  }
}

main();
