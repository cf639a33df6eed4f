/**
 * /ingest url|file|text — adds a briefing to the library from a web page, an uploaded file or pasted
 * text (a modal), and replies with its /brief view and id. The same article twice is not stored twice.
 */
import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  ApplicationCommandType,
  ComponentType,
  TextInputStyle,
  type Attachment,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { UserError } from '../src/bot/command.js';
import { refFor } from '../src/bot/custom-id.js';
import { renderBrief } from '../src/bot/render/brief.js';
import { DEFAULT_FETCH_LIMITS, safeFetch } from '../src/fetch/index.js';
import { answer, answerPrivatelyThenPublish, actorOf, LIBRARY_COMMAND_ACCESS, type PrivateThenPublic, requireLibraryAccess, type LibraryCommand, type LibraryCommandContext } from '../src/ingest/discord/kit.js';
import { ingestFile, ingestText, ingestUrl, type IngestResult } from '../src/ingest/index.js';

/** The modal's custom_id and its fields; versioned like the bot's other custom ids. */
export const TEXT_MODAL_ID = 'ingest:v1:text';
export const TEXT_FIELDS = { title: 'title', text: 'text', url: 'url' } as const;
const MAX_TEXT = 4000; // Discord's limit for one text input

const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'ingest',
  description: 'Add a briefing to this server’s library',
  ...LIBRARY_COMMAND_ACCESS,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'url',
      description: 'Fetch a web page and store its article',
      options: [{ type: ApplicationCommandOptionType.String, name: 'url', description: 'The link to the article (http or https)', required: true, max_length: 2000 }],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'file',
      description: 'Store an uploaded .txt, .md or .html file',
      options: [{ type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The article file (.txt, .md or .html)', required: true }],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'text', description: 'Paste a title and the article text' },
  ],
};

function outcomeOf(result: IngestResult, ctx: LibraryCommandContext, actor: string): PrivateThenPublic {
  const { article } = result;
  const briefing = ctx.bot.summaries.get(article, 'standard');
  const brief = renderBrief({ article, briefing, length: 'standard', ref: refFor(article.id) }, 'brief');
  const title = plainText(article.briefing.title ?? article.id);
  if (!result.created) {
    return { note: { ...brief, content: `This article is already stored as \`${article.id}\` (${title}); nothing was added.` } };
  }
  return {
    note: { content: `Added **${title}** as \`${article.id}\`.` },
    publish: { ...brief, content: `New briefing \`${article.id}\`, added by ${plainText(actor)}.` },
  };
}

function plainText(text: string): string {
  return text.replace(/[*_`~|\\]/g, '');
}

const ATTACHMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

async function downloadAttachment(attachment: Attachment): Promise<Buffer> {
  const name = attachment.name.toLowerCase();
  if (!ATTACHMENT_EXTENSIONS.some((ext) => name.endsWith(ext))) throw new UserError(`${attachment.name} is not a .txt, .md or .html file.`);
  if (attachment.size > DEFAULT_FETCH_LIMITS.maxBytes) throw new UserError(`${attachment.name} is larger than 5 MB.`);
  // The URL comes from Discord's signed interaction payload, not from the member, so any address is
  // allowed (the test emulator serves attachments on 127.0.0.1); size and time limits still apply.
  const file = await safeFetch(attachment.url, { allowPrivate: true, allowedTypes: 'any' });
  return file.bytes;
}

async function runSubcommand(interaction: ChatInputCommandInteraction, ctx: LibraryCommandContext): Promise<void> {
  const sub = interaction.options.getSubcommand(false);
  if (sub === 'text') {
    // The modal must be the first response, within 3 s: check access from memory first (the server's
    // scope is loaded by then in almost every case) and again, fully, when the modal is submitted.
    try {
      await requireLibraryAccess(interaction, ctx);
    } catch (error) {
      return answer(interaction, ctx, 'reply', () => Promise.reject(error));
    }
    // The modal must be the first response; the work happens when it is submitted.
    await interaction
      .showModal({
        custom_id: TEXT_MODAL_ID,
        title: 'Add a briefing',
        components: [
          { type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: TEXT_FIELDS.title, label: 'Title', style: TextInputStyle.Short, required: true, max_length: 300 }] },
          { type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: TEXT_FIELDS.text, label: 'Article text', style: TextInputStyle.Paragraph, required: true, min_length: 100, max_length: MAX_TEXT }] },
          { type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: TEXT_FIELDS.url, label: 'Source link (optional)', style: TextInputStyle.Short, required: false, max_length: 2000 }] },
        ],
      })
      .catch((error: unknown) => ctx.bot.logger.error({ err: error, interactionId: interaction.id }, 'could not show the ingest modal'));
    return;
  }
  return answerPrivatelyThenPublish(interaction, ctx, async () => {
    const { target } = await requireLibraryAccess(interaction, ctx);
    const actor = interaction.user.username;
    const options = { by: actorOf(interaction), fetch: { allowPrivate: ctx.bot.allowPrivate } };
    if (sub === 'url') {
      const url = interaction.options.getString('url', true);
      return outcomeOf(await ingestUrl(target, url, options), ctx, actor);
    }
    if (sub === 'file') {
      const attachment = interaction.options.getAttachment('file', true);
      const bytes = await downloadAttachment(attachment);
      return outcomeOf(await ingestFile(target, { bytes, name: attachment.name }, options), ctx, actor);
    }
    throw new UserError('Use `/ingest url`, `/ingest file` or `/ingest text`.');
  });
}

async function submitText(interaction: ModalSubmitInteraction, ctx: LibraryCommandContext): Promise<void> {
  return answerPrivatelyThenPublish(interaction, ctx, async () => {
    const { target } = await requireLibraryAccess(interaction, ctx);
    const title = interaction.fields.getTextInputValue(TEXT_FIELDS.title).trim();
    const text = interaction.fields.getTextInputValue(TEXT_FIELDS.text);
    let url: string | null;
    try {
      url = interaction.fields.getTextInputValue(TEXT_FIELDS.url).trim() || null;
    } catch {
      url = null; // the optional field may be absent
    }
    if (!title) throw new UserError('The title is empty.');
    if (url !== null && !/^https?:\/\//i.test(url)) throw new UserError('The source link must start with http:// or https://.');
    return outcomeOf(await ingestText(target, { title, text, url }, { by: actorOf(interaction) }), ctx, interaction.user.username);
  });
}

export const ingestCommand: LibraryCommand = {
  definition,
  owns(interaction: Interaction): boolean {
    if (interaction.isChatInputCommand()) return interaction.commandName === definition.name;
    if (interaction.isModalSubmit()) return interaction.customId === TEXT_MODAL_ID;
    return false;
  },
  async handle(interaction: Interaction, ctx: LibraryCommandContext): Promise<void> {
    if (interaction.isChatInputCommand()) return runSubcommand(interaction, ctx);
    if (interaction.isModalSubmit()) return submitText(interaction, ctx);
  },
};
