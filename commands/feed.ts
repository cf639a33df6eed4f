/**
 * /feed add | list | remove | refresh — the feeds this server follows. `add` reads the feed at once and
 * stores its items as briefings (not announced); later items are announced. Manage Server or the
 * briefing editors role.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, ChannelType, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { UserError } from '../src/bot/command.js';
import { clip, fitChoices } from '../src/bot/limits.js';
import { actorId, requireDeliveryAccess, withNotices } from '../src/delivery/access.js';
import { describeFeed, FeedAddError, type Feed } from '../src/feeds/index.js';
import { answer, LIBRARY_COMMAND_ACCESS, type LibraryCommand, type LibraryCommandContext } from '../src/ingest/discord/kit.js';

export const ANNOUNCE_CHANNEL_TYPES: (ChannelType.GuildText | ChannelType.GuildAnnouncement)[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'feed',
  description: 'RSS, Atom and JSON feeds whose new items become briefings here',
  ...LIBRARY_COMMAND_ACCESS,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Follow a feed: its items are stored now, new ones announced later',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'url', description: 'The feed address (https://…/feed.xml)', required: true, max_length: 2000 },
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where its new items are announced (default: the /announce channel)', channel_types: ANNOUNCE_CHANNEL_TYPES },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'The feeds this server follows' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Stop following a feed (its briefings stay)',
      options: [{ type: ApplicationCommandOptionType.String, name: 'feed', description: 'The feed', required: true, autocomplete: true }],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'refresh', description: 'Poll this server’s feeds now (paused ones are tried again)' },
  ],
};

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

function feedLine(feed: Feed, now: number): string {
  const where = feed.channelId ? ` → <#${feed.channelId}>` : '';
  const state = feed.pausedAt !== null ? `⏸ paused: ${feed.pausedReason ?? 'failing'}` : feed.failures > 0 ? `⚠️ ${feed.failures} failed poll${feed.failures === 1 ? '' : 's'}: ${feed.lastError ?? ''}` : feed.lastPolledAt ? `polled ${ago(now - feed.lastPolledAt)}` : 'not polled yet';
  return `\`${feed.id}\` ${clip(describeFeed(feed), 200)}${where}\n  ${feed.itemsStored} stored · ${clip(state, 300)}`;
}

async function run(interaction: ChatInputCommandInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answer(interaction, ctx, 'reply', async (responder) => {
    const access = await requireDeliveryAccess(interaction, ctx);
    const { delivery, guildId } = access;
    const sub = interaction.options.getSubcommand(false);
    if (sub === 'add') {
      const url = interaction.options.getString('url', true);
      const channel = interaction.options.getChannel('channel');
      await responder.defer(true);
      try {
        const added = await delivery.feeds.add({ guildId, url, channelId: channel?.id ?? null, by: actorId(interaction) });
        const announced = channel ? `<#${channel.id}>` : (await delivery.announcer.target(guildId)) ? 'the announcement channel' : null;
        const next = announced ? `New items will be announced in ${announced}.` : 'New items will be stored; set a channel with `/announce channel:` to have them announced.';
        return { ephemeral: true, message: { content: await withNotices(access, `Following **${clip(added.feed.title ?? added.feed.url, 200)}** (\`${added.feed.id}\`): found ${added.found} item${added.found === 1 ? '' : 's'}, stored ${added.stored} as briefings (not announced). ${next}`) } };
      } catch (error) {
        if (error instanceof FeedAddError) throw new UserError(error.message);
        throw error;
      }
    }
    if (sub === 'remove') {
      const id = interaction.options.getString('feed', true).trim();
      const removed = await delivery.feeds.remove(guildId, id);
      if (!removed) throw new UserError('This server follows no such feed. `/feed list` shows its feeds.');
      return { ephemeral: true, message: { content: await withNotices(access, `Stopped following \`${id}\`. Its briefings stay; remove them with \`/remove\`.`) } };
    }
    if (sub === 'refresh') {
      await responder.defer(true);
      const result = await delivery.feeds.refresh(guildId);
      if (result.polled === 0) return { ephemeral: true, message: { content: await withNotices(access, 'This server follows no feeds yet. Add one with `/feed add url:`.') } };
      const failed = result.failed.map((f) => `\n• \`${f.feed.id}\`: ${clip(f.error, 200)}`).join('');
      return { ephemeral: true, message: { content: await withNotices(access, `Polled ${result.polled} feed${result.polled === 1 ? '' : 's'}: ${result.created} new briefing${result.created === 1 ? '' : 's'}.${failed ? `\nCould not read:${failed}` : ''}`) } };
    }
    const feeds = await delivery.feeds.list(guildId);
    const now = Date.now();
    const body = feeds.length === 0 ? 'This server follows no feeds yet. Add one with `/feed add url:`.' : `**Feeds followed here (${feeds.length})**\n${feeds.map((f) => feedLine(f, now)).join('\n')}`;
    return { ephemeral: true, message: { content: await withNotices(access, body) } };
  });
}

async function complete(interaction: AutocompleteInteraction, ctx: LibraryCommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).toLowerCase();
  let choices: { name: string; value: string }[] = [];
  if (interaction.guildId && ctx.bot.delivery) {
    const feeds = await ctx.bot.delivery.feeds.list(interaction.guildId).catch(() => []);
    choices = feeds.filter((f) => `${f.id} ${f.title ?? ''} ${f.url}`.toLowerCase().includes(typed)).map((f) => ({ name: clip(`${f.title ?? f.url} (${f.id})`, 100), value: f.id }));
  }
  await interaction.respond(fitChoices(choices)).catch((error: unknown) => ctx.bot.logger.warn({ err: error }, 'autocomplete failed'));
}

export const feedCommand: LibraryCommand = {
  definition,
  owns(interaction: Interaction): boolean {
    return (interaction.isChatInputCommand() || interaction.isAutocomplete()) && interaction.commandName === definition.name;
  },
  async handle(interaction: Interaction, ctx: LibraryCommandContext): Promise<void> {
    if (interaction.isAutocomplete()) return complete(interaction, ctx);
    if (interaction.isChatInputCommand()) return run(interaction, ctx);
  },
};
