/** Due times in the schedule's own zone: local time kept across DST, gaps, weekly days, bad input. */
import { describe, expect, it } from 'vitest';
import { canonicalZone, describeRule, nextDue, parseTimeOfDay } from '../../src/delivery/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('nextDue', () => {
  it('a daily 09:00 in Paris stays 09:00 local across the spring and autumn changes', () => {
    const rule = { every: 'daily' as const, atMinute: 9 * 60, weekday: null, timezone: 'Europe/Paris' };
    // 2026-03-29 clocks go forward in Paris (UTC+1 → UTC+2).
    const before = nextDue(rule, Date.parse('2026-03-28T09:00:00Z'));
    expect(iso(before)).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(nextDue(rule, Date.parse('2026-03-27T12:00:00Z')))).toBe('2026-03-28T08:00:00.000Z');
    // 2026-10-25 back to UTC+1.
    expect(iso(nextDue(rule, Date.parse('2026-10-24T12:00:00Z')))).toBe('2026-10-25T08:00:00.000Z');
  });

  it('counts from the moment given: due strictly after it, and one due time after a long outage', () => {
    const rule = { every: 'daily' as const, atMinute: 9 * 60, weekday: null, timezone: 'UTC' };
    expect(iso(nextDue(rule, Date.parse('2026-01-05T09:00:00Z')))).toBe('2026-01-06T09:00:00.000Z');
    expect(iso(nextDue(rule, Date.parse('2026-01-05T08:59:59Z')))).toBe('2026-01-05T09:00:00.000Z');
    expect(iso(nextDue(rule, Date.parse('2026-01-09T10:00:00Z')))).toBe('2026-01-10T09:00:00.000Z');
  });

  it('a time inside the spring gap (02:30 in New York on 8 March 2026) is the first minute after it', () => {
    const rule = { every: 'daily' as const, atMinute: 2 * 60 + 30, weekday: null, timezone: 'America/New_York' };
    const due = nextDue(rule, Date.parse('2026-03-08T05:00:00Z')); // 00:00 EST
    expect(iso(due)).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(iso(nextDue(rule, due))).toBe('2026-03-09T06:30:00.000Z'); // 02:30 EDT the day after
  });

  it('weekly on the given day, local time kept', () => {
    const rule = { every: 'weekly' as const, atMinute: 17 * 60, weekday: 5, timezone: 'Asia/Tokyo' };
    // Monday 2026-01-05 noon UTC → Friday 2026-01-09 17:00 JST = 08:00 UTC.
    expect(iso(nextDue(rule, Date.parse('2026-01-05T12:00:00Z')))).toBe('2026-01-09T08:00:00.000Z');
    expect(iso(nextDue(rule, Date.parse('2026-01-09T08:00:00Z')))).toBe('2026-01-16T08:00:00.000Z');
    expect(describeRule(rule)).toBe('weekly on Friday at 17:00 (Asia/Tokyo)');
  });
});

describe('input', () => {
  it('reads 24-hour times and refuses the rest', () => {
    expect(parseTimeOfDay('08:30')).toBe(510);
    expect(parseTimeOfDay('8:05')).toBe(485);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    for (const bad of ['24:00', '8', '8:5', '08:60', 'noon', '', '7pm']) expect(parseTimeOfDay(bad)).toBeNull();
  });

  it('accepts IANA zones in any case and refuses made-up ones and offsets', () => {
    expect(canonicalZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalZone('UTC')).toBe('UTC');
    expect(canonicalZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalZone('+02:00')).toBeNull();
    expect(canonicalZone('')).toBeNull();
  });
});
