import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { sameCommands } from '../../src/bot/registration.js';

/** What Discord hands back for a definition: ids added, false/empty option fields left out. */
function asDiscordReturnsIt(definition: Record<string, unknown>): Record<string, unknown> {
  const strip = (o: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (v === false || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = k === 'options' ? (v as Record<string, unknown>[]).map(strip) : v;
    }
    return out;
  };
  return { id: '1', application_id: '2', version: '3', ...strip(definition) };
}

describe('sameCommands', () => {
  const wanted = commandDefinitions() as unknown as Record<string, unknown>[];
  const registered = () => wanted.map((d) => asDiscordReturnsIt(structuredClone(d)));

  it('sees no difference when Discord holds exactly our definitions', () => {
    expect(sameCommands(registered(), commandDefinitions())).toBe(true);
  });

  it('sees a changed subcommand option', () => {
    const list = registered();
    const ingest = list.find((c) => c['name'] === 'ingest')!;
    const sub = (ingest['options'] as Record<string, unknown>[])[0]!;
    (sub['options'] as Record<string, unknown>[])[0]!['description'] = 'an older description';
    expect(sameCommands(list, commandDefinitions())).toBe(false);
  });

  it('sees changed default member permissions', () => {
    const list = registered();
    list.find((c) => c['name'] === 'remove')!['default_member_permissions'] = null;
    expect(sameCommands(list, commandDefinitions())).toBe(false);
  });

  it('sees a missing command', () => {
    expect(sameCommands(registered().slice(1), commandDefinitions())).toBe(false);
  });
});
