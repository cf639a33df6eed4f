/**
 * When a digest is due, in the schedule's own time zone (luxon, on the IANA database Node carries):
 * "daily at 09:00 Europe/Paris" stays at 09:00 local across daylight-saving changes; a time that does
 * not exist on the day clocks go forward (02:30) is taken as the first minute after the gap.
 */
import { DateTime, IANAZone } from 'luxon';

export type Every = 'daily' | 'weekly';

export interface ScheduleRule {
  readonly every: Every;
  /** Minutes after local midnight. */
  readonly atMinute: number;
  /** 1 = Monday … 7 = Sunday (weekly only). */
  readonly weekday: number | null;
  readonly timezone: string;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

let zones: readonly string[] | null = null;

/** Every IANA zone name this runtime knows (for autocomplete), plus UTC. */
export function knownZones(): readonly string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

/** The canonical spelling of an IANA zone, or null when it is not one ("Europe/paris" → "Europe/Paris"). */
export function canonicalZone(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 64) return null;
  const exact = knownZones().find((z) => z.toLowerCase() === trimmed.toLowerCase());
  if (exact) return exact;
  return IANAZone.isValidZone(trimmed) && trimmed.includes('/') ? trimmed : null;
}

/** "09:30" → 570; null for anything that is not a 24-hour time. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The first due time strictly after `after` (epoch ms). */
export function nextDue(rule: ScheduleRule, after: number): number {
  const hour = Math.floor(rule.atMinute / 60);
  const minute = rule.atMinute % 60;
  const at = (d: DateTime) => d.set({ hour, minute, second: 0, millisecond: 0 });
  let candidate = at(DateTime.fromMillis(after, { zone: rule.timezone }));
  if (rule.every === 'weekly') candidate = at(candidate.set({ weekday: (rule.weekday ?? 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7 }));
  for (let i = 0; candidate.toMillis() <= after && i < 800; i++) {
    candidate = at(candidate.plus(rule.every === 'weekly' ? { weeks: 1 } : { days: 1 }));
  }
  return candidate.toMillis();
}

/** "daily at 09:00 (Europe/Paris)", "weekly on Monday at 09:00 (UTC)". */
export function describeRule(rule: ScheduleRule): string {
  const day = rule.every === 'weekly' ? ` on ${capitalise(WEEKDAYS[(rule.weekday ?? 1) - 1] ?? 'monday')}` : '';
  return `${rule.every}${day} at ${formatTimeOfDay(rule.atMinute)} (${rule.timezone})`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A due time as the schedule's members read it: "Mon 5 Jan, 09:00". */
export function formatLocal(epochMs: number, timezone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timezone }).toFormat('ccc d LLL, HH:mm');
}
