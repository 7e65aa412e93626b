import { cn } from '../../lib/cn';
import type { ArticleDetail } from '../../types/content';
import { ExternalLink } from './external-link';
import { textLink, focusRing } from './styles';

/** "Read at SiliconANGLE", or "Read the original" when the provider is unknown. */
function originalLinkLabel(providerName: string | undefined): string {
  return providerName ? `Read at ${providerName}` : 'Read the original';
}

/** The primary "Read at <provider>" link, and the AMP version where the source gives one. */
export function OriginalLinks({ article }: { article: ArticleDetail }) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <ExternalLink
        href={article.url}
        className={cn(
          focusRing,
          'inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800',
        )}
        fallback={<p>The original link for this story is not available.</p>}
      >
        {originalLinkLabel(article.provider?.name)}
      </ExternalLink>
      <ExternalLink href={article.ampUrl} className={textLink}>
        AMP version
      </ExternalLink>
    </div>
  );
}
