/**
 * Quote metric on PolNeAR dev, exactly as ../shared/eval/README.md defines it: a predicted quote
 * matches a gold attribution content when the token-overlap F1 of their bags of lowercase `[a-z0-9]+`
 * tokens (accents folded) is at least 0.5. Recall = gold contents matched by some predicted quote;
 * precision = predicted quotes that match some gold content; both micro-averaged over all documents.
 * Direct recall is the recall over the gold attributions marked `direct`.
 * `BRIEFBOT_EVAL_LIMIT=N` scores only the first N documents (for quick iteration).
 */
import { analyzeText } from '../../../src/core/analyze.js';
import { f1, limited, readJsonl, type EvalTask, type ScoreRow } from '../lib.js';

interface Part {
  readonly text: string;
  readonly spans: readonly (readonly [number, number])[];
}
interface Attribution {
  readonly source: Part | null;
  readonly cue: Part | null;
  readonly content: Part;
  readonly direct: boolean;
}
interface PolnearDoc {
  readonly id: string;
  readonly text: string;
  readonly attributions: readonly Attribution[];
}

type Bag = Map<string, number>;

export function tokenBag(text: string): Bag {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const bag: Bag = new Map();
  for (const token of folded.split(/[^a-z0-9]+/)) {
    if (token !== '') bag.set(token, (bag.get(token) ?? 0) + 1);
  }
  return bag;
}

function size(bag: Bag): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

export function overlapF1(a: Bag, b: Bag): number {
  const na = size(a);
  const nb = size(b);
  if (na === 0 || nb === 0) return 0;
  let common = 0;
  for (const [t, c] of a) common += Math.min(c, b.get(t) ?? 0);
  return f1(common / na, common / nb);
}

const MATCH = 0.5;

function nameWords(text: string): string[] {
  return [...tokenBag(text.replace(/['’]s\b/gu, '')).keys()];
}

const NOT_NAME_WORDS = new Set(['i', 'he', 'she', 'they', 'we', 'it', 'the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr', 'but', 'in']);

/** The capitalised words of a source ("Sara Fagen, a Republican strategist" → sara, fagen, republican), or null for "he", "officials". */
function capitalisedWords(text: string): string[] | null {
  const words = text
    .replace(/['’]s\b/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && w[0] !== w[0]!.toLowerCase())
    .map((w) => nameWords(w)[0] ?? '')
    .filter((w) => w !== '' && !NOT_NAME_WORDS.has(w));
  return words.length === 0 ? null : words;
}

export const task: EvalTask = {
  name: 'quotes',
  async run(): Promise<ScoreRow[]> {
    const docs = limited(readJsonl<PolnearDoc>('polnear-dev.jsonl'));
    let gold = 0;
    let goldMatched = 0;
    let goldDirect = 0;
    let goldDirectMatched = 0;
    let predicted = 0;
    let predictedMatched = 0;
    // Diagnostic (not a README metric): for matched gold attributions whose source has capitalised words,
    // whether the best-matching prediction's speaker shares one of them (a rough speaker accuracy).
    let named = 0;
    let namedRight = 0;
    for (const doc of docs) {
      const quotes = analyzeText(doc.text, 'text').quotes;
      const predBags = quotes.map((q) => tokenBag(q.text));
      const goldBags = doc.attributions.map((a) => tokenBag(a.content.text));
      const predHit = new Array<boolean>(predBags.length).fill(false);
      doc.attributions.forEach((a, gi) => {
        let hit = false;
        let best = -1;
        let bestF = 0;
        predBags.forEach((p, pi) => {
          const f = overlapF1(goldBags[gi]!, p);
          if (f >= MATCH) {
            hit = true;
            predHit[pi] = true;
            if (f > bestF) [best, bestF] = [pi, f];
          }
        });
        const sourceNames = a.source === null ? null : capitalisedWords(a.source.text);
        if (hit && sourceNames !== null) {
          named++;
          const speaker = quotes[best]!.speaker;
          if (speaker !== null && nameWords(speaker).some((w) => sourceNames.includes(w))) namedRight++;
        }
        gold++;
        if (hit) goldMatched++;
        if (a.direct) {
          goldDirect++;
          if (hit) goldDirectMatched++;
        }
      });
      predicted += predBags.length;
      predictedMatched += predHit.filter(Boolean).length;
    }
    const p = predicted === 0 ? 0 : predictedMatched / predicted;
    const r = gold === 0 ? 0 : goldMatched / gold;
    const rDirect = goldDirect === 0 ? 0 : goldDirectMatched / goldDirect;
    const base = { baselineName: 'compromise' } as const;
    return [
      { metric: 'polnear.content_p', value: p, baseline: 0.668, ...base },
      { metric: 'polnear.content_r', value: r, baseline: 0.241, ...base },
      { metric: 'polnear.content_f1', value: f1(p, r), baseline: 0.354, target: 0.5, ...base },
      { metric: 'polnear.content_r_direct', value: rDirect, baseline: 0.796, target: 0.9, ...base },
      { metric: 'polnear.speaker_named_acc', value: named === 0 ? 0 : namedRight / named },
      { metric: 'polnear.quotes_per_doc', value: docs.length === 0 ? 0 : predicted / docs.length },
    ];
  },
};
