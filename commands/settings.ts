/**
 * /settings show | editors | length | erase — this server's own settings, kept with its briefings in
 * the database. Manage Server only (it decides who else may add briefings). `erase` deletes everything
 * the server stored, after Confirm / Cancel; its buttons re-check the permission on the click.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  PermissionFlagsBits,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { UserError } from '../src/bot/command.js';
import { checkCustomId } from '../src/bot/limits.js';
import { button } from '../src/bot/render/common.js';
import { scopeGuildOf } from '../src/bot/scope-guild.js';
import { answer, LIBRARY_COMMAND_ACCESS, type LibraryCommand, type LibraryCommandContext } from '../src/ingest/discord/kit.js';
import { BRIEF_LENGTHS } from '../src/present/brief-view.js';
import { defaultLengthOf } from '../src/scope/settings.js';
import type { Scope } from '../src/scope/index.js';
import type { GuildStore } from '../src/store/index.js';

const PREFIX = 'settings:v1:';
const ERASE_YES = `${PREFIX}erase:y`;
const ERASE_NO = `${PREFIX}erase:n`;

const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'settings',
  description: 'This server’s briefbot settings',
  ...LIBRARY_COMMAND_ACCESS,
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'show', description: 'Show this server’s settings' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'editors',
      description: 'A role that may add and remove briefings besides Manage Server',
      options: [{ type: ApplicationCommandOptionType.Role, name: 'role', description: 'The role (leave empty to allow Manage Server only)' }],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'length',
      description: 'The summary length /brief uses when none is asked for',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'length',
          description: 'short, standard or detailed',
          required: true,
          choices: Object.keys(BRIEF_LENGTHS).map((name) => ({ name, value: name })),
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'erase', description: 'Delete every briefing and setting this server stored (asks first)' },
  ],
};

interface Managed {
  readonly scope: Scope;
  readonly store: GuildStore;
}

/** Manage Server only: the editors role cannot hand itself more power. */
async function requireManager(interaction: Interaction, ctx: LibraryCommandContext): Promise<Managed> {
  if (!interaction.inGuild()) throw new UserError('Settings belong to a server; run this in one.');
  const manages = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  if (!manages) throw new UserError('You need the Manage Server permission to change this server’s settings.');
  const scope = await ctx.bot.scopes.forGuild(scopeGuildOf(interaction));
  if (scope.guildId === null) throw new UserError('Add the bot to this server to keep settings here (it is only installed for you).');
  if (!scope.store || scope.unavailable) throw new UserError('The database is not reachable right now, so settings cannot be read or changed. Please try again later.');
  return { scope, store: scope.store };
}

async function show(scope: Scope, store: GuildStore): Promise<string> {
  const count = await store.count();
  const role = scope.settings?.ingestRoleId;
  return [
    `**Briefings added here:** ${count}`,
    `**Who may add and remove:** Manage Server${role ? ` and <@&${role}>` : ''}`,
    `**Summary length for /brief:** ${defaultLengthOf(scope)}`,
  ].join('\n');
}

async function run(interaction: ChatInputCommandInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answer(interaction, ctx, 'reply', async () => {
    const { scope, store } = await requireManager(interaction, ctx);
    const sub = interaction.options.getSubcommand(false);
    if (sub === 'editors') {
      const role = interaction.options.getRole('role');
      const everyone = role?.id === interaction.guildId;
      if (everyone) throw new UserError('Pick a role other than @everyone: every member would be able to add and remove briefings.');
      await store.updateSettings({ ingestRoleId: role?.id ?? null });
      return { ephemeral: true, message: { content: role ? `Members with <@&${role.id}> may now add and remove briefings here.` : 'Only members with Manage Server may add and remove briefings here now.' } };
    }
    if (sub === 'length') {
      const length = interaction.options.getString('length', true);
      if (!Object.hasOwn(BRIEF_LENGTHS, length)) throw new UserError('Pick short, standard or detailed.');
      await store.updateSettings({ defaultLength: length });
      return { ephemeral: true, message: { content: `/brief now gives ${length} summaries here unless asked otherwise.` } };
    }
    if (sub === 'erase') {
      const count = await store.count();
      return {
        ephemeral: true,
        message: {
          content: `Delete all ${count} briefing${count === 1 ? '' : 's'} this server added, and its settings? The shared library is not touched. This cannot be undone.`,
          components: [{ type: ComponentType.ActionRow, components: [button(checkCustomId(ERASE_YES), 'Erase', { style: ButtonStyle.Danger }), button(checkCustomId(ERASE_NO), 'Cancel')] }],
        },
      };
    }
    return { ephemeral: true, message: { content: await show(scope, store) } };
  });
}

async function decide(interaction: ButtonInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answer(interaction, ctx, 'update', async () => {
    if (interaction.customId === ERASE_NO) return { message: { content: 'Cancelled: nothing was erased.', components: [] } };
    const { scope, store } = await requireManager(interaction, ctx);
    await store.purge();
    if (scope.guildId) ctx.bot.scopes.drop(scope.guildId);
    return { message: { content: 'Erased every briefing and setting this server had stored.', components: [] } };
  });
}

export const settingsCommand: LibraryCommand = {
  definition,
  owns(interaction: Interaction): boolean {
    if (interaction.isChatInputCommand()) return interaction.commandName === definition.name;
    if (interaction.isButton()) return interaction.customId.startsWith(PREFIX);
    return false;
  },
  async handle(interaction: Interaction, ctx: LibraryCommandContext): Promise<void> {
    if (interaction.isChatInputCommand()) return run(interaction, ctx);
    if (interaction.isButton()) return decide(interaction, ctx);
  },
};
