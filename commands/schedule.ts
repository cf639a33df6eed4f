/**
 * /schedule digest | list | remove — a digest of what this server stored since the last one, posted
 * daily or weekly at a local time in an IANA time zone (kept across daylight-saving changes).
 */
import { ApplicationCommandOptionType, ApplicationCommandType, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { UserError } from '../src/bot/command.js';
import { clip, fitChoices } from '../src/bot/limits.js';
import { actorId, requireDeliveryAccess, withNotices } from '../src/delivery/access.js';
import { canonicalZone, describeRule, formatLocal, knownZones, parseTimeOfDay, ScheduleLimitError, WEEKDAYS, type Every } from '../src/delivery/index.js';
import { answer, LIBRARY_COMMAND_ACCESS, type LibraryCommand, type LibraryCommandContext } from '../src/ingest/discord/kit.js';
import { ANNOUNCE_CHANNEL_TYPES } from './feed.js';

const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'schedule',
  description: 'Scheduled digests of this server’s new briefings',
  ...LIBRARY_COMMAND_ACCESS,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'digest',
      description: 'Post a digest of new briefings daily or weekly',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where the digest is posted', required: true, channel_types: ANNOUNCE_CHANNEL_TYPES },
        { type: ApplicationCommandOptionType.String, name: 'every', description: 'How often', required: true, choices: [{ name: 'daily', value: 'daily' }, { name: 'weekly', value: 'weekly' }] },
        { type: ApplicationCommandOptionType.String, name: 'at', description: 'Local time, 24-hour HH:MM (e.g. 08:30)', required: true, max_length: 5 },
        { type: ApplicationCommandOptionType.String, name: 'timezone', description: 'IANA time zone, e.g. Europe/Paris or America/New_York', required: true, autocomplete: true, max_length: 64 },
        { type: ApplicationCommandOptionType.String, name: 'day', description: 'Day of the week for weekly digests (default Monday)', choices: WEEKDAYS.map((d) => ({ name: d, value: d })) },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'This server’s digest schedules' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Remove a digest schedule',
      options: [{ type: ApplicationCommandOptionType.String, name: 'schedule', description: 'The schedule', required: true, autocomplete: true }],
    },
  ],
};

async function run(interaction: ChatInputCommandInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answer(interaction, ctx, 'reply', async () => {
    const access = await requireDeliveryAccess(interaction, ctx);
    const { delivery, guildId } = access;
    const sub = interaction.options.getSubcommand(false);
    if (sub === 'digest') {
      const channel = interaction.options.getChannel('channel', true);
      const every = interaction.options.getString('every', true) as Every;
      if (every !== 'daily' && every !== 'weekly') throw new UserError('`every` must be daily or weekly.');
      const atText = interaction.options.getString('at', true);
      const atMinute = parseTimeOfDay(atText);
      if (atMinute === null) throw new UserError(`“${clip(atText, 20)}” is not a time of day. Give it as HH:MM on a 24-hour clock, e.g. 08:30 or 17:00.`);
      const zoneText = interaction.options.getString('timezone', true);
      const timezone = canonicalZone(zoneText);
      if (!timezone) throw new UserError(`“${clip(zoneText, 64)}” is not an IANA time zone. Pick one from the list, e.g. Europe/London, America/New_York or Asia/Tokyo.`);
      const day = interaction.options.getString('day');
      const weekday = day ? WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]) + 1 : null;
      try {
        const { schedule, nextAt } = await delivery.scheduler.add({ guildId, channelId: channel.id, every, atMinute, weekday: weekday && weekday > 0 ? weekday : null, timezone, by: actorId(interaction) });
        return { ephemeral: true, message: { content: await withNotices(access, `Digest \`${schedule.id}\` set: ${describeRule(schedule)} in <#${channel.id}>. The first is due ${formatLocal(nextAt, timezone)} (<t:${Math.floor(nextAt / 1000)}:R>), with what is stored from now on.`) } };
      } catch (error) {
        if (error instanceof ScheduleLimitError) throw new UserError(error.message);
        throw error;
      }
    }
    if (sub === 'remove') {
      const id = interaction.options.getString('schedule', true).trim();
      if (!(await delivery.scheduler.remove(guildId, id))) throw new UserError('This server has no such schedule. `/schedule list` shows them.');
      return { ephemeral: true, message: { content: await withNotices(access, `Removed digest schedule \`${id}\`.`) } };
    }
    const schedules = await delivery.scheduler.list(guildId);
    if (schedules.length === 0) return { ephemeral: true, message: { content: await withNotices(access, 'No digests are scheduled here. Add one with `/schedule digest`.') } };
    const lines = await Promise.all(
      schedules.map(async (s) => {
        const next = await delivery.scheduler.nextRunOf(s.id);
        const state = s.pausedAt !== null ? `⏸ paused: ${s.pausedReason ?? ''}` : next ? `next ${formatLocal(next, s.timezone)} (<t:${Math.floor(next / 1000)}:R>)` : 'not scheduled';
        return `\`${s.id}\` ${describeRule(s)} in <#${s.channelId}> · ${state}`;
      }),
    );
    return { ephemeral: true, message: { content: await withNotices(access, `**Digest schedules (${schedules.length})**\n${lines.join('\n')}`) } };
  });
}

async function complete(interaction: AutocompleteInteraction, ctx: LibraryCommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).trim().toLowerCase();
  let choices: { name: string; value: string }[] = [];
  if (focused.name === 'timezone') {
    // From memory: the runtime's zone list, best matches (a prefix of the city or the whole name) first.
    const zones = knownZones();
    const starts = zones.filter((z) => z.toLowerCase().startsWith(typed) || (z.split('/').at(-1) ?? '').toLowerCase().startsWith(typed.replace(/ /g, '_')));
    const contains = zones.filter((z) => !starts.includes(z) && z.toLowerCase().includes(typed.replace(/ /g, '_')));
    choices = [...starts, ...contains].slice(0, 25).map((z) => ({ name: z, value: z }));
  } else if (focused.name === 'schedule' && interaction.guildId && ctx.bot.delivery) {
    const schedules = await ctx.bot.delivery.scheduler.list(interaction.guildId).catch(() => []);
    choices = schedules.filter((s) => `${s.id} ${describeRule(s)}`.toLowerCase().includes(typed)).map((s) => ({ name: clip(`${s.id}: ${describeRule(s)}`, 100), value: s.id }));
  }
  await interaction.respond(fitChoices(choices)).catch((error: unknown) => ctx.bot.logger.warn({ err: error }, 'autocomplete failed'));
}

export const scheduleCommand: LibraryCommand = {
  definition,
  owns(interaction: Interaction): boolean {
    return (interaction.isChatInputCommand() || interaction.isAutocomplete()) && interaction.commandName === definition.name;
  },
  async handle(interaction: Interaction, ctx: LibraryCommandContext): Promise<void> {
    if (interaction.isAutocomplete()) return complete(interaction, ctx);
    if (interaction.isChatInputCommand()) return run(interaction, ctx);
  },
};
