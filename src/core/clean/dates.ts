/** Publication dates as pages write them ("Nov. 19, 2019", "19 November 2019", "2019-11-19T08:03") → ISO. */
import { parseMonthDay } from './dateline.js';

const ISO = /(?<!\d)((?:19|20)\d{2})-([01]\d)-([0-3]\d)(?!\d)/;
const MONTH_FIRST = /\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? ((?:19|20)\d{2})\b/;
const DAY_FIRST = /\b(\d{1,2}) ([A-Z][a-z]{2,8})\.?,? ((?:19|20)\d{2})\b/;

/** A full date (with year) written in a short line, or null. */
export function findDateInLine(line: string): string | null {
  if (line.length > 120) return null;
  const iso = ISO.exec(line);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const mf = MONTH_FIRST.exec(line);
  if (mf) {
    const d = parseMonthDay(`${mf[1]} ${mf[2]} ${mf[3]}`);
    if (d) return d;
  }
  const df = DAY_FIRST.exec(line);
  if (df) return parseMonthDay(`${df[1]} ${df[2]} ${df[3]}`);
  return null;
}

/** A date from a meta tag or JSON-LD value ("2020-07-06T10:00:00+07:00", "Mon, 06 Jul 2020 ..."). */
export function normalizeDateValue(value: string): string | null {
  const v = value.trim();
  const iso = ISO.exec(v);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const compact = /^((?:19|20)\d{2})([01]\d)([0-3]\d)(?:T|$)/.exec(v);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return findDateInLine(v);
}
