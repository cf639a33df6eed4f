/** The router's error policy and acknowledgement rules, with plain fake interactions. */
import { MessageFlags, type Interaction } from 'discord.js';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { defineCommand, type BotContext } from '../../src/bot/command.js';
import { APOLOGY, InteractionRouter } from '../../src/bot/router.js';
import { SummaryCache } from '../../src/bot/summaries.js';
import { Scopes } from '../../src/scope/index.js';
import { ArticleIndex } from '../../src/search/index.js';
import { ApplicationCommandType } from 'discord.js';
import { briefing, FakeSource, person, stored } from './fixtures.js';

interface Call {
  method: string;
  body?: Record<string, unknown>;
}

function capture(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

function context(logger: pino.Logger): BotContext {
  const source = new FakeSource([stored('pier-vote', briefing({ people: [person('Marta Oyelaran', 'harbour master')] }))]);
  return { scopes: new Scopes({ store: null, shared: { source, index: new ArticleIndex(source) }, analyze: () => Promise.reject(new Error('no analysis here')), logger }), summaries: new SummaryCache(), logger, allowPrivate: false };
}

function fakeCommand(name: string, options: Record<string, string | number>, calls: Call[]): Interaction {
  const record = (method: string) => async (body?: Record<string, unknown>) => {
    calls.push({ method, body });
  };
  return {
    id: '111',
    user: { id: '42' },
    guildId: '7',
    replied: false,
    deferred: false,
    commandName: name,
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    isButton: () => false,
    isStringSelectMenu: () => false,
    options: {
      data: Object.entries(options).map(([n, value]) => ({ name: n, value })),
      getString: (n: string) => (typeof options[n] === 'string' ? options[n] : null),
      getInteger: (n: string) => (typeof options[n] === 'number' ? options[n] : null),
    },
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    deleteReply: record('deleteReply'),
  } as unknown as Interaction;
}

describe('InteractionRouter', () => {
  it('replies directly, with no mentions allowed, and logs one line per interaction', async () => {
    const { logger, lines } = capture();
    const calls: Call[] = [];
    await new InteractionRouter(context(logger), commands).handle(fakeCommand('brief', { article: 'pier-vote' }, calls));
    expect(calls.map((c) => c.method)).toEqual(['reply']);
    expect(calls[0]?.body?.['allowedMentions']).toEqual({ parse: [] });
    expect(calls[0]?.body?.['flags']).toBeUndefined();
    const line = lines.find((l) => l['msg'] === 'interaction');
    expect(line).toMatchObject({ interactionId: '111', kind: 'command', command: 'brief', options: { article: 'pier-vote' }, userId: '42', guildId: '7', outcome: 'ok' });
    expect(typeof line?.['latencyMs']).toBe('number');
  });

  it('answers a user error ephemerally with a helpful message', async () => {
    const { logger, lines } = capture();
    const calls: Call[] = [];
    await new InteractionRouter(context(logger), commands).handle(fakeCommand('brief', { article: 'volcano eruption' }, calls));
    expect(calls[0]?.method).toBe('reply');
    expect(calls[0]?.body?.['flags']).toBe(MessageFlags.Ephemeral);
    expect(String(calls[0]?.body?.['content'])).toContain('No stored article matches');
    expect(lines.find((l) => l['msg'] === 'interaction')?.['outcome']).toBe('user-error');
  });

  it('rejects an option outside the declared choices as a user error', async () => {
    const { logger } = capture();
    const calls: Call[] = [];
    await new InteractionRouter(context(logger), commands).handle(fakeCommand('brief', { article: 'pier-vote', length: 'epic' }, calls));
    expect(String(calls[0]?.body?.['content'])).toContain('`length` must be one of: short, standard, detailed');
  });

  it('logs an unexpected error with the interaction id and apologises ephemerally, without throwing', async () => {
    const { logger, lines } = capture();
    const calls: Call[] = [];
    const broken = defineCommand({
      definition: { type: ApplicationCommandType.ChatInput, name: 'broken', description: 'x' } as const,
      execute() {
        throw new Error('database on fire');
      },
    });
    await new InteractionRouter(context(logger), [broken]).handle(fakeCommand('broken', {}, calls));
    expect(calls[0]?.body).toMatchObject({ content: APOLOGY, flags: MessageFlags.Ephemeral });
    const error = lines.find((l) => l['msg'] === 'handler failed');
    expect(error?.['interactionId']).toBe('111');
    expect(JSON.stringify(error)).toContain('database on fire');
  });

  it('answers a briefing that is being analysed again privately, saying so, as no failure', async () => {
    const { logger, lines } = capture();
    const calls: Call[] = [];
    const { BriefingPendingError } = await import('../../src/library/errors.js');
    const pending = defineCommand({
      definition: { type: ApplicationCommandType.ChatInput, name: 'pending', description: 'x' } as const,
      execute() {
        throw new BriefingPendingError('harbour-ledger is being analysed again; ask again in a moment.');
      },
    });
    await new InteractionRouter(context(logger), [pending]).handle(fakeCommand('pending', {}, calls));
    expect(calls[0]?.body).toMatchObject({ content: 'harbour-ledger is being analysed again; ask again in a moment.', flags: MessageFlags.Ephemeral });
    expect(lines.find((l) => l['msg'] === 'handler failed')).toBeUndefined();
    expect(lines.find((l) => l['msg'] === 'interaction')?.['outcome']).toBe('user-error');
  });

  it('defers when a handler says its work is slow, then edits the reply', async () => {
    const { logger } = capture();
    const calls: Call[] = [];
    const slow = defineCommand({
      definition: { type: ApplicationCommandType.ChatInput, name: 'slow', description: 'x' } as const,
      async execute({ defer }) {
        await defer();
        return { message: { content: 'done' } };
      },
    });
    await new InteractionRouter(context(logger), [slow]).handle(fakeCommand('slow', {}, calls));
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(calls[1]?.body?.['content']).toBe('done');
  });

  it('turns a user error after deferring into a private follow-up', async () => {
    const { logger } = capture();
    const calls: Call[] = [];
    const { UserError } = await import('../../src/bot/command.js');
    const slow = defineCommand({
      definition: { type: ApplicationCommandType.ChatInput, name: 'slow', description: 'x' } as const,
      async execute({ defer }) {
        await defer();
        throw new UserError('nope');
      },
    });
    await new InteractionRouter(context(logger), [slow]).handle(fakeCommand('slow', {}, calls));
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(calls[2]?.body).toMatchObject({ content: 'nope', flags: MessageFlags.Ephemeral });
  });

  it('does not reject when sending fails, and logs it', async () => {
    const { logger, lines } = capture();
    const interaction = fakeCommand('help', {}, []);
    (interaction as unknown as { reply: () => Promise<void> }).reply = async () => {
      throw new Error('Unknown interaction');
    };
    await expect(new InteractionRouter(context(logger), commands).handle(interaction)).resolves.toBeUndefined();
    expect(lines.find((l) => l['msg'] === 'interaction')?.['outcome']).toBe('error');
  });
});
