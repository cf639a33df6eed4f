/**
 * /announce [channel:] [stop:] — where this server's new briefings (ingested or from feeds) are
 * posted as compact briefs; a burst becomes one digest message. Without options: shows the setting.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, type ChatInputCommandInteraction, type Interaction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { UserError } from '../src/bot/command.js';
import { actorId, requireDeliveryAccess, withNotices } from '../src/delivery/access.js';
import { answer, LIBRARY_COMMAND_ACCESS, type LibraryCommand, type LibraryCommandContext } from '../src/ingest/discord/kit.js';
import { ANNOUNCE_CHANNEL_TYPES } from './feed.js';

const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'announce',
  description: 'Post each new briefing of this server in a channel',
  ...LIBRARY_COMMAND_ACCESS,
  options: [
    { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where new briefings are posted', channel_types: ANNOUNCE_CHANNEL_TYPES },
    { type: ApplicationCommandOptionType.Boolean, name: 'stop', description: 'Stop announcing new briefings' },
  ],
};

async function run(interaction: ChatInputCommandInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answer(interaction, ctx, 'reply', async () => {
    const access = await requireDeliveryAccess(interaction, ctx);
    const { delivery, guildId } = access;
    const channel = interaction.options.getChannel('channel');
    const stop = interaction.options.getBoolean('stop') ?? false;
    if (stop && channel) throw new UserError('Give either a channel or `stop`, not both.');
    if (stop) {
      const stopped = await delivery.announcer.stop(guildId);
      return { ephemeral: true, message: { content: await withNotices(access, stopped ? 'New briefings are no longer announced here.' : 'New briefings were not being announced.') } };
    }
    if (channel) {
      await delivery.announcer.setChannel(guildId, channel.id, actorId(interaction));
      // Posted through the outbox like every announcement: a channel the bot cannot post in is found now.
      await delivery.outbox.send({
        key: `announce-set:${guildId}:${channel.id}:${interaction.id}`,
        guildId,
        channelId: channel.id,
        kind: 'notice',
        message: { content: 'New briefings of this server will be posted here (a burst as one digest). `/announce stop:True` turns this off.' },
        source: { type: 'announce' },
      });
      return { ephemeral: true, message: { content: await withNotices(access, `New briefings will be announced in <#${channel.id}>.`) } };
    }
    const target = await delivery.announcer.target(guildId);
    const state = !target ? 'New briefings are not announced. Pick a channel with `/announce channel:`.' : target.pausedAt !== null ? `Announcements in <#${target.channelId}> are paused: ${target.pausedReason ?? 'the channel failed'}. Run \`/announce channel:\` again to resume.` : `New briefings are announced in <#${target.channelId}>.`;
    return { ephemeral: true, message: { content: await withNotices(access, state) } };
  });
}

export const announceCommand: LibraryCommand = {
  definition,
  owns: (interaction: Interaction) => interaction.isChatInputCommand() && interaction.commandName === definition.name,
  async handle(interaction: Interaction, ctx: LibraryCommandContext): Promise<void> {
    if (interaction.isChatInputCommand()) return run(interaction, ctx);
  },
};
