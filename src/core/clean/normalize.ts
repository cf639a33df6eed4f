/**
 * Character-level normalisation shared by every format: one line-break convention, ordinary spaces,
 * no invisible characters. Linear scans only.
 */

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const SPACE_LIKE = new Set([0x00a0, 0x2007, 0x202f, 0x1680, 0x205f, 0x3000]);

/**
 * CRLF / CR → LF, NBSP and other fixed spaces → space, tab kept as space, zero-width and control
 * characters dropped (they only break matching and display downstream).
 */
export function normalizeText(text: string): string {
  let out = '';
  let runStart = 0;
  const flush = (i: number) => {
    if (i > runStart) out += text.slice(runStart, i);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Fast path: printable ASCII and most of Unicode pass through untouched.
    if ((c >= 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x2000 && c !== 0xad) || (c > 0x206f && c !== 0xfeff && c !== 0x3000)) continue;
    if (c === 0x0a) continue;
    flush(i);
    runStart = i + 1;
    if (c === 0x0d) {
      out += '\n';
      if (text.charCodeAt(i + 1) === 0x0a) {
        i++;
        runStart = i + 1;
      }
    } else if (c === 0x09 || c === 0x0b || c === 0x0c || SPACE_LIKE.has(c) || (c >= 0x2000 && c <= 0x200a)) {
      out += c === 0x0c || c === 0x0b ? '\n' : ' ';
    } else if (c === 0x2028 || c === 0x2029) {
      out += '\n';
    } else if (ZERO_WIDTH.has(c) || c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2061 && c <= 0x206f)) {
      // dropped
    } else {
      // Other characters in the slow-path ranges (dashes, quotes, bullets...) are kept as they are.
      runStart = i;
    }
  }
  flush(text.length);
  return out;
}

/** Collapses runs of spaces inside a line and trims it. */
export function squashSpaces(line: string): string {
  // Most lines have no double space or tab: skip the replace (and its copy of a long line).
  return line.includes('  ') || line.includes('\t') ? line.replace(/[ \t]+/g, ' ').trim() : line.trim();
}
