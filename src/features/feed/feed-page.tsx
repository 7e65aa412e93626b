import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useManifest } from '../../api/manifest';
import { focusRing } from '../../components/ui/focus-ring';
import { useKeyboardShortcuts } from '../../components/ui/keyboard';
import { ErrorState } from '../../components/ui/states';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { cn } from '../../lib/cn';
import type { Manifest } from '../../types/content';
import { FeedSkeleton } from './card-skeleton';
import { feedSorts, toggleTopic, type FeedParams } from './feed-params';
import { FeedResults } from './feed-results';
import { SortControl } from './sort-control';
import { TopicChips } from './topic-chips';
import { useFeedParams } from './use-feed-params';

function FeedBody({
  manifest,
  params,
  setParams,
}: {
  manifest: Manifest;
  params: FeedParams;
  setParams: (p: FeedParams) => void;
}) {
  const chipsRef = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState('');
  // Chips and sort answer at once; the list follows as a lower-priority render.
  const listParams = useDeferredValue(params);
  const topicNames = useMemo(() => new Map(manifest.topics.map((t) => [t.slug, t.name])), [manifest]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  useKeyboardShortcuts({
    '/': (event) => {
      const chips = chipsRef.current;
      const chip =
        chips?.querySelector<HTMLElement>('[aria-pressed="true"]') ??
        chips?.querySelector<HTMLElement>('button');
      if (!chip) return;
      event.preventDefault();
      chip.focus();
    },
  });

  return (
    <>
      <div className="mb-4 flex flex-col gap-3">
        <SortControl sort={params.sort} onChange={(sort) => setParams({ ...params, sort })} />
        <TopicChips
          groupRef={chipsRef}
          topics={manifest.topics}
          selected={params.topics}
          onToggle={(slug) => setParams({ ...params, topics: toggleTopic(params.topics, slug) })}
        />
      </div>
      <FeedResults
        manifest={manifest}
        params={listParams}
        topicNames={topicNames}
        onClearTopics={() => setParams({ ...params, topics: [] })}
        announce={setNotice}
      />
      {/* Messages from keyboard actions (`v`), fixed to the viewport so they never move the page. */}
      <p
        role="status"
        className={
          notice
            ? 'fixed bottom-4 left-1/2 z-20 max-w-[90vw] -translate-x-1/2 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900'
            : 'sr-only'
        }
      >
        {notice}
      </p>
    </>
  );
}

/** The home page: topic chips, sort, and the card feed; all of its state is in the URL. */
export function FeedPage() {
  const [params, setParams] = useFeedParams();
  const manifest = useManifest();
  const heading = feedSorts.find((s) => s.sort === params.sort)?.heading ?? 'News';
  useDocumentTitle(`${heading} · News Reader`);

  return (
    <div className="mx-auto max-w-screen-2xl px-4 py-6">
      <h1
        tabIndex={-1}
        className={cn('mb-4 rounded-sm text-2xl font-bold tracking-tight sm:text-3xl', focusRing)}
      >
        {heading}
      </h1>
      {manifest.isPending ? (
        <>
          <div aria-hidden="true" className="mb-4 flex flex-col gap-3">
            <div className="h-8 w-64 rounded-lg bg-slate-200 dark:bg-slate-800" />
            <div className="h-11 rounded-full bg-slate-100 dark:bg-slate-900" />
          </div>
          <div className="mb-4 min-h-8" />
          <FeedSkeleton />
        </>
      ) : manifest.isError ? (
        <ErrorState
          title="The news index could not be loaded."
          message={manifest.error.message}
          onRetry={() => void manifest.refetch()}
        />
      ) : (
        <FeedBody manifest={manifest.data} params={params} setParams={setParams} />
      )}
    </div>
  );
}
