/**
 * Wire-style datelines at the start of a story: "April 15 (UPI) --", "LONDON (Reuters) -",
 * "WASHINGTON, March 3 (AP) —", "WASHINGTON —". They carry the source and the date, and are not
 * part of the first sentence, so they are cut from the body.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

export interface Dateline {
  /** The text after the dateline. */
  readonly rest: string;
  readonly source: string | null;
  readonly date: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "April 15" / "Apr. 15, 2023" / "15 April 2023" → ISO date or `--MM-DD`; null if it is not a date. */
export function parseMonthDay(text: string): string | null {
  const t = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let m = /^([A-Za-z]{3,9})\.? (\d{1,2})(?: (\d{4}))?$/.exec(t);
  let month: number | undefined;
  let day: number;
  let year: string | undefined;
  if (m) {
    month = MONTHS[m[1]!.toLowerCase()];
    day = Number(m[2]);
    year = m[3];
  } else {
    m = /^(\d{1,2}) ([A-Za-z]{3,9})\.?(?: (\d{4}))?$/.exec(t);
    if (!m) return null;
    month = MONTHS[m[2]!.toLowerCase()];
    day = Number(m[1]);
    year = m[3];
  }
  if (month === undefined || day < 1 || day > 31) return null;
  return year ? `${year}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
}

const DASH = '(?:--|-|–|—|―)';
// PLACE: capitals, spaces, dots, commas, apostrophes, hyphens, up to 40 chars; then an optional date,
// an optional "(AGENCY)", then the dash. Bounded quantifiers only.
const WITH_AGENCY = new RegExp(
  `^((?:[\\p{Lu}][\\p{Lu}\\p{M}.'’ -]{0,39}(?:, [\\p{L}.' ]{1,30})?,? )?)` +
    `((?:[A-Z][a-z]{2,8}\\.? \\d{1,2}(?:, \\d{4})?|\\d{1,2} [A-Z][a-z]{2,8}(?: \\d{4})?) ?)?` +
    `\\(([A-Za-z][A-Za-z0-9 .&/-]{0,24})\\) ?${DASH} ?`,
  'u',
);
const PLACE_ONLY = new RegExp(`^([\\p{Lu}][\\p{Lu}\\p{M}.'’ -]{1,39}(?:, [\\p{L}.' ]{1,30})?) ?${DASH} (?=[\\p{Lu}"“‘'0-9])`, 'u');

/** Sources named by their usual short form; anything else in the parentheses is kept as written. */
const KNOWN_SOURCES = new Set(['UPI', 'AP', 'AFP', 'REUTERS', 'CNN', 'BLOOMBERG', 'XINHUA', 'DPA', 'ANI', 'PTI', 'IANS', 'EFE', 'ANSA', 'KYODO', 'YONHAP', 'TASS', 'CNA', 'VNA', 'BERNAMA', 'MARKETWATCH', 'CNBC', 'AAP', 'CP', 'PA', 'IPS', 'UNI']);

function sourceName(raw: string): string | null {
  const s = raw.trim();
  if (s === '' || /\d/.test(s) && !/^[A-Z]+\d*$/.test(s)) return null;
  const upper = s.toUpperCase();
  if (KNOWN_SOURCES.has(upper)) return upper === 'REUTERS' || upper === 'BLOOMBERG' || upper === 'XINHUA' || upper === 'MARKETWATCH' ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : upper;
  // "(The Hill)", "(CBS News)": short capitalised names only; "(file photo)" and the like are not sources.
  if (/^[A-Z][A-Za-z.&]*(?: [A-Z][A-Za-z.&]*){0,3}$/.test(s)) return s;
  return null;
}

/** Finds and removes a dateline at the start of the first paragraph. */
export function stripDateline(paragraph: string): Dateline | null {
  const head = paragraph.slice(0, 160);
  const m = WITH_AGENCY.exec(head);
  if (m) {
    const source = sourceName(m[3]!);
    if (source !== null) {
      const place = (m[1] ?? '').trim();
      // A place part must be all capitals ("LONDON", "NEW YORK, N.Y."), not the start of a sentence.
      if (place === '' || place.replace(/,.*$/, '') === place.replace(/,.*$/, '').toUpperCase()) {
        return { rest: paragraph.slice(m[0].length).trimStart(), source, date: m[2] ? parseMonthDay(m[2]) : null };
      }
    }
  }
  const p = PLACE_ONLY.exec(head);
  if (p) {
    const place = p[1]!.replace(/,.*$/, '').trim();
    // At least one letter and no lower case: "WASHINGTON", "SAN JUAN, Puerto Rico".
    if (/\p{Lu}{2}/u.test(place) && place === place.toUpperCase()) {
      return { rest: paragraph.slice(p[0].length).trimStart(), source: null, date: null };
    }
  }
  return null;
}
