/**
 * `npm run deploy`: registers the slash commands explicitly (one bulk overwrite).
 * With DISCORD_GUILD_ID they go to that server and work at once (development); without it they are
 * global (release; Discord may take a while to show them). `--global` forces global even when a
 * guild is configured; `--check` only reports whether anything would change.
 */
import { REST } from 'discord.js';
import { commandDefinitions } from '../../commands/index.js';
import { configFromEnvironment } from './env.js';
import { registerCommands, sameCommands } from './registration.js';
import { Routes } from 'discord.js';

const config = configFromEnvironment();
const args = new Set(process.argv.slice(2));
const guildId = args.has('--global') ? undefined : config.guildId;
const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
const scope = guildId ? `server ${guildId}` : 'all servers (global)';
const definitions = commandDefinitions();

try {
  if (args.has('--check')) {
    const route = guildId ? Routes.applicationGuildCommands(config.clientId, guildId) : Routes.applicationCommands(config.clientId);
    const same = sameCommands((await rest.get(route)) as Record<string, unknown>[], definitions);
    console.error(same ? `Commands for ${scope} are up to date.` : `Commands for ${scope} differ; run npm run deploy.`);
    process.exitCode = same ? 0 : 3;
  } else {
    await registerCommands(rest, config.clientId, definitions, guildId);
    console.error(`Registered ${definitions.length} commands for ${scope}: ${definitions.map((d) => `/${d.name}`).join(' ')}`);
  }
} catch (error) {
  console.error(`Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
