/** The article feature's public surface: the page, its route helpers, and what the shell's `v` key needs. */
export { ArticlePage } from './article-page';
export { articleRoutePattern, feedTopicHref } from './routes';
export { openInNewTab, useOriginalLink } from './use-article';
export type { OriginalLink } from './use-article';
