/**
 * Proves the loopback Discord emulator with the real discord.js Client and small inline handlers,
 * independent of the bot: handshake, registration, replies, deferrals, buttons, autocomplete, modals,
 * Discord's limits and deadlines, rate limits, dropped sockets and a burst of 200 interactions.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, REST, Routes, type Interaction } from 'discord.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallbackType, GatewayClose, startEmulator, type Emulator, type EmulatorOptions } from './emulator/index.js';
import { buttonsOf, describeViolations, embedText, expectNoViolations } from './harness.js';

const COMMANDS = [
  { name: 'ping', description: 'Replies pong' },
  {
    name: 'brief',
    description: 'Brief an article',
    options: [
      { type: 3, name: 'article', description: 'Which article', required: true, autocomplete: true },
      { type: 3, name: 'length', description: 'How long', choices: [{ name: 'short', value: 'short' }, { name: 'detailed', value: 'detailed' }] },
    ],
  },
  { name: 'upload', description: 'Reads a file', options: [{ type: 11, name: 'file', description: 'The file', required: true }] },
  { name: 'config', description: 'Settings', options: [{ type: 1, name: 'show', description: 'Show one', options: [{ type: 4, name: 'page', description: 'Page', min_value: 1 }] }] },
];

let emulator: Emulator | undefined;
let client: Client | undefined;
/** Errors thrown inside inline handlers, so a failing handler fails its test. */
let handlerErrors: unknown[] = [];

afterEach(async () => {
  await client?.destroy();
  await emulator?.close();
  client = undefined;
  emulator = undefined;
});

async function connect(options: EmulatorOptions = {}, handler?: (interaction: Interaction) => Promise<void>): Promise<{ emulator: Emulator; client: Client }> {
  handlerErrors = [];
  emulator = await startEmulator({ heartbeatIntervalMs: 500, ...options });
  client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: { parse: [] }, rest: { api: emulator.apiUrl } });
  if (handler) {
    client.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
  }
  const ready = new Promise<void>((resolve) => client!.once(Events.ClientReady, () => resolve()));
  await client.login(emulator.token);
  await ready;
  await client.application!.commands.set(COMMANDS as never, emulator.guildId);
  return { emulator, client };
}

describe('gateway handshake and registration', () => {
  test('the client identifies with the Guilds intent only, becomes ready and caches the guild', async () => {
    const { emulator, client } = await connect();
    expect(emulator.identifies).toHaveLength(1);
    expect(emulator.identifies[0]!.intents).toBe(GatewayIntentBits.Guilds);
    expect(emulator.identifies[0]!.shard).toEqual([0, 1]);
    expect(client.user!.id).toBe(emulator.applicationId);
    expect(client.application!.id).toBe(emulator.applicationId);
    const guild = client.guilds.cache.get(emulator.guildId);
    expect(guild?.name).toBe('Newsroom');
    expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual(['general', 'news']);
    expect(emulator.requestsTo('/gateway/bot', 'GET')).toHaveLength(1);
    expectNoViolations(emulator);
  });

  test('bulk overwrite stores the commands; an unchanged overwrite writes nothing new', async () => {
    const { emulator, client } = await connect();
    expect(emulator.commands.list(emulator.guildId).map((command) => command.name)).toEqual(['ping', 'brief', 'upload', 'config']);
    const writes = emulator.commands.writes;
    const fetched = await client.application!.commands.fetch({ guildId: emulator.guildId });
    expect(fetched.map((command) => command.name).sort()).toEqual(['brief', 'config', 'ping', 'upload']);
    await client.application!.commands.set(COMMANDS as never, emulator.guildId);
    expect(emulator.commands.writes).toBe(writes);
    expect(emulator.commands.list()).toEqual([]);
    // As on Discord, false and empty option fields are left out of what GET returns.
    const explicit = [{ name: 'help', description: 'Help', options: [{ type: 3, name: 'topic', description: 'Topic', required: false, autocomplete: false, choices: [] }] }];
    const [stored] = (await client.rest.put(Routes.applicationGuildCommands(emulator.applicationId, emulator.guildId), { body: explicit })) as { options: unknown[] }[];
    expect(stored!.options).toEqual([{ type: 3, name: 'topic', description: 'Topic' }]);
    expectNoViolations(emulator);
  });

  test('an invalid command definition is refused with 50035 and recorded', async () => {
    const { emulator, client } = await connect();
    const bad = [{ name: 'Brief', description: 'x'.repeat(101) }];
    const error = await client.application!.commands.set(bad as never, emulator.guildId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).status).toBe(400);
    const [violation] = emulator.violationsOf('invalid-form-body');
    expect(describeViolations([violation!])).toContain('0.name: APPLICATION_COMMAND_INVALID_NAME');
    expect(describeViolations([violation!])).toContain('0.description: BASE_TYPE_BAD_LENGTH Must be between 1 and 100 in length.');
  });

  test('REST without the bot token is refused with 401 and recorded', async () => {
    const { emulator } = await connect();
    const rest = new REST({ api: emulator.apiUrl }).setToken('not-the-token');
    const error = await rest.get(Routes.user('@me')).catch((caught: unknown) => caught);
    expect((error as DiscordAPIError).status).toBe(401);
    expect(emulator.violationsOf('unauthorized')).toHaveLength(1);
  });
});

describe('interaction responses', () => {
  test('a reply is recorded with its text, flags and allowed mentions', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: `pong for ${interaction.user.username}`, flags: MessageFlags.Ephemeral });
    });
    const handle = emulator.sendCommand('ping');
    const response = await handle.response();
    expect(response.type).toBe(CallbackType.Message);
    const message = await handle.final();
    expect(message.content).toBe('pong for reader');
    expect(message.ephemeral).toBe(true);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(handle.late).toBe(false);
    expect(handlerErrors).toEqual([]);
    expectNoViolations(emulator);
  });

  test('options arrive typed, with sub-commands and choices as the client sees them', async () => {
    const seen: string[] = [];
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      if (interaction.commandName === 'brief') seen.push(`${interaction.options.getString('article', true)}/${interaction.options.getString('length')}`);
      else seen.push(`${interaction.options.getSubcommand()}:${interaction.options.getInteger('page')}`);
      await interaction.reply({ content: 'ok' });
    });
    await emulator.sendCommand('brief', { article: 'harbour-bridge', length: 'short' }).final();
    await emulator.sendCommand('config show', { page: 2 }).final();
    expect(seen).toEqual(['harbour-bridge/short', 'show:2']);
    expect(() => emulator.sendCommand('brief', { article: 'x', length: 'medium' })).toThrow(/choices/);
    expect(() => emulator.sendCommand('brief', {})).toThrow(/missing required option/);
    expect(() => emulator.sendCommand('nope')).toThrow(/not registered/);
  });

  test('a deferred reply is final once edited; the token then serves follow-ups', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ embeds: [{ title: 'Harbour bridge', description: '• Opened in 1932' }] });
      await interaction.followUp({ content: 'one more thing', flags: MessageFlags.Ephemeral });
    });
    const handle = emulator.sendCommand('ping');
    expect((await handle.response()).type).toBe(CallbackType.DeferredMessage);
    const message = await handle.final();
    expect(embedText(message)).toBe('Harbour bridge\n• Opened in 1932');
    expect(message.loading).toBe(false);
    const [followUp] = await handle.waitForFollowUps(1);
    expect(followUp!.content).toBe('one more thing');
    expect(followUp!.ephemeral).toBe(true);
    expect(handle.history.map((version) => version.loading)).toEqual([true, false]);
    expectNoViolations(emulator);
  });

  test('the first follow-up after a deferral fills the loading message', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp({ content: 'done' });
    });
    const handle = emulator.sendCommand('ping');
    const message = await handle.final();
    expect(message.content).toBe('done');
    expect(message.ephemeral).toBe(true);
    expect(handle.followUps).toEqual([]);
  });

  test('a button on the reply reaches the handler and updates the same message', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      const row = (label: string, id: string) => [{ type: 1, components: [{ type: 2, style: 1, label, custom_id: id }] }];
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'summary view', components: row('Quotes', 'view:quotes') as never });
      else if (interaction.isButton()) {
        expect(interaction.message.content).toBe('summary view');
        await interaction.update({ content: `${interaction.customId} view`, components: row('Back', 'view:summary') as never });
      }
    });
    const command = emulator.sendCommand('ping');
    const reply = await command.final();
    expect(buttonsOf(reply).map((button) => button.label)).toEqual(['Quotes']);
    const click = emulator.sendButton('view:quotes');
    expect((await click.response()).type).toBe(CallbackType.UpdateMessage);
    const updated = await click.final();
    expect(updated.id).toBe(reply.id);
    expect(updated.content).toBe('view:quotes view');
    expect(buttonsOf(updated).map((button) => button.custom_id)).toEqual(['view:summary']);
    expect(() => emulator.sendButton('view:quotes')).toThrow(/no bot message carries/);
    expect(handlerErrors).toEqual([]);
    expectNoViolations(emulator);
  });

  test('deferUpdate on a select menu, then editReply, changes the message carrying the menu', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      const menu = [{ type: 1, components: [{ type: 3, custom_id: 'pick', options: [{ label: 'Bridge', value: 'bridge' }, { label: 'Harbour', value: 'harbour' }] }] }];
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'pick one', components: menu as never });
      else if (interaction.isStringSelectMenu()) {
        await interaction.deferUpdate();
        await interaction.editReply({ content: `picked ${interaction.values.join(',')}`, components: [] });
      }
    });
    const reply = await emulator.sendCommand('ping').final();
    const pick = emulator.sendSelect('pick', ['harbour'], reply);
    expect((await pick.response()).type).toBe(CallbackType.DeferredUpdate);
    const updated = await pick.final();
    expect(updated.id).toBe(reply.id);
    expect(updated.content).toBe('picked harbour');
    expect(updated.components).toEqual([]);
    expect(handlerErrors).toEqual([]);
    expectNoViolations(emulator);
  });

  test('autocomplete choices are recorded, and more than 25 are refused', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      const count = typed === 'many' ? 26 : 2;
      await interaction.respond(Array.from({ length: count }, (_unused, index) => ({ name: `${typed} ${index}`, value: `id-${index}` }))).catch(() => undefined);
    });
    const handle = emulator.sendAutocomplete('brief', 'article', 'harb', { length: 'short' });
    expect(await handle.choices()).toEqual([{ name: 'harb 0', value: 'id-0' }, { name: 'harb 1', value: 'id-1' }]);
    expect((handle.payload.data as { options: { focused?: boolean }[] }).options.at(-1)!.focused).toBe(true);
    const tooMany = emulator.sendAutocomplete('brief', 'article', 'many');
    await expect.poll(() => tooMany.rejected.length).toBe(1);
    expect(tooMany.rejected[0]!.code).toBe(50035);
    expect(describeViolations(emulator.violationsOf('invalid-form-body'))).toContain('data.choices: BASE_TYPE_MAX_LENGTH Must be 25 or fewer in length.');
  });

  test('a modal is shown and its submission arrives with the typed values', async () => {
    const submitted: string[] = [];
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.showModal({ title: 'Suggest an article', custom_id: 'suggest', components: [{ type: 1, components: [{ type: 4, custom_id: 'url', label: 'Link', style: 1 }] }] } as never);
      } else if (interaction.isModalSubmit()) {
        submitted.push(interaction.fields.getTextInputValue('url'));
        await interaction.reply({ content: 'thanks', flags: MessageFlags.Ephemeral });
      }
    });
    const command = emulator.sendCommand('ping');
    const response = await command.response();
    expect(response.type).toBe(CallbackType.Modal);
    expect(response.data?.title).toBe('Suggest an article');
    const submit = emulator.sendModalSubmit('suggest', { url: 'https://example.org/a' });
    expect((await submit.final()).content).toBe('thanks');
    expect(submitted).toEqual(['https://example.org/a']);
    expectNoViolations(emulator);
  });

  test('an attachment option resolves to a URL the emulator serves', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const file = interaction.options.getAttachment('file', true);
      const text = await (await fetch(file.url)).text();
      await interaction.reply({ content: `${file.name}: ${text}` });
    });
    const handle = emulator.sendCommand('upload', { file: { attachment: { filename: 'note.txt', content: 'hello there', contentType: 'text/plain' } } });
    expect((await handle.final()).content).toBe('note.txt: hello there');
  });

  test('with_response returns the created message; fetchReply and deleteReply reach @original', async () => {
    const seen: string[] = [];
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const callback = await interaction.reply({ content: 'kept', withResponse: true });
      seen.push(`created ${callback.resource?.message?.content}`);
      const fetched = await interaction.fetchReply();
      seen.push(`fetched ${fetched.content}`);
      await interaction.deleteReply();
      seen.push('deleted');
    });
    const handle = emulator.sendCommand('ping');
    expect((await handle.response()).withResponse).toBe(true);
    await expect.poll(() => seen).toEqual(['created kept', 'fetched kept', 'deleted']);
    expect(handle.message?.deleted).toBe(true);
    expect(emulator.requestsTo('/webhooks/:app/:token/messages/@original').map((request) => request.method)).toEqual(['GET', 'DELETE']);
    expectNoViolations(emulator);
  });

  test('files are sent as multipart with payload_json and recorded as attachments', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'see file', files: [{ attachment: Buffer.from('quote list'), name: 'quotes.txt' }] });
    });
    const handle = emulator.sendCommand('ping');
    const message = await handle.final();
    expect(message.content).toBe('see file');
    expect(message.attachments.map((attachment) => [attachment.filename, attachment.size])).toEqual([['quotes.txt', 10]]);
    const [request] = emulator.requestsTo('/interactions/:id/:token/callback');
    expect(request!.files.map((file) => file.filename)).toEqual(['quotes.txt']);
    expectNoViolations(emulator);
  });
});

describe("Discord's rules", () => {
  test('content over 2000 characters is refused with 50035 and recorded', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'x'.repeat(2001) }).catch(() => interaction.reply({ content: 'shorter' }));
    });
    const handle = emulator.sendCommand('ping');
    expect((await handle.final()).content).toBe('shorter');
    expect(handle.rejected.map((call) => call.code)).toEqual([50035]);
    const violations = emulator.violationsOf('invalid-form-body');
    expect(violations).toHaveLength(1);
    expect(describeViolations(violations)).toContain('data.content: BASE_TYPE_MAX_LENGTH Must be 2000 or fewer in length.');
  });

  test('embeds within their own limits but over 6000 in total are refused', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const embeds = [0, 1].map(() => ({ description: 'y'.repeat(3500) }));
      await interaction.reply({ embeds }).catch(() => interaction.reply({ content: 'fallback' }));
    });
    await emulator.sendCommand('ping').final();
    expect(describeViolations(emulator.violationsOf('invalid-form-body'))).toContain('data.embeds: MAX_EMBED_SIZE_EXCEEDED');
  });

  test('a second initial response is refused with 40060', async () => {
    const { emulator, client } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'first' });
      // discord.js refuses a second reply itself; go around it to see what Discord says.
      await client!.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 4, data: { content: 'second' } }, auth: false }).catch(() => undefined);
    });
    const handle = emulator.sendCommand('ping');
    expect((await handle.final()).content).toBe('first');
    await expect.poll(() => handle.rejected.map((call) => call.code)).toEqual([40060]);
    expect(emulator.violationsOf('already-acknowledged')).toHaveLength(1);
  });

  test('an acknowledgement after the deadline is refused with 10062 and marked late', async () => {
    const { emulator } = await connect({ ackDeadlineMs: 200 }, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await sleep(500);
      await interaction.reply({ content: 'too late' }).catch(() => undefined);
    });
    const handle = emulator.sendCommand('ping');
    await expect.poll(() => handle.late).toBe(true);
    expect(handle.acknowledgement).toBeNull();
    expect(handle.rejected[0]!.code).toBe(10062);
    expect(emulator.violationsOf('late-response')).toHaveLength(1);
    expect(emulator.unanswered()).toEqual([handle]);
  });

  test('an expired interaction token cannot edit the reply', async () => {
    let edit: Promise<unknown> | undefined;
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'first' });
      emulator!.interactions.at(-1)!.expireToken();
      edit = interaction.editReply({ content: 'edited' }).catch((error: unknown) => error);
    });
    const handle = emulator.sendCommand('ping');
    await handle.final();
    await expect.poll(() => edit).toBeDefined();
    expect(((await edit) as DiscordAPIError).code).toBe(50027);
    expect(handle.message!.content).toBe('first');
    expect(emulator.violationsOf('expired-token')).toHaveLength(1);
  });
});

describe('faults the bot must survive', () => {
  test('a 429 on the callback: the client waits retry_after and then succeeds', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'after the wait' });
    });
    emulator.rateLimitNext({ route: '/interactions/:id/:token/callback', method: 'POST', retryAfter: 0.3 });
    const handle = emulator.sendCommand('ping');
    expect((await handle.final()).content).toBe('after the wait');
    expect(emulator.requestsTo('/interactions/:id/:token/callback').map((request) => request.status)).toEqual([429, 204]);
    expectNoViolations(emulator);
  });

  test('a 429 on a bot-authenticated route (command registration) is waited out too', async () => {
    const { emulator, client } = await connect();
    emulator.rateLimitNext({ route: '/applications/:app/guilds/:guild/commands', method: 'PUT', retryAfter: 0.3 });
    await client.application!.commands.set([{ name: 'help', description: 'What the bot does' }], emulator.guildId);
    expect(emulator.requestsTo('/applications/:app/guilds/:guild/commands', 'PUT').map((request) => request.status)).toEqual([200, 429, 200]);
    expect(emulator.commands.list(emulator.guildId).map((command) => command.name)).toEqual(['help']);
    expectNoViolations(emulator);
  });

  test('a dropped socket: the client resumes on resume_gateway_url and still answers', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
    });
    const resumed = emulator.waitForResume();
    await emulator.dropConnection({ code: GatewayClose.UnknownError });
    const resume = await resumed;
    expect(resume.path).toBe('/gateway-resume');
    expect((await emulator.sendCommand('ping').final()).content).toBe('still here');
    expect(emulator.identifies).toHaveLength(1);
    expectNoViolations(emulator);
  });

  test('an interaction sent while the socket is down is replayed on RESUME and answered', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'replayed' });
    });
    const resumed = emulator.waitForResume();
    await emulator.dropConnection({ abrupt: true });
    const handle = emulator.sendCommand('ping');
    expect((await resumed).replayed).toBe(1);
    expect((await handle.final()).content).toBe('replayed');
    expectNoViolations(emulator);
  });

  test('a non-resumable invalid session makes the client identify again and keep answering', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'fresh session' });
    });
    const identified = emulator.waitForIdentify();
    emulator.gateway.invalidateSessions(false);
    await identified;
    expect(emulator.identifies).toHaveLength(2);
    await expect.poll(() => emulator.gateway.connected).toBe(true);
    expect((await emulator.sendCommand('ping').final()).content).toBe('fresh session');
  });

  test('a global 429 is waited out as well', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'after a global limit' });
    });
    emulator.rateLimitNext({ route: '/webhooks/:app/:token/messages/@original', method: 'PATCH', retryAfter: 0.2, global: true });
    const handle = emulator.sendCommand('ping');
    expect((await handle.final()).content).toBe('after a global limit');
    expect(emulator.requestsTo('/webhooks/:app/:token/messages/@original', 'PATCH').map((request) => request.status)).toEqual([429, 200]);
    expectNoViolations(emulator);
  });

  test('a retry before retry_after has elapsed is answered 429 again and recorded', async () => {
    const { emulator } = await connect();
    emulator.rateLimitNext({ route: '/users/@me', retryAfter: 5 });
    const get = () => fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${emulator.token}` } });
    const first = await get();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('5');
    expect(((await first.json()) as { retry_after: number }).retry_after).toBe(5);
    expect((await get()).status).toBe(429);
    expect(emulator.violationsOf('early-retry')).toHaveLength(1);
  });

  test('unacknowledged heartbeats: the client detects the zombie connection and resumes', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'alive' });
    });
    const resumed = emulator.waitForResume();
    emulator.gateway.ackHeartbeats = false;
    await emulator.gateway.waitFor('close');
    emulator.gateway.ackHeartbeats = true;
    await resumed;
    expect((await emulator.sendCommand('ping').final()).content).toBe('alive');
  });

  test('two shards: each identifies with its shard id and the guild is served by its own shard', async () => {
    handlerErrors = [];
    emulator = await startEmulator({ heartbeatIntervalMs: 500, shards: 2, maxConcurrency: 2 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], shards: 'auto', rest: { api: emulator.apiUrl } });
    const shardOfReply: number[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      shardOfReply.push(interaction.guild!.shardId);
      interaction.reply({ content: 'sharded' }).catch((error: unknown) => handlerErrors.push(error));
    });
    const ready = new Promise<void>((resolve) => client!.once(Events.ClientReady, () => resolve()));
    await client.login(emulator.token);
    await ready;
    await client.application!.commands.set(COMMANDS as never, emulator.guildId);
    expect(emulator.identifies.map((identify) => identify.shard).sort()).toEqual([[0, 2], [1, 2]]);
    const expectedShard = Number((BigInt(emulator.guildId) >> 22n) % 2n);
    expect((await emulator.sendCommand('ping').final()).content).toBe('sharded');
    expect(shardOfReply).toEqual([expectedShard]);
    expect(handlerErrors).toEqual([]);
  });

  test('200 interactions fired at once are all answered, none late', async () => {
    const { emulator } = await connect({}, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: `brief of ${interaction.options.getString('article', true)}` });
    });
    // Warm the code paths first (a running bot is warm): the burst is about concurrency, not JIT start-up.
    await Promise.all(Array.from({ length: 20 }, () => emulator.sendCommand('brief', { article: 'warm-up' }).final()));
    const handles = Array.from({ length: 200 }, (_unused, index) => emulator.sendCommand('brief', { article: `a${index}` }));
    const messages = await Promise.all(handles.map((handle) => handle.final()));
    expect(messages.map((message) => message.content)).toEqual(handles.map((_handle, index) => `brief of a${index}`));
    expect(handles.filter((handle) => handle.late)).toEqual([]);
    expect(emulator.unanswered()).toEqual([]);
    expectNoViolations(emulator);
  });
});
