/**
 * Discord's documented payload limits, checked the way Discord checks them: every violation becomes a
 * field error (answered as 400 / 50035) so the bot under test sees exactly what production would say.
 * Lengths count UTF-16 code units, like Discord's JavaScript-side validation and discord.js's builders.
 */
import { invalid, lengthBetween, maxLength, required, type FieldError } from './errors.js';

export const Limits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  modalRows: 5,
  textInputLabel: 45,
  textInputValue: 4000,
  textInputPlaceholder: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandStringLength: 6000,
} as const;

/** Message flags a bot may set on an interaction response or webhook message. */
const SUPPRESS_EMBEDS = 1 << 2;
export const EPHEMERAL = 1 << 6;
export const LOADING = 1 << 7;
const SUPPRESS_NOTIFICATIONS = 1 << 12;
export const IS_COMPONENTS_V2 = 1 << 15;
const ALLOWED_MESSAGE_FLAGS = SUPPRESS_EMBEDS | EPHEMERAL | SUPPRESS_NOTIFICATIONS | IS_COMPONENTS_V2;

type Path = FieldError['path'];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const textLength = (value: unknown): number => (typeof value === 'string' ? value.length : 0);

function checkString(errors: FieldError[], path: Path, value: unknown, max: number, options: { min?: number; required?: boolean } = {}): void {
  if (value === undefined || value === null) {
    if (options.required) errors.push(required(path));
    return;
  }
  if (typeof value !== 'string') {
    errors.push(invalid(path, 'STRING_TYPE_CONVERT', 'Could not interpret value as string.'));
    return;
  }
  const min = options.min ?? 0;
  if (value.length < min) errors.push(min > 0 && value.length === 0 && options.required ? required(path) : lengthBetween(path, min, max));
  else if (value.length > max) errors.push(min > 0 ? lengthBetween(path, min, max) : maxLength(path, max));
}

function checkArray(errors: FieldError[], path: Path, value: unknown, max: number): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(invalid(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType'));
    return [];
  }
  if (value.length > max) errors.push(maxLength(path, max));
  return value;
}

function isWellFormedUrl(value: string, schemes: string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function checkUrl(errors: FieldError[], path: Path, value: unknown, schemes = ['http:', 'https:']): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !isWellFormedUrl(value, schemes)) {
    errors.push(invalid(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.'));
  }
}

/** The characters Discord counts towards the 6000-per-message embed budget. */
export function embedLength(embed: unknown): number {
  if (!isObject(embed)) return 0;
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  let total = textLength(embed.title) + textLength(embed.description);
  for (const field of fields) if (isObject(field)) total += textLength(field.name) + textLength(field.value);
  if (isObject(embed.footer)) total += textLength(embed.footer.text);
  if (isObject(embed.author)) total += textLength(embed.author.name);
  return total;
}

function checkEmbed(errors: FieldError[], path: Path, embed: unknown): void {
  if (!isObject(embed)) {
    errors.push(invalid(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
    return;
  }
  checkString(errors, [...path, 'title'], embed.title, Limits.embedTitle);
  checkString(errors, [...path, 'description'], embed.description, Limits.embedDescription);
  checkUrl(errors, [...path, 'url'], embed.url);
  if (embed.color !== undefined && embed.color !== null) {
    if (!Number.isInteger(embed.color) || (embed.color as number) < 0 || (embed.color as number) > 0xffffff) {
      errors.push(invalid([...path, 'color'], 'NUMBER_TYPE_MAX', 'int value should be <= 16777215 and >= 0.'));
    }
  }
  if (embed.timestamp !== undefined && embed.timestamp !== null) {
    if (typeof embed.timestamp !== 'string' || Number.isNaN(Date.parse(embed.timestamp))) {
      errors.push(invalid([...path, 'timestamp'], 'DATE_TYPE_PARSE', 'Could not parse timestamp. Should be ISO8601.'));
    }
  }
  const fields = checkArray(errors, [...path, 'fields'], embed.fields, Limits.embedFields);
  fields.forEach((field, index) => {
    const fieldPath = [...path, 'fields', index];
    if (!isObject(field)) {
      errors.push(invalid(fieldPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
      return;
    }
    checkString(errors, [...fieldPath, 'name'], field.name, Limits.fieldName, { min: 1, required: true });
    checkString(errors, [...fieldPath, 'value'], field.value, Limits.fieldValue, { min: 1, required: true });
  });
  if (embed.footer !== undefined && embed.footer !== null) {
    const footer = isObject(embed.footer) ? embed.footer : {};
    checkString(errors, [...path, 'footer', 'text'], footer.text, Limits.footerText, { min: 1, required: true });
    checkUrl(errors, [...path, 'footer', 'icon_url'], footer.icon_url, ['http:', 'https:', 'attachment:']);
  }
  if (embed.author !== undefined && embed.author !== null) {
    const author = isObject(embed.author) ? embed.author : {};
    checkString(errors, [...path, 'author', 'name'], author.name, Limits.authorName, { min: 1, required: true });
    checkUrl(errors, [...path, 'author', 'url'], author.url);
  }
  for (const media of ['image', 'thumbnail'] as const) {
    const value = embed[media];
    if (isObject(value)) checkUrl(errors, [...path, media, 'url'], value.url, ['http:', 'https:', 'attachment:']);
  }
}

function checkButton(errors: FieldError[], path: Path, button: Json, customIds: Set<string>): void {
  const style = button.style;
  if (typeof style !== 'number' || style < 1 || style > 6) {
    errors.push(invalid([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.'));
    return;
  }
  checkString(errors, [...path, 'label'], button.label, Limits.buttonLabel);
  if (style === 5) {
    if (button.custom_id !== undefined) errors.push(invalid([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A custom id cannot be set on a link button.'));
    if (button.url === undefined) errors.push(required([...path, 'url']));
    else checkUrl(errors, [...path, 'url'], button.url, ['http:', 'https:', 'discord:']);
  } else if (style !== 6) {
    checkCustomId(errors, [...path, 'custom_id'], button.custom_id, customIds);
    if (button.url !== undefined) errors.push(invalid([...path, 'url'], 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'A url cannot be set on a non-link button.'));
  }
  if (style !== 6 && (button.label === undefined || button.label === '') && button.emoji === undefined) {
    errors.push(invalid(path, 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or emoji is required.'));
  }
}

function checkCustomId(errors: FieldError[], path: Path, value: unknown, customIds: Set<string>): void {
  checkString(errors, path, value, Limits.customId, { min: 1, required: true });
  if (typeof value !== 'string') return;
  if (customIds.has(value)) errors.push(invalid(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'));
  customIds.add(value);
}

function checkStringSelect(errors: FieldError[], path: Path, select: Json, customIds: Set<string>): void {
  checkCustomId(errors, [...path, 'custom_id'], select.custom_id, customIds);
  checkString(errors, [...path, 'placeholder'], select.placeholder, Limits.selectPlaceholder);
  const options = checkArray(errors, [...path, 'options'], select.options, Limits.selectOptions);
  if (select.type === 3 && options.length === 0) errors.push(lengthBetween([...path, 'options'], 1, Limits.selectOptions));
  options.forEach((option, index) => {
    const optionPath = [...path, 'options', index];
    const item = isObject(option) ? option : {};
    checkString(errors, [...optionPath, 'label'], item.label, Limits.selectOptionText, { min: 1, required: true });
    checkString(errors, [...optionPath, 'value'], item.value, Limits.selectOptionText, { min: 1, required: true });
    checkString(errors, [...optionPath, 'description'], item.description, Limits.selectOptionText);
  });
  for (const key of ['min_values', 'max_values'] as const) {
    const value = select[key];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < (key === 'min_values' ? 0 : 1) || (value as number) > 25)) {
      errors.push(invalid([...path, key], 'NUMBER_TYPE_MAX', 'int value should be <= 25.'));
    }
  }
}

/** Classic action-row components (not components v2, which the bot does not use). */
function checkComponents(errors: FieldError[], path: Path, components: unknown): void {
  const rows = checkArray(errors, path, components, Limits.actionRows);
  const customIds = new Set<string>();
  rows.forEach((row, rowIndex) => {
    const rowPath = [...path, rowIndex];
    if (!isObject(row) || row.type !== 1) {
      errors.push(invalid([...rowPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).'));
      return;
    }
    const children = checkArray(errors, [...rowPath, 'components'], row.components, Limits.buttonsPerRow);
    if (children.length === 0) errors.push(lengthBetween([...rowPath, 'components'], 1, Limits.buttonsPerRow));
    const hasSelect = children.some((child) => isObject(child) && child.type !== 2);
    if (hasSelect && children.length > 1) {
      errors.push(invalid([...rowPath, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width'));
    }
    children.forEach((child, childIndex) => {
      const childPath = [...rowPath, 'components', childIndex];
      if (!isObject(child)) return errors.push(invalid(childPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
      if (child.type === 2) checkButton(errors, childPath, child, customIds);
      else if (typeof child.type === 'number' && child.type >= 3 && child.type <= 8 && child.type !== 4) checkStringSelect(errors, childPath, child, customIds);
      else errors.push(invalid([...childPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).'));
      return undefined;
    });
  });
}

export interface MessageCheckOptions {
  /** A new message (reply or follow-up) must not be empty; an edit may change only some fields. */
  isNew: boolean;
  /** Files uploaded with the request, which make an otherwise empty message valid. */
  fileCount?: number;
}

/** Check a message body (interaction reply data, webhook execute or edit). Returns field errors. */
export function checkMessage(body: unknown, path: Path, options: MessageCheckOptions): FieldError[] {
  const errors: FieldError[] = [];
  if (!isObject(body)) {
    if (body === undefined && !options.isNew) return errors;
    return [invalid(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType')];
  }
  checkString(errors, [...path, 'content'], body.content, Limits.content);
  const embeds = checkArray(errors, [...path, 'embeds'], body.embeds, Limits.embeds);
  embeds.forEach((embed, index) => checkEmbed(errors, [...path, 'embeds', index], embed));
  const total = embeds.reduce<number>((sum, embed) => sum + embedLength(embed), 0);
  if (total > Limits.embedTotal) {
    errors.push(invalid([...path, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${Limits.embedTotal}`));
  }
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if ((flags & ~ALLOWED_MESSAGE_FLAGS) !== 0) {
    errors.push(invalid([...path, 'flags'], 'MESSAGE_FLAGS_INVALID', 'Invalid message flags'));
  }
  if (body.components !== undefined && body.components !== null && (flags & IS_COMPONENTS_V2) === 0) {
    checkComponents(errors, [...path, 'components'], body.components);
  }
  if (isObject(body.allowed_mentions) && Array.isArray(body.allowed_mentions.parse)) {
    for (const [index, kind] of body.allowed_mentions.parse.entries()) {
      if (!['users', 'roles', 'everyone'].includes(kind as string)) {
        errors.push(invalid([...path, 'allowed_mentions', 'parse', index], 'BASE_TYPE_CHOICES', "Value must be one of {'users', 'roles', 'everyone'}."));
      }
    }
  }
  return errors;
}

/** Whether a new message has anything to show (Discord answers 50006 otherwise). */
export function isEmptyMessage(body: unknown, fileCount: number): boolean {
  if (!isObject(body)) return fileCount === 0;
  const nonEmpty = (value: unknown) => (typeof value === 'string' ? value.length > 0 : Array.isArray(value) ? value.length > 0 : false);
  return (
    fileCount === 0 &&
    !nonEmpty(body.content) &&
    !nonEmpty(body.embeds) &&
    !nonEmpty(body.components) &&
    !nonEmpty(body.sticker_ids) &&
    !nonEmpty(body.attachments) &&
    body.poll === undefined
  );
}

/** Autocomplete result (callback type 8). */
export function checkChoices(data: unknown, path: Path): FieldError[] {
  const errors: FieldError[] = [];
  const body = isObject(data) ? data : {};
  if (body.choices === undefined) return [required([...path, 'choices'])];
  const choices = checkArray(errors, [...path, 'choices'], body.choices, Limits.choices);
  choices.forEach((choice, index) => checkChoice(errors, [...path, 'choices', index], choice));
  return errors;
}

function checkChoice(errors: FieldError[], path: Path, choice: unknown): void {
  const item = isObject(choice) ? choice : {};
  checkString(errors, [...path, 'name'], item.name, Limits.choiceName, { min: 1, required: true });
  if (item.value === undefined) errors.push(required([...path, 'value']));
  else if (typeof item.value === 'string') checkString(errors, [...path, 'value'], item.value, Limits.choiceValue);
  else if (typeof item.value !== 'number') errors.push(invalid([...path, 'value'], 'BASE_TYPE_CHOICES', 'Value must be a string or a number.'));
}

/** Modal (callback type 9): title, custom_id and action rows of one text input each. */
export function checkModal(data: unknown, path: Path): FieldError[] {
  const errors: FieldError[] = [];
  const body = isObject(data) ? data : {};
  checkString(errors, [...path, 'title'], body.title, Limits.modalTitle, { min: 1, required: true });
  checkString(errors, [...path, 'custom_id'], body.custom_id, Limits.customId, { min: 1, required: true });
  const rows = checkArray(errors, [...path, 'components'], body.components, Limits.modalRows);
  if (rows.length === 0) errors.push(lengthBetween([...path, 'components'], 1, Limits.modalRows));
  rows.forEach((row, index) => {
    const rowPath = [...path, 'components', index];
    const item = isObject(row) ? row : {};
    // Action row holding one text input, or the newer label (18) wrapping one component.
    const inputs = item.type === 1 ? (Array.isArray(item.components) ? item.components : []) : item.type === 18 ? [item.component] : [];
    if (item.type === 18) checkString(errors, [...rowPath, 'label'], item.label, Limits.textInputLabel, { min: 1, required: true });
    if (inputs.length !== 1) errors.push(lengthBetween([...rowPath, 'components'], 1, 1));
    inputs.forEach((input, inputIndex) => {
      const inputPath = item.type === 18 ? [...rowPath, 'component'] : [...rowPath, 'components', inputIndex];
      const field = isObject(input) ? input : {};
      if (field.type !== 4) return;
      checkString(errors, [...inputPath, 'custom_id'], field.custom_id, Limits.customId, { min: 1, required: true });
      if (item.type === 1) checkString(errors, [...inputPath, 'label'], field.label, Limits.textInputLabel, { min: 1, required: true });
      if (field.style !== 1 && field.style !== 2) errors.push(invalid([...inputPath, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2}.'));
      checkString(errors, [...inputPath, 'value'], field.value, Limits.textInputValue);
      checkString(errors, [...inputPath, 'placeholder'], field.placeholder, Limits.textInputPlaceholder);
      for (const key of ['min_length', 'max_length'] as const) {
        const value = field[key];
        const low = key === 'min_length' ? 0 : 1;
        if (value !== undefined && (!Number.isInteger(value) || (value as number) < low || (value as number) > Limits.textInputValue)) {
          errors.push(invalid([...inputPath, key], 'NUMBER_TYPE_MAX', `int value should be <= ${Limits.textInputValue} and >= ${low}.`));
        }
      }
    });
  });
  return errors;
}

// Discord's documented command/option name pattern: one character class, so it cannot backtrack.
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(errors: FieldError[], path: Path, name: unknown, mustBeLowercase: boolean): void {
  checkString(errors, path, name, Limits.commandName, { min: 1, required: true });
  if (typeof name !== 'string' || name.length === 0 || name.length > Limits.commandName) return;
  if (!NAME_PATTERN.test(name)) {
    errors.push(invalid(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`));
  } else if (mustBeLowercase && name !== name.toLowerCase()) {
    errors.push(invalid(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
  }
}

const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const CHOICE_TYPES = new Set([3, 4, 10]);

function checkOptions(errors: FieldError[], path: Path, options: unknown, depth: number): void {
  const list = checkArray(errors, path, options, Limits.commandOptions);
  const names = new Set<string>();
  let sawOptional = false;
  list.forEach((option, index) => {
    const optionPath = [...path, index];
    if (!isObject(option)) return errors.push(invalid(optionPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType'));
    const type = option.type;
    if (typeof type !== 'number' || type < 1 || type > 11) errors.push(invalid([...optionPath, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, ..., 11}.'));
    checkName(errors, [...optionPath, 'name'], option.name, true);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) errors.push(invalid([...optionPath, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique'));
      names.add(option.name);
    }
    checkString(errors, [...optionPath, 'description'], option.description, Limits.commandDescription, { min: 1, required: true });
    const isGroup = type === SUB_COMMAND || type === SUB_COMMAND_GROUP;
    if (isGroup) {
      if (depth >= (type === SUB_COMMAND_GROUP ? 1 : 2)) errors.push(invalid([...optionPath, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Sub-command nesting too deep'));
      checkOptions(errors, [...optionPath, 'options'], option.options, depth + 1);
    } else if (option.required === true && sawOptional) {
      errors.push(invalid([...optionPath, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options'));
    }
    if (!isGroup && option.required !== true) sawOptional = true;
    if (option.choices !== undefined) {
      if (!CHOICE_TYPES.has(type as number)) errors.push(invalid([...optionPath, 'choices'], 'APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED', 'Choices are only allowed on string, integer and number options'));
      if (option.autocomplete === true) errors.push(invalid([...optionPath, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INCOMPATIBLE_WITH_CHOICES', 'Autocomplete cannot be used with choices'));
      const choices = checkArray(errors, [...optionPath, 'choices'], option.choices, Limits.choices);
      choices.forEach((choice, choiceIndex) => checkChoice(errors, [...optionPath, 'choices', choiceIndex], choice));
    }
    if (option.autocomplete === true && !CHOICE_TYPES.has(type as number)) {
      errors.push(invalid([...optionPath, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_NOT_ALLOWED', 'Autocomplete is only allowed on string, integer and number options'));
    }
    for (const key of ['min_length', 'max_length'] as const) {
      const value = option[key];
      const low = key === 'min_length' ? 0 : 1;
      if (value !== undefined && (!Number.isInteger(value) || (value as number) < low || (value as number) > Limits.commandStringLength)) {
        errors.push(invalid([...optionPath, key], 'NUMBER_TYPE_MAX', `int value should be <= ${Limits.commandStringLength} and >= ${low}.`));
      }
    }
    return undefined;
  });
  const hasGroups = list.some((option) => isObject(option) && (option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP));
  const hasPlain = list.some((option) => isObject(option) && option.type !== SUB_COMMAND && option.type !== SUB_COMMAND_GROUP);
  if (hasGroups && hasPlain) errors.push(invalid(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Sub-commands cannot be mixed with other options'));
}

/** One command definition (POST/PATCH body or an element of a bulk overwrite). */
export function checkCommand(command: unknown, path: Path): FieldError[] {
  const errors: FieldError[] = [];
  if (!isObject(command)) return [invalid(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType')];
  const type = command.type ?? 1;
  if (type !== 1 && type !== 2 && type !== 3 && type !== 4) errors.push(invalid([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4}.'));
  const isChatInput = type === 1;
  checkName(errors, [...path, 'name'], command.name, isChatInput);
  if (isChatInput) checkString(errors, [...path, 'description'], command.description, Limits.commandDescription, { min: 1, required: true });
  else if (typeof command.description === 'string' && command.description.length > 0) {
    errors.push(invalid([...path, 'description'], 'APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED', 'Context menu commands cannot have a description'));
  }
  if (isChatInput) checkOptions(errors, [...path, 'options'], command.options, 0);
  else if (Array.isArray(command.options) && command.options.length > 0) {
    errors.push(invalid([...path, 'options'], 'APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED', 'Context menu commands cannot have options'));
  }
  return errors;
}

/** A bulk overwrite: each command valid and names unique per command type. */
export function checkCommandList(commands: unknown): FieldError[] {
  if (!Array.isArray(commands)) return [invalid([], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType')];
  const errors: FieldError[] = [];
  if (commands.length > 100) errors.push(maxLength([], 100));
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    errors.push(...checkCommand(command, [index]));
    if (isObject(command) && typeof command.name === 'string') {
      const key = `${String(command.type ?? 1)}:${command.name}`;
      if (seen.has(key)) errors.push(invalid([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`));
      seen.add(key);
    }
  });
  return errors;
}
