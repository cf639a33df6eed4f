/** The emulator's copy of Discord's limits: each rule refuses what Discord refuses and accepts the edge. */
import { describe, expect, test } from 'vitest';
import { invalidFormBody } from './errors.js';
import { checkChoices, checkCommand, checkCommandList, checkMessage, checkModal, embedLength, isEmptyMessage } from './limits.js';

const paths = (errors: { path: (string | number)[]; code: string }[]) => errors.map((error) => `${error.path.join('.')} ${error.code}`);
const text = (length: number) => 'a'.repeat(length);
const button = (id: string, label = 'Go') => ({ type: 2, style: 1, custom_id: id, label });
const row = (...components: unknown[]) => ({ type: 1, components });

describe('messages', () => {
  test('content: 2000 passes, 2001 fails', () => {
    expect(checkMessage({ content: text(2000) }, ['data'], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ content: text(2001) }, ['data'], { isNew: true }))).toEqual(['data.content BASE_TYPE_MAX_LENGTH']);
  });

  test('embed fields at their limits pass; one over each fails', () => {
    const atLimit = { title: text(256), description: text(4096), footer: { text: text(1000) }, author: { name: text(256) } };
    expect(checkMessage({ embeds: [atLimit] }, [], { isNew: true })).toEqual([]);
    const over = { title: text(257), description: text(4097), footer: { text: text(2049) }, author: { name: text(257) } };
    expect(paths(checkMessage({ embeds: [over] }, [], { isNew: true }))).toEqual([
      'embeds.0.title BASE_TYPE_MAX_LENGTH',
      'embeds.0.description BASE_TYPE_MAX_LENGTH',
      'embeds.0.footer.text BASE_TYPE_BAD_LENGTH',
      'embeds.0.author.name BASE_TYPE_BAD_LENGTH',
      'embeds MAX_EMBED_SIZE_EXCEEDED',
    ]);
  });

  test('fields: 25 allowed, 26 not; names and values must be non-empty and within 256 / 1024', () => {
    const field = { name: 'Quote', value: 'Said so' };
    expect(checkMessage({ embeds: [{ fields: Array(25).fill(field) }] }, [], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ embeds: [{ fields: Array(26).fill(field) }] }, [], { isNew: true }))).toEqual(['embeds.0.fields BASE_TYPE_MAX_LENGTH']);
    const bad = [{ name: '', value: 'x' }, { name: text(257), value: text(1025) }];
    expect(paths(checkMessage({ embeds: [{ fields: bad }] }, [], { isNew: true }))).toEqual([
      'embeds.0.fields.0.name BASE_TYPE_REQUIRED',
      'embeds.0.fields.1.name BASE_TYPE_BAD_LENGTH',
      'embeds.0.fields.1.value BASE_TYPE_BAD_LENGTH',
    ]);
  });

  test('the 6000 total counts title, description, fields, footer and author across all embeds', () => {
    const embed = { title: text(100), description: text(900), fields: [{ name: text(50), value: text(950) }], footer: { text: text(100) }, author: { name: text(100) } };
    expect(embedLength(embed)).toBe(2200);
    expect(checkMessage({ embeds: [embed, embed] }, [], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ embeds: [embed, embed, embed] }, [], { isNew: true }))).toEqual(['embeds MAX_EMBED_SIZE_EXCEEDED']);
    expect(paths(checkMessage({ embeds: Array(11).fill({ title: 'x' }) }, [], { isNew: true }))).toEqual(['embeds BASE_TYPE_MAX_LENGTH']);
  });

  test('embed url must be a well-formed http(s) URL', () => {
    expect(checkMessage({ embeds: [{ title: 'x', url: 'https://example.org/a' }] }, [], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ embeds: [{ title: 'x', url: 'example.org/a' }] }, [], { isNew: true }))).toEqual(['embeds.0.url URL_TYPE_INVALID_URL']);
  });

  test('components: 5 rows of 5 buttons pass; a 6th row, a 6th button, long ids and labels, duplicates fail', () => {
    const full = Array.from({ length: 5 }, (_r, r) => row(...Array.from({ length: 5 }, (_b, b) => button(`b${r}-${b}`))));
    expect(checkMessage({ components: full }, [], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ components: [...full, row(button('extra'))] }, [], { isNew: true }))).toEqual(['components BASE_TYPE_MAX_LENGTH']);
    const wide = row(...Array.from({ length: 6 }, (_b, b) => button(`w${b}`)));
    expect(paths(checkMessage({ components: [wide] }, [], { isNew: true }))).toEqual(['components.0.components BASE_TYPE_MAX_LENGTH']);
    const bad = row(button(text(101)), button('ok', text(81)), button('ok'));
    expect(paths(checkMessage({ components: [bad] }, [], { isNew: true }))).toEqual([
      'components.0.components.0.custom_id BASE_TYPE_BAD_LENGTH',
      'components.0.components.1.label BASE_TYPE_MAX_LENGTH',
      'components.0.components.2.custom_id COMPONENT_CUSTOM_ID_DUPLICATED',
    ]);
    expect(checkMessage({ components: [row(button(text(100), text(80)))] }, [], { isNew: true })).toEqual([]);
  });

  test('link buttons need a url and no custom_id; a select fills its row alone', () => {
    const link = { type: 2, style: 5, label: 'Source', url: 'https://example.org' };
    expect(checkMessage({ components: [row(link)] }, [], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ components: [row({ ...link, custom_id: 'x' })] }, [], { isNew: true }))).toEqual(['components.0.components.0.custom_id BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED']);
    const select = { type: 3, custom_id: 'pick', options: [{ label: 'One', value: '1' }] };
    expect(checkMessage({ components: [row(select)] }, [], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ components: [row(select, button('b'))] }, [], { isNew: true }))).toEqual(['components.0.components COMPONENT_LAYOUT_WIDTH_EXCEEDED']);
  });

  test('a new message needs something to show; an edit may send only some fields', () => {
    expect(isEmptyMessage({ content: '' }, 0)).toBe(true);
    expect(isEmptyMessage({ content: '', embeds: [{ title: 'x' }] }, 0)).toBe(false);
    expect(isEmptyMessage({}, 1)).toBe(false);
    expect(checkMessage({ components: [] }, [], { isNew: false })).toEqual([]);
  });

  test('unknown message flags are refused; ephemeral is allowed', () => {
    expect(checkMessage({ content: 'x', flags: 64 }, [], { isNew: true })).toEqual([]);
    expect(paths(checkMessage({ content: 'x', flags: 1 << 3 }, [], { isNew: true }))).toEqual(['flags MESSAGE_FLAGS_INVALID']);
  });
});

describe('autocomplete and modals', () => {
  test('25 choices with 100-character names and values pass; 26, or 101 characters, fail', () => {
    const choice = { name: text(100), value: text(100) };
    expect(checkChoices({ choices: Array(25).fill(choice) }, ['data'])).toEqual([]);
    expect(paths(checkChoices({ choices: Array(26).fill(choice) }, ['data']))).toEqual(['data.choices BASE_TYPE_MAX_LENGTH']);
    expect(paths(checkChoices({ choices: [{ name: text(101), value: text(101) }, { name: '', value: 1 }] }, ['data']))).toEqual([
      'data.choices.0.name BASE_TYPE_BAD_LENGTH',
      'data.choices.0.value BASE_TYPE_MAX_LENGTH',
      'data.choices.1.name BASE_TYPE_REQUIRED',
    ]);
  });

  test('modal: title up to 45, one text input per row with a label', () => {
    const input = { type: 4, custom_id: 'url', label: 'Link', style: 1 };
    expect(checkModal({ title: text(45), custom_id: 'm', components: [row(input)] }, ['data'])).toEqual([]);
    expect(paths(checkModal({ title: text(46), custom_id: 'm', components: [row(input, { ...input, custom_id: 'b' })] }, ['data']))).toEqual([
      'data.title BASE_TYPE_BAD_LENGTH',
      'data.components.0.components BASE_TYPE_BAD_LENGTH',
    ]);
    expect(paths(checkModal({ title: 'ok', custom_id: 'm', components: [row({ ...input, style: 3, label: text(46) })] }, ['data']))).toEqual([
      'data.components.0.components.0.label BASE_TYPE_BAD_LENGTH',
      'data.components.0.components.0.style BASE_TYPE_CHOICES',
    ]);
  });
});

describe('command definitions', () => {
  const option = (name: string, extra: Record<string, unknown> = {}) => ({ type: 3, name, description: 'An option', ...extra });

  test('a good command passes; names must match the pattern and be lowercase', () => {
    expect(checkCommand({ name: 'brief', description: 'Brief an article', options: [option('article', { required: true, autocomplete: true })] }, [])).toEqual([]);
    expect(checkCommand({ name: "don't-panic_2", description: 'x' }, [])).toEqual([]);
    expect(paths(checkCommand({ name: 'Brief', description: 'x' }, []))).toEqual(['name APPLICATION_COMMAND_INVALID_NAME']);
    expect(paths(checkCommand({ name: 'two words', description: 'x' }, []))).toEqual(['name APPLICATION_COMMAND_INVALID_NAME']);
    expect(paths(checkCommand({ name: text(33), description: 'x' }, []))).toEqual(['name BASE_TYPE_BAD_LENGTH']);
    expect(paths(checkCommand({ name: 'x', description: '' }, []))).toEqual(['description BASE_TYPE_REQUIRED']);
  });

  test('options: at most 25, required before optional, choices not with autocomplete, at most 25 choices', () => {
    const many = Array.from({ length: 26 }, (_o, index) => option(`o${index}`));
    expect(paths(checkCommand({ name: 'x', description: 'x', options: many }, []))).toEqual(['options BASE_TYPE_MAX_LENGTH']);
    expect(paths(checkCommand({ name: 'x', description: 'x', options: [option('a'), option('b', { required: true })] }, []))).toEqual(['options.1.required APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID']);
    const choices = Array.from({ length: 26 }, (_c, index) => ({ name: `c${index}`, value: `c${index}` }));
    expect(paths(checkCommand({ name: 'x', description: 'x', options: [option('a', { autocomplete: true, choices })] }, []))).toEqual([
      'options.0.autocomplete APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INCOMPATIBLE_WITH_CHOICES',
      'options.0.choices BASE_TYPE_MAX_LENGTH',
    ]);
  });

  test('a bulk overwrite refuses duplicate names', () => {
    const command = { name: 'help', description: 'Help' };
    expect(checkCommandList([command, { ...command, type: 2, description: '' }])).toEqual([]);
    expect(paths(checkCommandList([command, command]))).toEqual(['1.name APPLICATION_COMMANDS_DUPLICATE_NAME']);
  });
});

test("errors nest the way Discord's 50035 body does", () => {
  const body = invalidFormBody(checkMessage({ embeds: [{ title: text(257) }] }, ['data'], { isNew: true }));
  expect(body).toEqual({
    code: 50035,
    message: 'Invalid Form Body',
    errors: { data: { embeds: { '0': { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } } } },
  });
});
