import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { routes } from '../../config/paths';
import { feedSearch, readFeedParams, type FeedParams } from './feed-params';

/** The feed's topics and sort from the URL, and a setter that pushes a history entry per change. */
export function useFeedParams(): [FeedParams, (next: FeedParams) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = useMemo(() => readFeedParams(search), [search]);
  const setParams = useCallback((next: FeedParams) => navigate(routes.feed() + feedSearch(next)), [navigate]);
  return [params, setParams];
}
