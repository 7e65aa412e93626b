import { useId } from 'react';
import { ErrorBoundary } from '../../components/ui/error-boundary';
import { EmptyState } from '../../components/ui/states';
import type { RelatedItem } from '../../types/content';
import { RelatedStory } from './related-item';

function RelatedList({ items }: { items: RelatedItem[] }) {
  if (items.length === 0) return <EmptyState title="No related stories for this article." />;
  return (
    <ul className="space-y-5">
      {items.map((item, index) => (
        <li key={`${item.articleId ?? item.url ?? item.title}-${index}`}>
          <RelatedStory item={item} />
        </li>
      ))}
    </ul>
  );
}

/** The related stories, in a labelled complementary region with its own error boundary. */
export function RelatedRail({ items }: { items: RelatedItem[] }) {
  const headingId = useId();
  return (
    <aside aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Related stories
      </h2>
      <ErrorBoundary region="Related stories">
        <RelatedList items={items} />
      </ErrorBoundary>
    </aside>
  );
}
