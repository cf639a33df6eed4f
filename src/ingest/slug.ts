import { asciiWords } from '../text/fold.js';

/** A file-name-safe, readable slug of a title: ascii letters and digits joined by hyphens, at most `max` long. */
export function slugify(title: string, max = 60): string {
  const words = asciiWords(title);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, max) ?? '') || 'briefing';
}
