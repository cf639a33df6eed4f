/** RSS, Atom and JSON feeds: parsing, the seen-item store, polling and the feeds of every server. */
export { FeedError, type FeedErrorCode } from './errors.js';
export { FeedStore, type Feed } from './feed-store.js';
export { itemKeys } from './item-keys.js';
export { parseFeedBytes, type FeedFormat, type FeedItem, type ParsedFeed } from './parse.js';
export { DEFAULT_POLL_LIMITS, FEED_MEDIA_TYPES, pollFeed, type PollLimits, type PollOutcome, type StoredItem } from './poll.js';
export { describeFeed, FeedAddError, FeedService, POLL_FEED, type AddResult, type FeedServiceDeps, type FeedSettings } from './service.js';
export { itemText, storeFeedItem } from './store-item.js';
