/**
 * /remove article: — deletes a briefing after the member confirms (Confirm, then Cancel). The
 * confirmation is ephemeral and its buttons carry the article reference in their custom_id, so they
 * keep working after a restart; permission is checked again on the click.
 */
import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody, ButtonStyle, ComponentType, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { ARTICLE_OPTION, articleChoices, resolveArticle } from '../src/bot/article-arg.js';
import { UserError } from '../src/bot/command.js';
import { refFor } from '../src/bot/custom-id.js';
import { checkCustomId, clip, fitChoices } from '../src/bot/limits.js';
import { scopeGuildOf } from '../src/bot/scope-guild.js';
import { button } from '../src/bot/render/common.js';
import { answer, LIBRARY_COMMAND_ACCESS, requireLibraryAccess, type LibraryCommand, type LibraryCommandContext } from '../src/ingest/discord/kit.js';

const PREFIX = 'remove:v1:';
const CONFIRM = `${PREFIX}y:`;
const CANCEL = `${PREFIX}n:`;

const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'remove',
  description: 'Delete a briefing this server added (asks for confirmation)',
  ...LIBRARY_COMMAND_ACCESS,
  options: [ARTICLE_OPTION],
};

function plainTitle(title: string): string {
  return clip(title.replace(/[*_`~|\\]/g, ''), 200);
}

async function ask(interaction: ChatInputCommandInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answer(interaction, ctx, 'reply', async () => {
    const { scope } = await requireLibraryAccess(interaction, ctx);
    const article = resolveArticle(scope, interaction.options.getString('article', true));
    if (!scope.own.get(article.id)) {
      throw new UserError(`**${plainTitle(article.briefing.title ?? article.id)}** is part of the shared library (a file in the articles folder): it is managed on disk, not from Discord.`);
    }
    const ref = refFor(article.id);
    const title = plainTitle(article.briefing.title ?? article.id);
    return {
      ephemeral: true,
      message: {
        content: `Remove **${title}** (\`${clip(article.id, 100)}\`)? It is deleted from this server’s briefings; this cannot be undone.`,
        components: [
          {
            type: ComponentType.ActionRow,
            components: [button(checkCustomId(`${CONFIRM}${ref}`), 'Confirm', { style: ButtonStyle.Danger }), button(checkCustomId(`${CANCEL}${ref}`), 'Cancel')],
          },
        ],
      },
    };
  });
}

async function decide(interaction: ButtonInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answer(interaction, ctx, 'update', async () => {
    if (interaction.customId.startsWith(CANCEL)) return { message: { content: 'Cancelled: nothing was removed.', components: [] } };
    const { scope } = await requireLibraryAccess(interaction, ctx);
    // Only this server's own briefings: a crafted custom_id naming another server's (or a shared) one finds nothing.
    const article = scope.ownIndex.resolveRef(interaction.customId.slice(CONFIRM.length));
    if (!article) return { message: { content: 'That briefing is no longer stored; nothing to remove.', components: [] } };
    const removed = await scope.store.remove(article.id);
    if (!removed) return { message: { content: 'That briefing is no longer stored; nothing to remove.', components: [] } };
    scope.own.delete(article.id);
    return { message: { content: `Removed **${plainTitle(article.briefing.title ?? article.id)}** (\`${clip(article.id, 100)}\`).`, components: [] } };
  });
}

export const removeCommand: LibraryCommand = {
  definition,
  owns(interaction: Interaction): boolean {
    if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName === definition.name;
    if (interaction.isButton()) return interaction.customId.startsWith(PREFIX);
    return false;
  },
  async handle(interaction: Interaction, ctx: LibraryCommandContext): Promise<void> {
    if (interaction.isAutocomplete()) {
      const typed = String(interaction.options.getFocused());
      const scope = await ctx.bot.scopes.forGuild(scopeGuildOf(interaction));
      const own = scope.ownIndex ? { ...scope, index: scope.ownIndex } : null;
      await interaction.respond(own ? fitChoices(articleChoices(own, typed)) : []).catch((error: unknown) => ctx.bot.logger.warn({ err: error }, 'autocomplete failed'));
      return;
    }
    if (interaction.isChatInputCommand()) return ask(interaction, ctx);
    if (interaction.isButton()) return decide(interaction, ctx);
  },
};
