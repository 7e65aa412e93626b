import { useQuery } from '@tanstack/react-query';
import { articleQueries } from '../../api/article';
import { useManifest } from '../../api/manifest';
import { httpUrl } from './safe-url';

/**
 * The manifest (for its buildId), then the article's detail file. `id` undefined (not on an article
 * page) loads nothing but the manifest, which the shell reads anyway. When a new build arrives, the
 * same article stays on screen until its new copy loads (no skeleton flash, focus stays put).
 */
export function useArticle(id: string | undefined) {
  const manifest = useManifest();
  const buildId = manifest.data?.buildId;
  const detail = useQuery({
    ...articleQueries.detail(id ?? '', buildId ?? ''),
    enabled: id !== undefined && buildId !== undefined,
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
  return { manifest, detail };
}

/** What the `v` shortcut opens: the article's original link and the provider to name it by. */
export interface OriginalLink {
  url: string;
  /** "Read at SiliconANGLE", or "Read the original" when the provider is unknown. */
  label: string;
}

export function originalLinkLabel(providerName: string | undefined): string {
  return providerName ? `Read at ${providerName}` : 'Read the original';
}

/**
 * For the shell's `v` shortcut: the open article's original link once its detail has loaded (shares
 * the article page's cache entry, so it costs no extra request), else `undefined`.
 */
export function useOriginalLink(id: string | undefined): OriginalLink | undefined {
  const { detail } = useArticle(id);
  const url = httpUrl(detail.data?.url);
  return url ? { url, label: originalLinkLabel(detail.data?.provider?.name) } : undefined;
}

/** Opens a link in a new tab the same way the page's links do: no opener, no referrer. */
export function openInNewTab(url: string): void {
  const safe = httpUrl(url);
  if (safe) window.open(safe, '_blank', 'noopener,noreferrer');
}
