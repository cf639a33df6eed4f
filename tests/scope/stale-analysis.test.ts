/**
 * A briefing whose stored analysis an older engine made (or that no longer reads back) is analysed
 * again from its stored Markdown when its server is loaded, and the new analysis is saved.
 */
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { analyzeBytes, ENGINE_VERSION } from '../../src/core/analyze.js';
import { ingestText } from '../../src/ingest/index.js';
import { Scopes } from '../../src/scope/index.js';
import { Store } from '../../src/store/index.js';
import { freshSqlite, type TestDatabase } from '../store/databases.js';

const GUILD = '333333333333333333';
const TEXT = [
  'The tram line to Nordhavn opened on Sunday, two years late, the city transport office said.',
  'Project lead Ingrid Sato said 14,000 passengers are expected on weekdays.',
].join('\n');

let database: TestDatabase;
let store: Store;
let analysed: string[];
const newScopes = () =>
  new Scopes({
    store,
    shared: null,
    analyze: (bytes, name) => {
      analysed.push(name);
      return Promise.resolve(analyzeBytes(bytes, name));
    },
    logger: pino({ level: 'silent' }),
  });

beforeEach(async () => {
  database = freshSqlite();
  store = await Store.open(database.location);
  analysed = [];
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

it.each([
  ['made by an older engine', { analysis: undefined, engineVersion: 'older-engine' }],
  ['that no longer reads back', { analysis: '{"damaged": tru', engineVersion: ENGINE_VERSION }],
])('analyses again a briefing whose stored analysis is %s, and saves the new one', async (_label, stale) => {
  const writer = newScopes();
  const added = await ingestText(writer.ingestTarget(await writer.forGuild(GUILD))!, { title: 'Nordhavn tram opens', text: TEXT });
  writer.close();
  const guild = store.guild(GUILD);
  const [row] = await guild.load([added.id]);
  await guild.updateAnalysis(added.id, stale.analysis ?? row!.analysis, stale.engineVersion);
  analysed = [];

  const reader = newScopes();
  const article = (await reader.forGuild(GUILD)).own?.get(added.id);
  expect(article?.briefing.title).toBe('Nordhavn tram opens');
  expect(article?.briefing.people.map((p) => p.name)).toContain('Ingrid Sato');
  expect(analysed).toEqual([`${added.id}.md`]);
  const [saved] = await guild.load([added.id]);
  expect(saved!.engineVersion).toBe(ENGINE_VERSION);
  expect(saved!.content).toBe(row!.content); // what was given is untouched
  reader.close();
});
