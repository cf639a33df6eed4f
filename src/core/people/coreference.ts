/**
 * Groups name mentions into people. Full names (two or more words) found first become people; a
 * later single word joins the person whose last word it is ("Hue" → "Vuong Dinh Hue", "Simmons" →
 * "Phil Simmons") or, failing that, whose first word it is (Chinese and Korean order: "Xi" →
 * "Xi Jinping", "Moon" → "Moon Jae-in"). A word shared by several people goes to the one named most
 * recently before it.
 */
import type { Span } from '../types.js';

export interface Mention {
  /** The name as written, possessive dropped. */
  readonly text: string;
  /** Lower-case words of the name, initials included. */
  readonly parts: readonly string[];
  readonly span: Span;
  readonly role: string | null;
  readonly speaker: boolean;
  /** May it found a new person on its own (strong evidence), or only join one? */
  readonly canFound: boolean;
}

export interface Entity {
  readonly name: string;
  readonly parts: readonly string[];
  role: string | null;
  readonly spans: Span[];
  readonly aliases: Set<string>;
  speaker: boolean;
  lastSeen: number;
}

/** A shorter multi-word form of a longer name: same last word, first word among its words. */
function isShortForm(short: readonly string[], long: readonly string[]): boolean {
  return (
    short.length < long.length &&
    short[short.length - 1] === long[long.length - 1] &&
    short.every((w) => long.includes(w))
  );
}

function latest(entities: readonly Entity[], before: number): Entity | undefined {
  let best: Entity | undefined;
  for (const e of entities) {
    if (best === undefined || (e.lastSeen <= before && e.lastSeen > best.lastSeen) || best.lastSeen > before) best = e;
  }
  return best;
}

function addMention(entity: Entity, m: Mention): void {
  entity.spans.push(m.span);
  entity.lastSeen = Math.max(entity.lastSeen, m.span.start);
  if (m.text !== entity.name) entity.aliases.add(m.text);
  entity.role ??= m.role;
  entity.speaker ||= m.speaker;
}

function newEntity(m: Mention): Entity {
  return { name: m.text, parts: m.parts, role: m.role, spans: [m.span], aliases: new Set(), speaker: m.speaker, lastSeen: m.span.start };
}

function push(index: Map<string, Entity[]>, key: string, e: Entity): void {
  const list = index.get(key);
  if (list) list.push(e);
  else index.set(key, [e]);
}

/** Resolves mentions (in text order) into people. Indexed by word, so linear in the mentions. */
export function groupMentions(mentions: readonly Mention[]): Entity[] {
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const byLastWord = new Map<string, Entity[]>();
  const byFirstWord = new Map<string, Entity[]>();
  const found = (m: Mention): void => {
    const e = newEntity(m);
    entities.push(e);
    byKey.set(m.parts.join(' '), e);
    if (m.parts.length > 1) {
      push(byLastWord, m.parts[m.parts.length - 1]!, e);
      push(byFirstWord, m.parts[0]!, e);
    }
  };
  const multi = mentions.filter((m) => m.parts.length > 1);
  const single = mentions.filter((m) => m.parts.length === 1);
  // Longest names first, so "Bill Clinton" can join "William Jefferson Clinton" and not the reverse.
  const byLength = [...multi].sort((a, b) => b.parts.length - a.parts.length || a.span.start - b.span.start);
  for (const m of byLength) {
    const same =
      byKey.get(m.parts.join(' ')) ??
      (byLastWord.get(m.parts[m.parts.length - 1]!) ?? []).find((e) => isShortForm(m.parts, e.parts));
    if (same) addMention(same, m);
    else if (m.canFound) found(m);
  }
  // Single words with strong evidence may found a person; the rest only join one, wherever they stand.
  const ordered = [...single.filter((m) => m.canFound), ...single.filter((m) => !m.canFound)];
  for (const m of ordered) {
    const word = m.parts[0]!;
    const byLast = byLastWord.get(word) ?? [];
    const byFirst = byFirstWord.get(word) ?? [];
    const self = byKey.get(word);
    const pool = byLast.length > 0 ? byLast : byFirst.length > 0 ? byFirst : self ? [self] : [];
    const target = pool.length === 1 ? pool[0] : latest(pool, m.span.start);
    if (target) addMention(target, m);
    else if (m.canFound) found(m);
  }
  for (const e of entities) e.spans.sort((a, b) => a.start - b.start);
  return entities;
}
