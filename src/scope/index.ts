export { Scopes, type Scope, type ScopesOptions, type SharedLibrary, type AddedListener } from './scopes.js';
export { GuildCatalogue, encodeAnalysis, type Analyze, type GuildArticle } from './guild-catalogue.js';
export { MergedSearch, type SearchView } from './search-view.js';
export { MergedSource } from './merged-source.js';
