/**
 * What a member gives is stored and read back exactly: the stored Markdown escapes what would change
 * meaning, and reading it undoes exactly that (display escaping happens at render time only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/core/clean/index.js';
import { join } from 'node:path';
import pino from 'pino';
import { analyzeBytes } from '../../src/core/analyze.js';
import { ingestText, renderBriefingMarkdown } from '../../src/ingest/index.js';
import type { IngestTarget } from '../../src/ingest/ingest.js';
import { LiveArticleLibrary } from '../../src/library/live.js';
import { Scopes } from '../../src/scope/index.js';
import { ArticleIndex } from '../../src/search/index.js';
import { Store } from '../../src/store/index.js';
import { tempDir } from '../library/helpers.js';

const GUILD = '111111111111111111';

const LINES = [
  'The mayor, <@123>, said the `code` on the gate was changed and ```fence``` marks stayed.',
  'The sign read <b>tag</b> and the fare rose from $2 < $4, or 3 > 2 by any count.',
  'A path C:\\temp\\new and a star * and an_underscore_name and ~~struck~~ and [brackets](here) and a | pipe.',
  '# not a heading, just a hash at the start of what a member typed',
  '- not a list item either',
  '+ nor this one',
  '1. nor an ordered item',
  '2) nor this ordered item',
  '= nor a heading underline',
  ':-- nor a table rule',
  '> nor a block quote',
  'Escapes a member typed stay too: \\* and \\_ and \\\\ and a trailing backslash \\',
];

describe('stored briefing Markdown reads back as given', () => {
  it.each(LINES)('%s', (line) => {
    const md = renderBriefingMarkdown({ title: 'T', source: null, url: null, date: null, author: null, ingested_at: '', ingested_by: null }, line);
    expect(cleanDocument(md, 'markdown').body).toBe(line);
  });
});

describe('/ingest text into a server\'s store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let library: LiveArticleLibrary;
  let store: Store;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    library = await LiveArticleLibrary.open(dir, { cacheDir: null, watch: false, rescanIntervalMs: 0, warn: () => {} });
    store = await Store.open({ kind: 'sqlite', file: join(dir, '.data', 'briefbot.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await library.close();
    await cleanup();
  });

  const scopesOver = (opened: Store) =>
    new Scopes({ store: opened, shared: { source: library, index: new ArticleIndex(library) }, analyze: (bytes, name) => Promise.resolve(analyzeBytes(bytes, name)), logger: pino({ level: 'silent' }) });

  it('reads every pasted line back exactly, and again from the database after a restart', async () => {
    const text = ['The harbour board met on Monday and every line below is what a member pasted, word for word, into the modal.', ...LINES].join('\n');
    const scopes = scopesOver(store);
    const target = scopes.ingestTarget(await scopes.forGuild(GUILD)) as IngestTarget;
    const result = await ingestText(target, { title: 'Harbour <board> notes', text });
    const expected = text.split('\n').join('\n\n');
    expect(result.article.briefing.body).toBe(expected);
    scopes.close();
    const reopened = scopesOver(store);
    const scope = await reopened.forGuild(GUILD);
    const again = scope.source.get(result.id);
    expect(again?.briefing.body).toBe(expected);
    expect(again?.briefing.title).toBe('Harbour <board> notes');
    reopened.close();
  });
});
