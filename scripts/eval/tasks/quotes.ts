/**
 * Quote metric on PolNeAR dev, exactly as ../shared/eval/README.md defines it: a predicted quote
 * matches a gold attribution content when the token-overlap F1 of their bags of lowercase `[a-z0-9]+`
 * tokens (accents folded) is at least 0.5. Recall = gold contents matched by some predicted quote;
 * precision = predicted quotes that match some gold content; both micro-averaged over all documents.
 * Direct recall is the recall over the gold attributions marked `direct`; reported-speech recall the
 * recall over the others whose cue is a speech verb (the held-out set annotates speech only).
 * Speaker accuracy: see ../speakers.ts. `BRIEFBOT_EVAL_VERBOSE=1` prints wrong speakers of the tuning
 * part to stderr (error analysis only).
 * `BRIEFBOT_EVAL_LIMIT=N` scores only the first N documents (for quick iteration).
 */
import { analyzeText } from '../../../src/core/analyze.js';
import { f1, limited, partOf, readJsonl, withParts, type EvalTask, type ScoreRow } from '../lib.js';
import { fullNames, goldSpeaker, resolvePronouns, speakerMatches } from '../speakers.js';

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

/** Speech cues (eval-side list): the held-out set scores speech, not beliefs or stances. */
const SPEECH = new Set(('say says said saying tell tells told telling add adds added adding according note notes noted ' +
  'explain explains explained state states stated announce announced write wrote writes argue argued argues warn warned ' +
  'insist insisted claim claimed claims ask asked reply replied respond responded acknowledge acknowledged confirm ' +
  'confirmed testify testified declare declared suggest suggested tweet tweeted admit admitted').split(' '));

function isSpeechCue(cue: Part | null): boolean {
  return cue !== null && cue.text.toLowerCase().split(/[^a-z]+/u).some((w) => SPEECH.has(w));
}

/** Per-document counts; summed over a part of the dev data by `aggregate`. */
interface DocResult {
  readonly id: string;
  readonly gold: number;
  readonly goldMatched: number;
  readonly goldDirect: number;
  readonly goldDirectMatched: number;
  readonly goldReported: number;
  readonly goldReportedMatched: number;
  readonly predicted: number;
  readonly predictedMatched: number;
  /** Speaker checks: [scored, right] per class of matched gold quote. */
  readonly speakers: Record<SpeakerClass, [number, number]>;
}

type SpeakerClass = 'direct' | 'reported' | 'person' | 'phrase' | 'pronoun';
const CLASSES: readonly SpeakerClass[] = ['direct', 'reported', 'person', 'phrase', 'pronoun'];

function scoreDoc(doc: PolnearDoc, verbose: boolean): DocResult {
  const quotes = analyzeText(doc.text, 'text').quotes;
  const predBags = quotes.map((q) => tokenBag(q.text));
  const goldBags = doc.attributions.map((a) => tokenBag(a.content.text));
  const predHit = new Array<boolean>(predBags.length).fill(false);
  const names = fullNames(doc.text);
  const golds = resolvePronouns(
    doc.attributions.map((a) => (a.source === null ? null : goldSpeaker(a.source.text, a.source.spans[0]![0], names))),
  );
  const speakers = Object.fromEntries(CLASSES.map((c) => [c, [0, 0]])) as Record<SpeakerClass, [number, number]>;
  let goldMatched = 0;
  let goldDirect = 0;
  let goldDirectMatched = 0;
  let goldReported = 0;
  let goldReportedMatched = 0;
  doc.attributions.forEach((a, gi) => {
    let best = -1;
    let bestF = 0;
    predBags.forEach((p, pi) => {
      const f = overlapF1(goldBags[gi]!, p);
      if (f >= MATCH) {
        predHit[pi] = true;
        if (f > bestF) [best, bestF] = [pi, f];
      }
    });
    const hit = best >= 0;
    if (hit) goldMatched++;
    const speech = a.direct || isSpeechCue(a.cue);
    if (a.direct) {
      goldDirect++;
      if (hit) goldDirectMatched++;
    } else if (speech) {
      goldReported++;
      if (hit) goldReportedMatched++;
    }
    const g = golds[gi];
    if (!hit || !speech || g === null || g === undefined) return;
    const predictedSpeaker = quotes[best]!.speaker;
    const right = speakerMatches(predictedSpeaker, g.canonical);
    for (const c of [a.direct ? 'direct' : 'reported', g.kind] as const) {
      speakers[c][0]++;
      if (right) speakers[c][1]++;
    }
    // Error analysis on stderr only (never copy it into the repository).
    if (verbose && !right) console.error(`SPK\t${g.kind}\t${a.direct ? 'D' : 'R'}\t${g.canonical}\t${predictedSpeaker}\t${a.source!.text}\t${a.cue?.text ?? ''}`);
  });
  return {
    id: doc.id,
    gold: doc.attributions.length,
    goldMatched,
    goldDirect,
    goldDirectMatched,
    goldReported,
    goldReportedMatched,
    predicted: predBags.length,
    predictedMatched: predHit.filter(Boolean).length,
    speakers,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function aggregate(results: readonly DocResult[]): ScoreRow[] {
  const sum = (f: (r: DocResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const p = ratio(sum((r) => r.predictedMatched), sum((r) => r.predicted));
  const r = ratio(sum((x) => x.goldMatched), sum((x) => x.gold));
  const acc = (classes: readonly SpeakerClass[]) =>
    ratio(
      sum((x) => classes.reduce((n, c) => n + x.speakers[c][1], 0)),
      sum((x) => classes.reduce((n, c) => n + x.speakers[c][0], 0)),
    );
  const base = { baselineName: 'compromise' } as const;
  return [
    { metric: 'polnear.content_p', value: p, baseline: 0.668, ...base },
    { metric: 'polnear.content_r', value: r, baseline: 0.241, ...base },
    { metric: 'polnear.content_f1', value: f1(p, r), baseline: 0.354, target: 0.5, ...base },
    { metric: 'polnear.content_r_direct', value: ratio(sum((x) => x.goldDirectMatched), sum((x) => x.goldDirect)), baseline: 0.796, target: 0.9, ...base },
    { metric: 'polnear.content_r_reported_speech', value: ratio(sum((x) => x.goldReportedMatched), sum((x) => x.goldReported)), target: 0.9 },
    { metric: 'polnear.speaker_acc', value: acc(['direct', 'reported']), target: 0.85 },
    { metric: 'polnear.speaker_acc_direct', value: acc(['direct']), target: 0.85 },
    { metric: 'polnear.speaker_acc_reported', value: acc(['reported']), target: 0.85 },
    { metric: 'polnear.speaker_acc.named_person', value: acc(['person']) },
    { metric: 'polnear.speaker_acc.noun_phrase', value: acc(['phrase']) },
    { metric: 'polnear.speaker_acc.he_she', value: acc(['pronoun']) },
    { metric: 'polnear.quotes_per_doc', value: ratio(sum((x) => x.predicted), results.length) },
  ];
}

export const task: EvalTask = {
  name: 'quotes',
  async run(): Promise<ScoreRow[]> {
    const docs = limited(readJsonl<PolnearDoc>('polnear-dev.jsonl'));
    const verbose = process.env['BRIEFBOT_EVAL_VERBOSE'] === '1';
    const results = docs.map((doc) => scoreDoc(doc, verbose && partOf(doc.id) === 'tuning'));
    return Promise.resolve(withParts(results, (r) => r.id, aggregate));
  },
};
