import { FallbackImage } from '../../components/ui/fallback-image';
import type { ImageRef } from '../../types/content';

interface Props {
  images: ImageRef[];
  title: string;
  /** For the placeholder's initials when an image cannot load. */
  providerName: string;
}

/** Every image with its caption: the lead image loads eagerly, the rest lazily. */
export function ArticleImages({ images, title, providerName }: Props) {
  if (images.length === 0) return null;
  return (
    <div className="space-y-6">
      {images.map((image, index) => {
        const alt =
          image.caption ?? (index === 0 ? title : `${title}, picture ${index + 1} of ${images.length}`);
        return (
          <figure key={`${image.original}-${index}`} className="space-y-2">
            <FallbackImage
              image={image}
              alt={alt}
              placeholderText={providerName}
              eager={index === 0}
              sizes="(min-width: 1024px) 46rem, 100vw"
              className="rounded-lg"
            />
            {image.caption && (
              <figcaption className="text-sm text-slate-700 dark:text-slate-300">{image.caption}</figcaption>
            )}
          </figure>
        );
      })}
    </div>
  );
}
