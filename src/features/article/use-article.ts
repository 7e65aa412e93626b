import { useQuery } from '@tanstack/react-query';
import { articleQueries } from '../../api/article';
import { useManifest } from '../../api/manifest';

/**
 * The manifest (for its buildId), then the article's detail file. When a new build arrives, the
 * same article stays on screen until its new copy loads (no skeleton flash, focus stays put).
 */
export function useArticle(id: string) {
  const manifest = useManifest();
  const buildId = manifest.data?.buildId;
  const detail = useQuery({
    ...articleQueries.detail(id, buildId ?? ''),
    enabled: buildId !== undefined,
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
  return { manifest, detail };
}
