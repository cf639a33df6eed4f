/**
 * `npm run eval -- summary`: the summary through the real engine path (`analyzeText(text, 'text', …)`),
 * scored with ROUGE on the human references (realsumm, newsroom: N = 3) and on BBC (N = number of
 * reference sentences, and N = 3), plus BBC sentence precision/recall and how many BBC reference
 * sentences our splitter reproduces exactly. Baselines are the README's dev figures.
 */
import { analyzeText } from '../../../src/core/analyze.js';
import { limited, mean, readJsonl, withParts, type EvalTask, type ScoreRow } from '../lib.js';
import { normalizeSentence, rouge, rougeTokens, sentenceMatches, type RougeScores } from '../rouge.js';

interface ReferencedItem {
  readonly id: string;
  readonly text: string;
  readonly references: readonly string[];
}

interface BbcItem {
  readonly id: string;
  readonly text: string;
  readonly summary_sentences: readonly string[];
}

function summaryOf(text: string, n: number): string[] {
  return analyzeText(text, 'text', { sentences: n }).summary.map((s) => s.text);
}

function meanRouge(scores: readonly RougeScores[]): RougeScores {
  return {
    rouge1: mean(scores.map((s) => s.rouge1)),
    rouge2: mean(scores.map((s) => s.rouge2)),
    rougeL: mean(scores.map((s) => s.rougeL)),
  };
}

const LEAD = {
  realsumm: { rouge1: 0.411, rouge2: 0.176, rougeL: 0.258 },
  newsroom: { rouge1: 0.274, rouge2: 0.158, rougeL: 0.228 },
  bbc: { rouge1: 0.636, rouge2: 0.506, rougeL: 0.408, sent_p: 0.424, sent_r: 0.477, at3_rouge1: 0.382, at3_sent_p: 0.421 },
};
const TEXTRANK_BBC = { rouge1: 0.802, rouge2: 0.743, rougeL: 0.507, sent_p: 0.649, sent_r: 0.73, at3_rouge1: 0.584, at3_sent_p: 0.813 };

interface ReferencedResult {
  readonly id: string;
  readonly ours: RougeScores;
  readonly engineLead: RougeScores;
}

function referencedRows(set: 'realsumm' | 'newsroom'): ScoreRow[] {
  const items = limited(readJsonl<ReferencedItem>(`${set}-dev.jsonl`));
  const results = items.map((item): ReferencedResult => {
    const briefing = analyzeText(item.text, 'text', { sentences: 3 });
    return {
      id: item.id,
      ours: rouge(briefing.summary.map((s) => s.text).join(' '), item.references),
      // Lead-3 of the same cleaned, split body: isolates the ranking from the cleaning.
      engineLead: rouge(briefing.sentences.slice(0, 3).map((s) => s.text).join(' '), item.references),
    };
  });
  const lead = LEAD[set];
  // The bar: beat plain Lead-3 on these human references.
  return withParts(results, (r) => r.id, (part) => {
    const scores = meanRouge(part.map((r) => r.ours));
    const engineLead = meanRouge(part.map((r) => r.engineLead));
    return [
      { metric: `${set}.rouge1`, value: scores.rouge1, baseline: lead.rouge1, target: lead.rouge1 },
      { metric: `${set}.rouge2`, value: scores.rouge2, baseline: lead.rouge2, target: lead.rouge2 },
      { metric: `${set}.rougeL`, value: scores.rougeL, baseline: lead.rougeL, target: lead.rougeL },
      { metric: `${set}.rouge2 (vs lead-3 of cleaned body)`, value: scores.rouge2, baseline: engineLead.rouge2, baselineName: 'engine lead' },
      { metric: `${set}.rouge2 minus engine lead-3`, value: scores.rouge2 - engineLead.rouge2 },
    ];
  });
}

function bbcRows(): ScoreRow[] {
  const items = limited(readJsonl<BbcItem>('bbc-dev.jsonl'));
  const full: RougeScores[] = [];
  const at3: RougeScores[] = [];
  let predicted = 0;
  let gold = 0;
  let matched = 0;
  let predicted3 = 0;
  let matched3 = 0;
  let words = 0;
  let refSentences = 0;
  let refSplitExact = 0;
  let refSplitNormalized = 0;
  for (const item of items) {
    const refs = item.summary_sentences;
    const n = Math.max(1, refs.length);
    const briefing = analyzeText(item.text, 'text', { sentences: n });
    const summary = briefing.summary.map((s) => s.text);
    full.push(rouge(summary.join(' '), [refs.join(' ')]));
    words += rougeTokens(summary.join(' ')).length;
    predicted += summary.length;
    gold += refs.length;
    matched += sentenceMatches(summary, refs);
    const summary3 = summaryOf(item.text, 3);
    at3.push(rouge(summary3.join(' '), [refs.join(' ')]));
    predicted3 += summary3.length;
    matched3 += sentenceMatches(summary3, refs);
    // Splitter agreement: reference sentences that are exactly one of our sentences.
    const ours = new Set(briefing.sentences.map((s) => s.text));
    const oursNormalized = new Set(briefing.sentences.map((s) => normalizeSentence(s.text)));
    for (const r of refs) {
      refSentences++;
      if (ours.has(r)) refSplitExact++;
      if (oursNormalized.has(normalizeSentence(r))) refSplitNormalized++;
    }
  }
  const f = meanRouge(full);
  const f3 = meanRouge(at3);
  const tr = 'textrank';
  return [
    { metric: 'bbc.rouge1', value: f.rouge1, baseline: TEXTRANK_BBC.rouge1, baselineName: tr },
    { metric: 'bbc.rouge2', value: f.rouge2, baseline: TEXTRANK_BBC.rouge2, baselineName: tr },
    { metric: 'bbc.rougeL', value: f.rougeL, baseline: TEXTRANK_BBC.rougeL, baselineName: tr },
    { metric: 'bbc.sent_p', value: predicted === 0 ? 0 : matched / predicted, baseline: TEXTRANK_BBC.sent_p, baselineName: tr },
    { metric: 'bbc.sent_r', value: gold === 0 ? 0 : matched / gold, baseline: TEXTRANK_BBC.sent_r, baselineName: tr },
    { metric: 'bbc@3.rouge1', value: f3.rouge1, baseline: TEXTRANK_BBC.at3_rouge1, baselineName: tr },
    { metric: 'bbc@3.rouge2', value: f3.rouge2 },
    { metric: 'bbc@3.sent_p', value: predicted3 === 0 ? 0 : matched3 / predicted3, baseline: TEXTRANK_BBC.at3_sent_p, baselineName: tr },
    { metric: 'bbc.rouge2 (vs lead)', value: f.rouge2, baseline: LEAD.bbc.rouge2 },
    { metric: 'bbc.summary_words', value: words / Math.max(1, items.length) },
    { metric: 'bbc.ref_sentences_split_exact', value: refSentences === 0 ? 0 : refSplitExact / refSentences },
    { metric: 'bbc.ref_sentences_split_normalized', value: refSentences === 0 ? 0 : refSplitNormalized / refSentences },
  ];
}

export const task: EvalTask = {
  name: 'summary',
  run() {
    return Promise.resolve([...referencedRows('realsumm'), ...referencedRows('newsroom'), ...bbcRows()]);
  },
};
