/** Safe fetching of article pages from the internet (SSRF-guarded). */
export { isPublicAddress, rangeOf } from './address.js';
export { FetchError, type FetchErrorCode } from './errors.js';
export { ARTICLE_MEDIA_TYPES, DEFAULT_FETCH_LIMITS, safeFetch, type FetchedPage, type ResolvedAddress, type SafeFetchOptions } from './fetch.js';
