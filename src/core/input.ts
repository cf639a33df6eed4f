import { InputError } from './errors.js';
import type { InputFormat } from './types.js';

export interface DecodedInput {
  readonly format: InputFormat;
  readonly text: string;
}

/** Placeholder: UTF-8 only. The cleaning stage replaces this with charset detection and binary refusal. */
export function decodeInput(bytes: Uint8Array, fileName: string): DecodedInput {
  if (bytes.length === 0) throw new InputError(`${fileName} is empty`, 'empty');
  const lower = fileName.toLowerCase();
  const format: InputFormat = lower.endsWith('.html') || lower.endsWith('.htm') ? 'html' : lower.endsWith('.md') ? 'markdown' : 'text';
  return { format, text: new TextDecoder('utf-8').decode(bytes) };
}
