import { routes } from '../../config/paths';

/** The article page's route pattern, for the shell's router. */
export const articleRoutePattern = '/article/:id';

/**
 * The feed filtered by one topic. The feed keeps its selection in `?topics=slug1,slug2`; a single
 * slug is URL-safe, but it is encoded anyway so a stray character cannot change the query.
 */
export function feedTopicHref(slug: string): string {
  return `${routes.feed()}?topics=${encodeURIComponent(slug)}`;
}
