/**
 * Which servers the bot is in, kept in the database: removed from a server (GUILD_DELETE that is not
 * an outage), its data is marked and kept for the retention period, then purged; added back in time,
 * nothing is lost. Purges run at start and daily.
 */
import { Events, type Client, type Guild } from 'discord.js';
import type { Logger } from 'pino';
import type { Scopes } from '../scope/index.js';

const DAY_MS = 86_400_000;

export class GuildPresence {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly scopes: Scopes,
    private readonly logger: Logger,
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {}

  attach(client: Client): void {
    client.on(Events.GuildDelete, (guild: Guild) => {
      if (!guild.available) return; // an outage, not a removal
      this.mark(guild.id, this.now());
    });
    client.on(Events.GuildCreate, (guild: Guild) => this.returned(guild.id));
  }

  start(): void {
    void this.purgeDue();
    this.timer = setInterval(() => void this.purgeDue(), DAY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private mark(guildId: string, at: number): void {
    const store = this.scopes.store;
    if (!store) return;
    store
      .guild(guildId)
      .updateSettings({ leftAt: at })
      .then(() => this.logger.info({ guildId, retentionDays: this.retentionDays }, 'removed from a server; its briefings are kept for the retention period'))
      .catch((error: unknown) => this.logger.warn({ err: error, guildId }, 'could not record that the bot left a server'));
    this.scopes.drop(guildId);
  }

  private returned(guildId: string): void {
    const store = this.scopes.store;
    if (!store) return;
    const g = store.guild(guildId);
    g.settings()
      .then((s) => (s.leftAt === null ? undefined : g.updateSettings({ leftAt: null })))
      .catch((error: unknown) => this.logger.warn({ err: error, guildId }, 'could not record that the bot is in a server'));
  }

  /** Purges servers the bot left more than `retentionDays` ago (0: never automatically). */
  async purgeDue(): Promise<string[]> {
    const store = this.scopes.store;
    if (!store || this.retentionDays <= 0) return [];
    try {
      const due = await store.guildsLeftBefore(this.now() - this.retentionDays * DAY_MS);
      for (const guildId of due) {
        await store.guild(guildId).purge();
        this.scopes.drop(guildId);
        this.logger.info({ guildId }, 'purged the briefings of a server the bot left');
      }
      return due;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not purge the data of servers the bot left');
      return [];
    }
  }
}
