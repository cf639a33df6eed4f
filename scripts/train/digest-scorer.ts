/**
 * `npm run train:digest-scorer [-- --write]`: fits the digest's learned sentence scorer
 * (src/corpus/digest/scorer.ts) on the TUNING part of the Multi-News dev clusters only (lib.ts partOf),
 * read from ../shared/eval at run time. Nothing of the data goes into the repository: --write replaces
 * src/corpus/digest/scorer-weights.ts with the model's numbers (feature means, scales, weights).
 *
 * Label of a candidate sentence: its ROUGE-2 precision against the cluster's reference (the share of
 * its stemmed word pairs that the reference writes, clipped), i.e. what it brings per word to a digest
 * of fixed length — centred per cluster, so the model learns which sentences of a set are better,
 * not which sets are easier. Model: ridge regression on standardised features (closed form).
 * Then the digest's ROUGE-2 on the tuning clusters for a few shares of the learned score (`learned`),
 * to choose that share without looking at the check part.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../src/core/analyze.js';
import { digest } from '../../src/corpus/index.js';
import { FEATURE_NAMES } from '../../src/corpus/digest/features.js';
import { candidateFeatures, DEFAULT_WEIGHTS } from '../../src/corpus/digest/select.js';
import { checkModel, type LinearModel } from '../../src/corpus/digest/scorer.js';
import type { SourceBriefing } from '../../src/corpus/types.js';
import { limited, mean, partOf, readJsonl } from '../eval/lib.js';
import { rouge, rougeTokens } from '../eval/rouge.js';
import { cutWords } from '../eval/tasks/across.js';
import { fitRidge, weightsSource } from './ridge.js';

interface MultiNewsItem {
  readonly id: string;
  readonly articles: readonly { readonly title: string | null; readonly text: string }[];
  readonly references: readonly string[];
}

const RIDGE = Number(process.env['RIDGE'] ?? '1');
const WORDS = 250;
const LABEL = process.env['LABEL'] ?? 'precision';

function bigrams(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const k = `${tokens[i]} ${tokens[i + 1]}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** ROUGE-2 precision of one sentence against the best reference. */
function label(sentence: string, references: readonly Map<string, number>[]): number {
  const own = bigrams(rougeTokens(sentence));
  let total = 0;
  for (const c of own.values()) total += c;
  if (total === 0) return 0;
  let best = 0;
  for (const ref of references) {
    let hit = 0;
    for (const [k, c] of own) hit += Math.min(c, ref.get(k) ?? 0);
    best = Math.max(best, LABEL === 'hits' ? hit / Math.max(1, [...ref.values()].reduce((a, b) => a + b, 0)) : LABEL === 'f' ? (2 * hit) / (total + [...ref.values()].reduce((a, b) => a + b, 0)) : hit / total);
  }
  return best;
}

function fit(rows: readonly number[][], labels: readonly number[]): LinearModel {
  return checkModel(fitRidge(FEATURE_NAMES, rows, labels, RIDGE));
}

function clusters(): { id: string; sources: SourceBriefing[]; references: readonly string[] }[] {
  return limited(readJsonl<MultiNewsItem>('multinews-dev.jsonl'))
    .filter((item) => partOf(item.id) === 'tuning')
    .map((item) => ({
      id: item.id,
      references: item.references,
      sources: item.articles.map((a, k) => ({ id: `a${String(k).padStart(2, '0')}.txt`, briefing: analyzeText(a.title ? `${a.title}\n\n${a.text}` : a.text, 'text') })),
    }));
}

interface Prepared {
  readonly sources: SourceBriefing[];
  readonly references: readonly string[];
  readonly rows: number[][];
  readonly labels: number[];
}

function prepare(set: ReturnType<typeof clusters>[number]): Prepared {
  const refs = set.references.map((r) => bigrams(rougeTokens(r)));
  const cands = candidateFeatures(set.sources);
  const ys = cands.map((c) => label(c.ref.text, refs));
  const m = mean(ys);
  // Within-set (fixed-effects) regression: features centred per set as the labels are, so the weights
  // rank a set's sentences against each other; the digest rescales scores per set anyway.
  const within = process.env['WITHIN'] !== '0';
  const centre = FEATURE_NAMES.map((_, j) => (within ? mean(cands.map((c) => c.features[j]!)) : 0));
  return { sources: set.sources, references: set.references, rows: cands.map((c) => c.features.map((x, j) => x - centre[j]!)), labels: ys.map((y) => y - m) };
}

function fitOn(sets: readonly Prepared[]): LinearModel {
  return fit(sets.flatMap((s) => s.rows), sets.flatMap((s) => s.labels));
}

function digestRouge(sets: readonly Prepared[], model: LinearModel, share: number): number {
  const weights = { ...DEFAULT_WEIGHTS, learned: share };
  return mean(sets.map((s) => rouge(cutWords(digest(s.sources, { words: WORDS, weights, scorer: model }).points.map((p) => p.text).join(' '), WORDS), s.references).rouge2));
}

const SHARES = [0, 0.5, 0.75, 1];
const FOLDS = 4;

function main(): void {
  const sets = clusters().map(prepare);
  const rows = sets.flatMap((s) => s.rows);
  const model = fitOn(sets);
  console.error(`tuning clusters ${sets.length}, sentences ${rows.length}, ridge ${RIDGE}`);
  FEATURE_NAMES.forEach((f, i) => console.error(`  ${f.padEnd(18)} ${model.weights[i]!.toFixed(4)}`));
  // Cross-validation inside the tuning part: each fold scored by a model fitted on the other folds.
  const cv = SHARES.map(() => [] as number[]);
  for (let k = 0; k < FOLDS; k++) {
    const held = sets.filter((_, i) => i % FOLDS === k);
    const foldModel = fitOn(sets.filter((_, i) => i % FOLDS !== k));
    SHARES.forEach((share, j) => cv[j]!.push(digestRouge(held, foldModel, share) * held.length));
  }
  SHARES.forEach((share, j) =>
    console.error(`  learned ${share.toFixed(2)}: tuning ROUGE-2 ${digestRouge(sets, model, share).toFixed(4)}, ${FOLDS}-fold inside tuning ${(cv[j]!.reduce((a, b) => a + b, 0) / sets.length).toFixed(4)}`),
  );
  if (process.argv.includes('--write')) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'corpus', 'digest', 'scorer-weights.ts');
    const comment = [
      'Generated by `npm run train:digest-scorer -- --write` (scripts/train/digest-scorer.ts): numbers only,',
      `fitted on the tuning part of the Multi-News dev clusters (${sets.length} clusters, ${rows.length} sentences, ridge ${RIDGE}).`,
    ];
    writeFileSync(file, weightsSource('DIGEST_SCORER', './scorer.js', comment, model));
    console.error(`wrote ${file}`);
  }
}

main();
