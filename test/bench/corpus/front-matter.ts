import type { GeneratedArticle, GeneratedImage, GeneratedRelated } from './article';

/**
 * Writes an article exactly as the seed does: scalars in a fixed order, blank lines between the
 * blocks, text and URLs double-quoted (JSON escaping is valid YAML double-quoting), names and
 * topics plain, dates bare, an empty body after the closing `---`.
 */
export function renderArticle(article: GeneratedArticle): string {
  const lines = ['---', 'category: news'];
  lines.push(`title: ${quote(article.title)}`, `excerpt: ${quote(article.excerpt)}`);
  lines.push(`publishedDateTime: ${article.publishedDateTime}`);
  lines.push(`originalUrl: ${quote(article.originalUrl)}`, `webUrl: ${quote(article.webUrl)}`);
  if (article.ampWebUrl && article.cdnAmpWebUrl)
    lines.push(`ampWebUrl: ${quote(article.ampWebUrl)}`, `cdnAmpWebUrl: ${quote(article.cdnAmpWebUrl)}`);
  lines.push(`type: ${article.type}`);
  if (article.quality !== undefined) lines.push(`quality: ${article.quality}`);
  if (article.heat !== undefined) lines.push(`heat: ${article.heat}`);
  lines.push(`published: ${article.published}`, '');

  lines.push('provider:', `  name: ${article.provider.name}`, `  domain: ${article.provider.domain}`);
  if (article.provider.logo)
    lines.push(
      '  images:',
      `    - url: ${quote(article.provider.logo)}`,
      '      width: 50',
      '      height: 50',
    );
  lines.push('', 'topics:', ...article.topics.map((topic) => `  - ${topic}`), '');
  if (article.tags.length > 0) lines.push('tags:', ...article.tags.map((tag) => `  - ${tag}`), '');
  if (article.images.length > 0)
    lines.push('images:', ...article.images.flatMap((image) => renderImage(image, '  ')), '');
  if (article.related.length > 0) lines.push('related:', ...article.related.flatMap(renderRelated), '');
  lines.push(`secured: ${quote(article.secured)}`, '---', '', '');
  return lines.join('\n');
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function renderImage(image: GeneratedImage, indent: string): string[] {
  const lines = [
    `${indent}- url: ${quote(image.url)}`,
    `${indent}  width: ${image.width}`,
    `${indent}  height: ${image.height}`,
  ];
  if (image.isCached) lines.push(`${indent}  isCached: true`);
  if (image.title !== undefined) lines.push(`${indent}  title: ${quote(image.title)}`);
  return lines;
}

function renderRelated(item: GeneratedRelated): string[] {
  const lines = [
    `  - title: ${quote(item.title)}`,
    `    excerpt: ${quote(item.excerpt)}`,
    `    publishedDateTime: ${item.publishedDateTime}`,
    `    webUrl: ${quote(item.webUrl)}`,
  ];
  if (item.ampWebUrl && item.cdnAmpWebUrl)
    lines.push(`    ampWebUrl: ${quote(item.ampWebUrl)}`, `    cdnAmpWebUrl: ${quote(item.cdnAmpWebUrl)}`);
  lines.push(
    '    type: article',
    '    provider:',
    `      name: ${item.provider.name}`,
    `      domain: ${item.provider.domain}`,
  );
  lines.push(`    quality: ${item.quality}`);
  if (item.images.length > 0)
    lines.push('    images:', ...item.images.flatMap((image) => renderImage(image, '      ')));
  return lines;
}
