import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/core/clean/index.js';
import { elementCount, htmlLines, nestingDepth } from '../../src/core/clean/htmlscan.js';

describe('htmlscan', () => {
  it('measures nesting of end-tag-closed elements, not of paragraphs or list items', () => {
    expect(nestingDepth('<html><body><div><section><p>a<p>b<ul><li>x<li>y</ul></section></div></body></html>', 100)).toBe(5);
    expect(nestingDepth('<div>'.repeat(50), 10)).toBe(11);
    expect(nestingDepth('<div><script>for (i = 0; i < n; i++) s += "<div>";</script></div>', 100)).toBe(1);
  });

  it('counts start tags outside comments and scripts', () => {
    expect(elementCount('<div><p>a</p><!-- <p> --><script>"<p>"</script><br/></div>', 100)).toBe(4);
  });

  it('reads one line per block, skipping scripts and comments, decoding entities', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><!-- x --><h1>Rates &amp; prices</h1><p>Costs rose 5&#37; in May.<br>Then fell.</p><script>var a = "<p>no</p>";</script><p>a &lt; b</p></body></html>';
    expect(htmlLines(html)).toEqual(['Rates & prices', 'Costs rose 5% in May.', 'Then fell.', 'a < b']);
  });
});

describe('cleanDocument on a page nested too deeply to parse', () => {
  it('still returns the story text', () => {
    const story = ['The council approved the new bridge on Tuesday after a long debate about its cost.', 'Engineers said work would start in the spring and last about two years.', 'Residents of the east bank have waited a decade for a second crossing over the river.'];
    const html = `<html><head><title>Bridge approved</title></head><body>${'<div>'.repeat(600)}${story.map((s) => `<p>${s}</p>`).join('')}</body></html>`;
    const doc = cleanDocument(html, 'html');
    expect(doc.title).toBe('Bridge approved');
    expect(doc.body).toBe(story.join('\n\n'));
  });
});

describe('cleanDocument on a page with too many elements to parse', () => {
  it('reads the distinct paragraphs from the markup', () => {
    const paragraphs = Array.from({ length: 16_000 }, (_, i) => `<p>Paragraph number ${i + 1} of the council report was read aloud.</p>`);
    const html = `<html><head><title>Council report</title></head><body><article>${paragraphs.join('')}</article></body></html>`;
    const doc = cleanDocument(html, 'html');
    expect(doc.body.split('\n\n')).toHaveLength(16_000);
    expect(doc.body.startsWith('Paragraph number 1 of the council report was read aloud.')).toBe(true);
  });
});
