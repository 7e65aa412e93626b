import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content-pipeline/index';
import { ContentModel } from '../../src/content-pipeline/model';
import type { ModelRun } from '../../src/content-pipeline/model';
import { prepareArticle } from '../../src/content-pipeline/prepare';
import type { PreparedArticle } from '../../src/content-pipeline/prepare';
import { fixture, NOW } from './helpers';

const OPTIONS = { drafts: true, builtAt: NOW.toISOString(), keepDetails: true };

/** The `related` fixture's articles, sorted by id, each listing the topics `topicsOf` gives it. */
async function articles(topicsOf: (id: string, n: number) => string[]): Promise<PreparedArticle[]> {
  const checked = await checkContent({ contentDir: fixture('related'), drafts: true, now: NOW });
  return checked.articles
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((a, n) => prepareArticle({ ...a, topics: topicsOf(a.id, n) }, undefined));
}

/** Every file of a run, by name. */
const filesOf = (model: ContentModel, run: ModelRun) =>
  new Map([...model.names(run.plan)].map((name) => [name, model.file(run.plan, name)]));

describe('ContentModel', () => {
  it('is left as it was by a run that fails halfway, so the next run writes what a fresh model does', async () => {
    const before = await articles(() => ['health']);
    const model = new ContentModel();
    model.run(before, OPTIONS);
    // Most articles now spell the topic in capitals: it is renamed, and every detail showing it is
    // rendered again, the last one's from pieces that cannot be had this time.
    const after = await articles((_, n) => [n < before.length - 2 ? 'Health' : 'health']);
    const edited = after.map((p, n) => (n < before.length - 2 ? p : (before[n] as PreparedArticle)));
    const last = edited.at(-1) as PreparedArticle;
    const pieces = last.detailPieces;
    last.detailPieces = [];
    expect(() =>
      model.run(edited, {
        ...OPTIONS,
        piecesOf: () => {
          throw new Error('the source changed during the build');
        },
      }),
    ).toThrow('changed during the build');

    const run = model.run(edited, { ...OPTIONS, piecesOf: () => pieces });
    const fresh = new ContentModel();
    const freshRun = fresh.run(edited, OPTIONS);
    expect(run.plan.manifest.topics.map((t) => t.name)).toEqual(['Health']);
    expect(filesOf(model, run)).toEqual(filesOf(fresh, freshRun));
  });
});
