/**
 * People: document-level person sets on CoNLL-2003 dev, scored exactly as the held-out harness does
 * (../shared/eval/README.md, "People"): normalise names, merge single surnames into the one longer
 * name they end, match predicted and gold persons one-to-one, micro P/R/F1 over all documents.
 *
 * `BRIEFBOT_EVAL_LIMIT=N` scores only the first N documents; `BRIEFBOT_EVAL_VERBOSE=1` prints the
 * misses and false alarms per document of the tuning part to stderr (for error analysis; never copy
 * them into the repo). Every row is also given on the tuning and the check part (lib.ts partOf).
 */
import { f1, limited, partOf, readJsonl, withParts, type EvalTask, type ScoreRow } from '../lib.js';

interface ConllDoc {
  readonly id: string;
  readonly text: string;
  readonly persons: readonly string[];
}

const HONORIFICS = new Set(
  (
    'mr mrs ms miss mx dr sir dame lord lady prof professor rev reverend fr messrs mme mlle herr frau sen rep gov ' +
    'gen lt col capt sgt cpl pres supt insp det adm maj cmdr hon'
  ).split(' '),
);

/** The README's name normalisation; returns '' when nothing is left. */
export function normalizeName(name: string): string {
  let s = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.replace(/['’]s\b/g, '');
  s = s.replace(/['’.]/g, '');
  s = s.replace(/[^\p{L}\p{N}\s]/gu, ' ');
  const tokens = s.split(/\s+/).filter((t) => t !== '');
  while (tokens.length > 1 && HONORIFICS.has(tokens[0]!)) tokens.shift();
  if (tokens.length === 1 && HONORIFICS.has(tokens[0]!)) return '';
  return tokens.join(' ');
}

/** A person after merging: every normalised form that names them. */
interface Cluster {
  readonly forms: string[];
}

function lastToken(form: string): string {
  const i = form.lastIndexOf(' ');
  return i < 0 ? form : form.slice(i + 1);
}

/** The README's in-document merge, applied alike to gold and predicted names. */
export function mergeNames(names: readonly string[]): Cluster[] {
  const unique = [...new Set(names.map(normalizeName).filter((n) => n !== ''))];
  const long = unique.filter((n) => n.includes(' '));
  const clusters: Cluster[] = long.map((n) => ({ forms: [n] }));
  for (const single of unique.filter((n) => !n.includes(' '))) {
    const owners = clusters.filter((c) => lastToken(c.forms[0]!) === single);
    if (owners.length === 1) owners[0]!.forms.push(single);
    else if (owners.length === 0) clusters.push({ forms: [single] });
    // Two or more owners: ambiguous, dropped.
  }
  return clusters;
}

function exactMatch(a: Cluster, b: Cluster): boolean {
  return a.forms.some((f) => b.forms.includes(f));
}

function looseMatch(a: Cluster, b: Cluster): boolean {
  for (const x of a.forms) {
    for (const y of b.forms) {
      if (!x.includes(' ') && x === lastToken(y)) return true;
      if (!y.includes(' ') && y === lastToken(x)) return true;
    }
  }
  return false;
}

/** One-to-one matching, exact forms first; returns the number of matched pairs. */
export function countMatches(predicted: readonly Cluster[], gold: readonly Cluster[]): number {
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const rule of [exactMatch, looseMatch]) {
    predicted.forEach((p, i) => {
      if (usedP.has(i)) return;
      const j = gold.findIndex((g, k) => !usedG.has(k) && rule(p, g));
      if (j >= 0) {
        usedP.add(i);
        usedG.add(j);
      }
    });
  }
  return usedP.size;
}

interface DocResult {
  readonly id: string;
  readonly tp: number;
  readonly nPred: number;
  readonly nGold: number;
  readonly tpRaw: number;
  readonly nPredRaw: number;
}

function aggregate(results: readonly DocResult[]): ScoreRow[] {
  const sum = (f: (r: DocResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const nGold = sum((r) => r.nGold);
  const p = sum((r) => r.nPred) === 0 ? 0 : sum((r) => r.tp) / sum((r) => r.nPred);
  const r = nGold === 0 ? 0 : sum((x) => x.tp) / nGold;
  const pRaw = sum((x) => x.nPredRaw) === 0 ? 0 : sum((x) => x.tpRaw) / sum((x) => x.nPredRaw);
  const rRaw = nGold === 0 ? 0 : sum((x) => x.tpRaw) / nGold;
  const baselineName = 'compromise';
  return [
    { metric: 'conll.person_p', value: p, baseline: 0.746, baselineName },
    { metric: 'conll.person_r', value: r, baseline: 0.621, baselineName },
    { metric: 'conll.person_f1', value: f1(p, r), baseline: 0.678, baselineName, target: 0.92 },
    { metric: 'conll.stage_only.person_p', value: pRaw },
    { metric: 'conll.stage_only.person_r', value: rRaw },
    { metric: 'conll.stage_only.person_f1', value: f1(pRaw, rRaw), target: 0.92 },
  ];
}

export const task: EvalTask = {
  name: 'people',
  async run(): Promise<ScoreRow[]> {
    // Imported here so the metric functions above load without the whole engine.
    const { analyzeText } = await import('../../../src/core/analyze.js');
    const { findPeople } = await import('../../../src/core/people.js');
    const { splitSentences } = await import('../../../src/core/sentences.js');
    const docs = limited(readJsonl<ConllDoc>('conll-dev.jsonl'));
    const verbose = process.env['BRIEFBOT_EVAL_VERBOSE'] === '1';
    const results = docs.map((doc): DocResult => {
      const gold = mergeNames(doc.persons);
      // The people stage alone on the uncleaned text: separates its errors from the cleaner's.
      const raw = mergeNames(findPeople(doc.text, splitSentences(doc.text)).map((p) => p.name));
      const predicted = mergeNames(analyzeText(doc.text, 'text').people.map((p) => p.name));
      const tp = countMatches(predicted, gold);
      // Error analysis of the tuning part only, on stderr (never copy it into the repository).
      if (verbose && partOf(doc.id) === 'tuning' && (tp < predicted.length || tp < gold.length)) {
        const missed = gold.filter((g) => !predicted.some((p) => exactMatch(p, g) || looseMatch(p, g)));
        const extra = predicted.filter((p) => !gold.some((g) => exactMatch(p, g) || looseMatch(p, g)));
        console.error(
          `${doc.id}  missed: ${missed.map((c) => c.forms.join('/')).join('; ')}  ||  extra: ${extra.map((c) => c.forms.join('/')).join('; ')}`,
        );
      }
      return { id: doc.id, tp, nPred: predicted.length, nGold: gold.length, tpRaw: countMatches(raw, gold), nPredRaw: raw.length };
    });
    return withParts(results, (r) => r.id, aggregate);
  },
};
