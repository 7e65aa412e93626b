import { useId } from 'react';
import type { ArticleDetail } from '../../types/content';
import { BackToFeed } from './back-to-feed';
import { ArticleFacts } from './article-facts';
import { ArticleHeader } from './article-header';
import { ArticleImages } from './article-images';
import { useOpenOriginalKey } from './open-original';
import { OriginalLinks } from './original-links';
import { RelatedRail } from './related-rail';

/**
 * The article and its related rail, side by side on wide screens; `v` opens the original. Rendered
 * inside the shell's `<main>`; the rail is an `<aside>`, which may sit inside `main`.
 */
export function ArticleView({ article }: { article: ArticleDetail }) {
  const headingId = useId();
  useOpenOriginalKey(article.url);
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article aria-labelledby={headingId} className="min-w-0 space-y-6">
        <BackToFeed />
        <ArticleHeader article={article} headingId={headingId} />
        <ArticleImages
          images={article.images}
          title={article.title}
          providerName={article.provider?.name ?? article.title}
        />
        {article.excerpt && <p className="text-lg leading-relaxed">{article.excerpt}</p>}
        <OriginalLinks article={article} />
        <ArticleFacts article={article} />
      </article>
      <RelatedRail items={article.related} />
    </div>
  );
}
