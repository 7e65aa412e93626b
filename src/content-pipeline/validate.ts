import {
  asMap,
  child,
  item,
  readBoolean,
  readDate,
  readList,
  readNumber,
  readText,
  readTextList,
  readUrl,
  present,
} from './fields.ts';
import type { IssueList } from './issues.ts';
import type { ParsedFile } from './parse.ts';
import { quote } from './text.ts';
import type { SourceArticle, SourceImage, SourceProvider, SourceRelated } from './source.ts';
import type { YMap, YNode } from './yaml-tree.ts';

const QUALITY_RULE = 'a number ≥ 0';
const HEAT_RULE = 'a number ≥ -1, where -1 means unknown';
const SIZE_RULE = 'a number of pixels ≥ 0';
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * The host name in a provider `domain`, lowercased; some real files add a path
 * (`cnn.com/us/live-news/...`), which is cut. Checked label by label, so the cost stays linear.
 */
export function domainHost(raw: string): string | undefined {
  const host = raw.replace(/^https?:\/\//i, '').split(/[/?#]/, 1)[0] ?? '';
  if (host.length > 253 || !host.split('.').every((label) => LABEL.test(label))) return undefined;
  return host.toLowerCase();
}

/**
 * Checks one parsed file against the article schema (issue 2, point 5). Unknown fields, `secured`
 * among them, are never read. Returns null when the file has errors; problems go to its issue list.
 */
export function validateArticle(parsed: ParsedFile, now: Date): SourceArticle | null {
  const { data, issues } = parsed;
  if (!data) return null;

  const title = readText(issues, data, 'title', '', true);
  const date = readDate(issues, data, 'publishedDateTime', '', true);
  if (date && date.time > now.getTime()) {
    issues.warning(
      date.node.pos,
      'publishedDateTime',
      `is in the future (${date.iso}; now is ${now.toISOString()})`,
    );
  }
  const originalUrl = readUrl(issues, data, 'originalUrl', '');
  const webUrl = readUrl(issues, data, 'webUrl', '');
  if (!present(data, 'originalUrl') && !present(data, 'webUrl')) {
    issues.error(data.pos, 'originalUrl', 'is required (an http(s) originalUrl or webUrl)');
  }
  const ampUrl = readAmpUrl(issues, data, '');
  const published = readBoolean(issues, data, 'published', '');
  if (!present(data, 'published')) {
    issues.warning(
      data.pos,
      'published',
      'is missing, so the article is a draft; write published: true to publish it',
    );
  }
  readTextList(issues, data, 'tags', '');

  const article = {
    title,
    excerpt: readText(issues, data, 'excerpt', ''),
    category: readText(issues, data, 'category', ''),
    type: readText(issues, data, 'type', ''),
    quality: readNumber(issues, data, 'quality', '', 0, QUALITY_RULE),
    heat: readNumber(issues, data, 'heat', '', -1, HEAT_RULE),
    provider: readProvider(issues, data, ''),
    topics: [...new Set(readTextList(issues, data, 'topics', '').map((t) => t.replace(/\s+/g, ' ')))],
    images: readImages(issues, data, ''),
    related: readList(issues, data, 'related', '').flatMap(
      (node, i) => readRelated(issues, node, item('related', i)) ?? [],
    ),
  };
  if (issues.hasErrors || title === undefined || date === undefined) return null;
  const url = originalUrl ?? webUrl;
  if (url === undefined) return null;
  return {
    id: parsed.file.id,
    file: parsed.file.file,
    title,
    excerpt: article.excerpt,
    category: article.category,
    type: article.type,
    publishedAt: date.iso,
    publishedTime: date.time,
    url,
    links: [...new Set([originalUrl, webUrl].filter((u) => u !== undefined))],
    ampUrl,
    quality: article.quality,
    heat: article.heat,
    // A missing `published` is a draft: the source pipeline leaves it out of unfinished items.
    published: published === true,
    provider: article.provider,
    topics: article.topics,
    images: article.images,
    related: article.related,
  };
}

/** The publisher's AMP page, else Google's AMP cache copy; both are read so both are checked. */
function readAmpUrl(issues: IssueList, map: YMap, path: string): string | undefined {
  const amp = readUrl(issues, map, 'ampWebUrl', path, 'it is left out');
  const cdn = readUrl(issues, map, 'cdnAmpWebUrl', path, 'it is left out');
  return amp ?? cdn;
}

function readProvider(issues: IssueList, map: YMap, path: string): SourceProvider | undefined {
  const name = child(path, 'provider');
  const node = present(map, 'provider');
  if (!node) return undefined;
  const provider = asMap(issues, node, name, 'name and domain');
  if (!provider) return undefined;
  const providerName = readText(issues, provider, 'name', name, true);
  const rawDomain = readText(issues, provider, 'domain', name);
  const domain = rawDomain === undefined ? undefined : domainHost(rawDomain);
  if (rawDomain !== undefined && domain === undefined) {
    const pos = provider.fields.get('domain')?.pos ?? provider.pos;
    const message = `must be a host name such as example.com (got ${quote(rawDomain)}); it is left out`;
    issues.warning(pos, child(name, 'domain'), message);
  }
  return providerName === undefined ? undefined : { name: providerName, domain };
}

function readImages(issues: IssueList, map: YMap, path: string): SourceImage[] {
  const list = child(path, 'images');
  return readList(issues, map, 'images', path).flatMap((node, i) => {
    const name = item(list, i);
    const image = asMap(issues, node, name, 'url, width and height');
    if (!image) return [];
    const width = readNumber(issues, image, 'width', name, 0, SIZE_RULE);
    const height = readNumber(issues, image, 'height', name, 0, SIZE_RULE);
    const caption = readText(issues, image, 'title', name);
    readBoolean(issues, image, 'isCached', name);
    const url = readUrl(issues, image, 'url', name, 'the image is left out');
    if (url === undefined) {
      if (!image.fields.has('url'))
        issues.warning(image.pos, child(name, 'url'), 'is missing; the image is left out');
      return [];
    }
    // 0 is how some pipelines write "unknown"; absent sizes let the reader fall back.
    return [{ url, width: width || undefined, height: height || undefined, caption }];
  });
}

function readRelated(issues: IssueList, node: YNode, path: string): SourceRelated | undefined {
  const related = asMap(issues, node, path, 'title and webUrl');
  if (!related) return undefined;
  const title = readText(issues, related, 'title', path, true);
  const entry: SourceRelated = {
    title: title ?? '',
    excerpt: readText(issues, related, 'excerpt', path),
    publishedAt: readDate(issues, related, 'publishedDateTime', path)?.iso,
    url: readUrl(issues, related, 'webUrl', path, 'the link is left out'),
    ampUrl: readAmpUrl(issues, related, path),
    type: readText(issues, related, 'type', path),
    provider: readProvider(issues, related, path),
    quality: readNumber(issues, related, 'quality', path, 0, QUALITY_RULE),
    images: readImages(issues, related, path),
  };
  return title === undefined ? undefined : entry;
}
