/** Articles as validation leaves them: checked and cleaned, not yet shaped for the reader. */

/** An image that passed validation; `url` is a checked http(s) URL. */
export interface SourceImage {
  url: string;
  width?: number;
  height?: number;
  caption?: string;
}

export interface SourceProvider {
  name: string;
  domain?: string;
}

export interface SourceRelated {
  title: string;
  excerpt?: string;
  publishedAt?: string;
  url?: string;
  ampUrl?: string;
  type?: string;
  provider?: SourceProvider;
  quality?: number;
  images: SourceImage[];
}

/** One article file's front matter, checked and cleaned; only fields the reader can use. */
export interface SourceArticle {
  id: string;
  file: string;
  title: string;
  excerpt?: string;
  category?: string;
  type?: string;
  publishedAt: string;
  publishedTime: number;
  /** The link to open: `originalUrl`, else `webUrl`. */
  url: string;
  /** Every link that identifies this story (`originalUrl`, `webUrl`), for related-item matching. */
  links: string[];
  ampUrl?: string;
  quality?: number;
  /** -1 (unknown) is kept here and dropped in derive. */
  heat?: number;
  published: boolean;
  provider?: SourceProvider;
  topics: string[];
  images: SourceImage[];
  related: SourceRelated[];
}
