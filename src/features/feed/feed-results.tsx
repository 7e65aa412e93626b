import { useLocation } from 'wouter';
import { EmptyState, ErrorState } from '../../components/ui/states';
import { routes } from '../../config/paths';
import type { Manifest } from '../../types/content';
import { FeedSkeleton } from './card-skeleton';
import { FeedGrid } from './feed-grid';
import type { FeedParams } from './feed-params';
import { FeedSummary, ClearTopicsButton } from './feed-summary';
import { useFeed } from './use-feed';
import { useOpenOriginal } from './open-original';

interface Props {
  manifest: Manifest;
  params: FeedParams;
  topicNames: ReadonlyMap<string, string>;
  onClearTopics: () => void;
  announce: (message: string) => void;
}

/** The cards of one selection with every state: loading, failed, empty, and the end of the feed. */
export function FeedResults({ manifest, params, topicNames, onClearTopics, announce }: Props) {
  const { query, view, total, feedKey } = useFeed(manifest, params.sort, params.topics);
  const [, navigate] = useLocation();
  const original = useOpenOriginal(manifest.buildId, announce);

  if (query.isError && !view) {
    return (
      <ErrorState
        title="The articles could not be loaded."
        message={query.error.message}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!view || (view.items.length === 0 && !view.complete)) {
    return (
      <>
        <div className="mb-4 min-h-8" />
        <FeedSkeleton />
      </>
    );
  }

  const summary = (
    <FeedSummary total={total} topics={params.topics} topicNames={topicNames} onClear={onClearTopics} />
  );
  if (view.items.length === 0) {
    return (
      <>
        {summary}
        <EmptyState
          title={params.topics.length > 0 ? 'No articles in these topics.' : 'There are no articles yet.'}
        >
          {params.topics.length > 0 && <ClearTopicsButton onClear={onClearTopics} />}
        </EmptyState>
      </>
    );
  }

  const hasMore = query.hasNextPage;
  return (
    <>
      {summary}
      <FeedGrid
        key={feedKey}
        feedKey={feedKey}
        items={view.items}
        setSize={total ?? -1}
        busy={query.isFetching}
        topicNames={topicNames}
        hasMore={hasMore}
        canLoadMore={!query.isFetchingNextPage && !query.isFetchNextPageError && !query.isPlaceholderData}
        // Never restart a page already on its way (the default would cancel and refetch it).
        loadMore={() => void query.fetchNextPage({ cancelRefetch: false })}
        onOpen={(card) => navigate(routes.article(card.id))}
        onOpenOriginal={(card) => void original.open(card)}
        onCurrent={original.prefetch}
      />
      <div className="py-8 text-center text-sm text-slate-600 dark:text-slate-400">
        {query.isFetchNextPageError ? (
          <ErrorState
            title="More articles could not be loaded."
            message={query.error?.message}
            onRetry={() => void query.fetchNextPage()}
          />
        ) : hasMore ? (
          <p role="status">Loading more articles…</p>
        ) : (
          <p>That is every article{params.topics.length > 0 ? ' in these topics' : ''}.</p>
        )}
      </div>
    </>
  );
}
