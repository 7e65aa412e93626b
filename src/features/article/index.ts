/** The article feature's public surface: the page and its route helpers. */
export { ArticlePage } from './article-page';
export { articleRoutePattern, feedTopicHref } from './routes';
