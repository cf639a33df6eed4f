/** A long, valid article (~4 MB of Markdown) whose analysis takes seconds: for "the bot keeps answering" tests. */
export const BIG_ID = 'harbour-ledger';

export function bigMarkdown(): string {
  const sentence = 'The council said on Monday that the harbour works would cost 4.5 million pounds and take two years, according to the mayor, Anna Berg.';
  return `# Harbour ledger\n\n${Array.from({ length: 30_000 }, (_, i) => `${sentence} Entry ${i}.`).join('\n\n')}\n`;
}
