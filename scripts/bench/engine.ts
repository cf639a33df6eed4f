/**
 * Engine throughput on the BBC dev set (read at run time from ../shared/eval, never copied) and the
 * worst case on hostile inputs of up to 1 MB. One core: everything runs on this thread.
 */
import { analyzeBytes, analyzeText } from '../../src/core/analyze.js';
import { InputError } from '../../src/core/errors.js';
import { hasEvalData, readJsonl } from '../eval/lib.js';

interface BbcItem {
  readonly text: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Inputs built to trip up regular expressions and quadratic loops; each is at most 1 MB. */
export function hostileInputs(): { name: string; file: string; bytes: Uint8Array }[] {
  const mb = Number(process.env.HOSTILE_BYTES ?? 1024 * 1024);
  const fill = (unit: string) => unit.repeat(Math.floor(mb / unit.length));
  const enc = (s: string) => new TextEncoder().encode(s);
  return [
    { name: 'one 1 MB line of words', file: 'a.txt', bytes: enc(fill('word ')) },
    { name: 'one 1 MB line, no spaces', file: 'a.txt', bytes: enc(fill('x')) },
    { name: 'dots and initials', file: 'a.txt', bytes: enc(fill('A. B. c.d. U.S. ')) },
    { name: 'unbalanced quotes', file: 'a.txt', bytes: enc(fill('"He said, ')) },
    { name: 'digits and separators', file: 'a.txt', bytes: enc(fill('1,2.3 ')) },
    { name: 'money soup', file: 'a.txt', bytes: enc(fill('$1.2bn US$ 3 million 4% ')) },
    { name: 'capitalised names', file: 'a.txt', bytes: enc(fill('Mr John Smith Jr said ')) },
    { name: 'blank lines', file: 'a.txt', bytes: enc(fill('\n \n')) },
    { name: 'real sentences', file: 'a.txt', bytes: enc(fill('The minister said the plan would cost $5 million. ')) },
    { name: 'nested html', file: 'a.html', bytes: enc(`<html><body>${fill('<div><p>Text, more text.')}</body></html>`) },
    { name: 'flat html paragraphs', file: 'a.html', bytes: enc(`<html><body><article>${fill('<p>The minister said so. </p>')}</article></body></html>`) },
    { name: 'markdown syntax soup', file: 'a.md', bytes: enc(`---\ntitle: x\n---\n${fill('**[_`*')}`) },
  ];
}

export async function runEngineBench(): Promise<void> {
  if (hasEvalData()) {
    const items = readJsonl<BbcItem>('bbc-dev.jsonl');
    for (const item of items.slice(0, 20)) analyzeText(item.text, 'text'); // warm up the JIT
    const times: number[] = [];
    let words = 0;
    let peakRss = process.memoryUsage().rss;
    const started = performance.now();
    for (const item of items) {
      const t0 = performance.now();
      const b = analyzeText(item.text, 'text');
      times.push(performance.now() - t0);
      words += b.wordCount;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const total = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    console.log(`engine: ${items.length} BBC dev articles (mean ${Math.round(words / items.length)} words) in ${total.toFixed(2)} s`);
    console.log(`  ${(items.length / total).toFixed(0)} articles/s on one core; per article p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
    console.log(`  peak RSS ${(peakRss / mb()).toFixed(0)} MB`);
  } else {
    console.log('engine: no ../shared/eval data beside the checkout; skipping the BBC throughput run');
  }
  console.log('engine, hostile inputs (limit: 1 s each):');
  let worst = 0;
  for (const input of hostileInputs()) {
    const t0 = performance.now();
    let outcome: string;
    try {
      const b = analyzeBytes(input.bytes, input.file);
      outcome = `${b.sentences.length} sentences`;
    } catch (error) {
      outcome = error instanceof InputError ? `refused: ${error.message}` : `ERROR ${String(error)}`;
    }
    const ms = performance.now() - t0;
    worst = Math.max(worst, ms);
    console.log(`  ${input.name.padEnd(28)} ${(input.bytes.length / 1024).toFixed(0).padStart(5)} KiB ${ms.toFixed(0).padStart(6)} ms  ${outcome}`);
  }
  console.log(`  worst ${worst.toFixed(0)} ms ${worst < 1000 ? '(within 1 s)' : '(OVER the 1 s bound)'}`);
}

function mb(): number {
  return 1024 * 1024;
}
