import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { mayManageLibrary } from '../../src/ingest/discord/index.js';

const ROLE = '123456789012345678';

describe('mayManageLibrary', () => {
  it('allows Manage Server (alone or among other permissions)', () => {
    expect(mayManageLibrary({ permissions: PermissionFlagsBits.ManageGuild, roleIds: [] })).toBe(true);
    expect(mayManageLibrary({ permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages, roleIds: [] }, ROLE)).toBe(true);
  });

  it('allows the configured role without Manage Server', () => {
    expect(mayManageLibrary({ permissions: PermissionFlagsBits.SendMessages, roleIds: ['1', ROLE] }, ROLE)).toBe(true);
  });

  it('refuses everyone else', () => {
    expect(mayManageLibrary({ permissions: PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageMessages, roleIds: [ROLE] })).toBe(false);
    expect(mayManageLibrary({ permissions: null, roleIds: ['1'] }, ROLE)).toBe(false);
    expect(mayManageLibrary({ permissions: 0n, roleIds: [] }, ROLE)).toBe(false);
  });
});
