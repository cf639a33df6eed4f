/** Display formats shared by the CLI's text and the Discord embeds. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-07-06" → "6 July 2020"; "--04-15" (year unknown) → "15 April"; "2020-07" → "July 2020"; anything else as given. */
export function formatDate(date: string | null): string | null {
  if (!date) return null;
  const yearMonth = /^(\d{4})-(\d{2})$/.exec(date);
  if (yearMonth && MONTHS[Number(yearMonth[2]) - 1]) return `${MONTHS[Number(yearMonth[2]) - 1]} ${yearMonth[1]}`;
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const partial = /^--(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = full ? [full[1], full[2], full[3]] : partial ? [undefined, partial[1], partial[2]] : [];
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName || !day) return date;
  return [String(Number(day)), monthName, year].filter(Boolean).join(' ');
}
