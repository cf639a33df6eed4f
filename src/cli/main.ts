#!/usr/bin/env node
/**
 * Offline CLI: the same answers as the bot, in a terminal, with no Discord token.
 *   analyze [--sentences N] [--jsonl | --json] FILE...   one JSON object per file (or readable text)
 *   brief [--articles DIR] <id or title words>           what the bot would say about a stored article
 *   digest [--json] [--about WORDS] [--words N] FILE...  one digest across the files (src/cli/digest.ts)
 * Only results go to stdout; diagnostics go to stderr.
 */
import { parseArgs } from 'node:util';
import type { DigestUsageError } from './digest.js';
import { fileErrorMessage, refuseEmpty } from '../library/refuse-empty.js';
import type { ErrorRecord } from './json.js';

// Each command loads only what it needs, when it runs (`analyze` never loads the library, `brief` reads
// its cache before anything of the engine): start-up is most of a one-file call.

const USAGE = `Usage:
  npm run --silent cli -- analyze [--sentences N] [--jsonl | --json] FILE...
  npm run --silent cli -- brief [--articles DIR] <article id or title words>
  npm run --silent cli -- digest [--json] [--about "words"] [--words N | --points N] FILE...`;

class UsageError extends Error {}
/** The digest command's usage error, once that command (loaded on demand) runs. */
let digestUsage: typeof DigestUsageError | null = null;

/** The summary length asked for; undefined leaves the engine's default. */
function parseSentenceCount(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  // Any N >= 1: the summary is capped at the article's number of sentences.
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--sentences takes a whole number of 1 or more, not "${raw}"`);
  return n;
}

function errorMessage(error: unknown): string {
  return fileErrorMessage(error);
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function analyzeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sentences: { type: 'string' }, jsonl: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new UsageError('analyze needs at least one FILE');
  if (values.json && positionals.length > 1) throw new UsageError('--json prints one object: give one FILE, or use --jsonl');
  const sentences = parseSentenceCount(values.sentences);
  const [{ analyzeFile }, { toRecord }, { renderBriefingText }] = await Promise.all([import('../core/read-file.js'), import('./json.js'), import('../present/text.js')]);
  let failures = 0;
  for (const file of positionals) {
    let output: string;
    try {
      const briefing = refuseEmpty(await analyzeFile(file, sentences === undefined ? {} : { sentences }), file);
      if (values.jsonl) output = JSON.stringify(toRecord(file, briefing));
      else if (values.json) output = JSON.stringify(toRecord(file, briefing), null, 2);
      else output = `${renderBriefingText(briefing, file)}\n`;
    } catch (error) {
      failures++;
      const record: ErrorRecord = { file, error: errorMessage(error) };
      if (values.jsonl || values.json) output = JSON.stringify(record, null, values.json ? 2 : undefined);
      else {
        console.error(`${file}: ${record.error}`);
        continue;
      }
    }
    await write(`${output}\n`);
  }
  return failures === positionals.length ? 1 : 0;
}

async function briefCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { articles: { type: 'string' }, sentences: { type: 'string' } },
  });
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('brief needs an article id or some words of its title');
  const dir = values.articles ?? process.env['ARTICLES_DIR'] ?? 'articles';
  const [{ LiveArticleLibrary }, { findArticle }, { renderBriefingText }] = await Promise.all([import('../library/live.js'), import('../library/store.js'), import('../present/text.js')]);
  // The bot's own library (and its on-disk cache), read once: no watching, no rescans.
  const library = await LiveArticleLibrary.open(dir, { watch: false, rescanIntervalMs: 0, warn: (m) => console.error(m) }).catch((error: unknown) => {
    throw new Error(`cannot read the articles folder ${dir}: ${fileErrorMessage(error)}`);
  });
  const articles = library.list();
  const article = findArticle(articles, query);
  await library.close();
  if (!article) {
    console.error(`No stored article matches "${query}". Stored: ${articles.map((a) => a.id).join(', ') || 'none'}`);
    return 1;
  }
  const briefing = values.sentences ? await (await import('../core/read-file.js')).analyzeFile(article.file, { sentences: parseSentenceCount(values.sentences) }) : article.briefing;
  await write(`${renderBriefingText(briefing, article.id)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') return await analyzeCommand(rest);
    if (command === 'brief') return await briefCommand(rest);
    if (command === 'digest') {
      const digest = await import('./digest.js');
      digestUsage = digest.DigestUsageError;
      return await digest.digestCommand(rest, write);
    }
    if (command === undefined || command === 'help' || command === '--help') {
      console.error(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (digestUsage !== null && error instanceof digestUsage) || (error instanceof TypeError && 'code' in error)) {
      console.error(`${errorMessage(error)}\n${USAGE}`);
      return 2;
    }
    console.error(`briefbot: ${errorMessage(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
