import { BackToFeed } from './back-to-feed';
import { usePageHeading } from './use-page-heading';

/** Shown when no article has this id (its detail file answers 404). */
export function ArticleNotFound({ id }: { id: string }) {
  const headingRef = usePageHeading('Article not found', id);
  return (
    <div className="mx-auto max-w-2xl space-y-4 px-4 py-12">
      <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold focus:outline-none">
        Article not found
      </h1>
      <p>
        There is no article with the id <q className="font-mono break-all">{id}</q>. It may have been removed
        since you found the link.
      </p>
      <BackToFeed />
    </div>
  );
}
