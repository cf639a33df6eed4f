/** Turning a URL, an uploaded file or pasted text into a stored Markdown briefing. */
export { ingestFile, ingestText, ingestUrl, IngestError, type IngestErrorCode, type IngestOptions, type IngestResult, type IngestTarget } from './ingest.js';
export { renderBriefingMarkdown, type BriefingMeta } from './markdown.js';
export { slugify } from './slug.js';
