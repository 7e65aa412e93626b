import { describe, expect, it, vi } from 'vitest';
import { buildContent, formatIssue } from '../../src/content-pipeline/index';
import type * as Validate from '../../src/content-pipeline/validate';
import { fixture, NOW } from './helpers';

// Simulates a bug or a library failure on one file: validation throws for the article `b`.
vi.mock('../../src/content-pipeline/validate', async (importOriginal) => {
  const original = await importOriginal<typeof Validate>();
  return {
    ...original,
    validateArticle: (...args: Parameters<typeof original.validateArticle>) => {
      if (args[0].file.id === 'b') throw new RangeError('Maximum call stack size exceeded');
      return original.validateArticle(...args);
    },
  };
});

describe('buildContent when a stage throws', () => {
  it('turns the failure into an error for that file and builds the rest', async () => {
    const build = await buildContent({ contentDir: fixture('related'), drafts: true, now: NOW });
    expect(build.issues.map(formatIssue)).toEqual([
      'test/fixtures/content-related/b.md:1:1 file: could not be processed (Maximum call stack size exceeded); please report this file',
    ]);
    expect(build.invalidFiles).toEqual(['test/fixtures/content-related/b.md']);
    expect(build.manifest.counts.articles).toBe(5);
  });
});
