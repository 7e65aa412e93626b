import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../scripts/check-content';
import { fixture } from './helpers';

async function check(env: NodeJS.ProcessEnv) {
  const output: string[] = [];
  const code = await runContentCheck(env, (line) => output.push(line));
  return { code, output };
}

describe('check:content', () => {
  it('passes a valid folder and says what a build would include', async () => {
    expect(await check({ CONTENT_DIR: fixture('valid') })).toEqual({
      code: 0,
      output: [
        'check:content: 5 files in test/fixtures/content-valid: 0 errors, 0 warnings, 0 invalid files; a build would include 4 articles (1 draft left out; CONTENT_DRAFTS=1 includes them).',
      ],
    });
    expect((await check({ CONTENT_DIR: fixture('valid'), CONTENT_DRAFTS: '1' })).output).toEqual([
      'check:content: 5 files in test/fixtures/content-valid: 0 errors, 0 warnings, 0 invalid files; a build would include 5 articles (1 draft included).',
    ]);
  });

  it('prints warnings without failing', async () => {
    const { code, output } = await check({ CONTENT_DIR: fixture('drafts') });
    expect(code).toBe(0);
    expect(output).toEqual([
      'test/fixtures/content-drafts/unset.md:2:1 published: is missing, so the article is a draft; write published: true to publish it',
      'check:content: 3 files in test/fixtures/content-drafts: 0 errors, 1 warning, 0 invalid files; a build would include 1 article (2 drafts left out; CONTENT_DRAFTS=1 includes them).',
    ]);
  });

  it('prints every problem and fails when any file has an error', async () => {
    const { code, output } = await check({ CONTENT_DIR: fixture('broken') });
    expect(code).toBe(1);
    expect(output).toHaveLength(43);
    expect(output[0]).toBe(
      'test/fixtures/content-broken/bad-dates.md:3:20 publishedDateTime: has month 13, which does not exist (got "2024-13-45T00:00:00Z")',
    );
    expect(output.at(-1)).toBe(
      'check:content: 21 files in test/fixtures/content-broken: 40 errors, 2 warnings, 20 invalid files; a build would include 1 article (0 drafts left out; CONTENT_DRAFTS=1 includes them).',
    );
  });

  it('fails with the fix in the message on bad settings', async () => {
    expect(await check({ CONTENT_DIR: fixture('nowhere') })).toEqual({
      code: 1,
      output: [
        `check:content: Content folder not found: ${process.cwd()}/test/fixtures/content-nowhere. Set CONTENT_DIR to a folder of .md, .markdown or .txt article files.`,
      ],
    });
    expect(await check({ CONTENT_DIR: fixture('valid'), CONTENT_DRAFTS: 'yes' })).toEqual({
      code: 1,
      output: ['check:content: CONTENT_DRAFTS must be 1 or 0 (got "yes").'],
    });
  });

  it('runs as a script with the exit code CI needs', async () => {
    const run = (dir: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts'], {
        env: { ...process.env, CONTENT_DIR: fixture(dir) },
      });
    await expect(run('valid')).resolves.toMatchObject({ stdout: expect.stringContaining('0 errors') });
    await expect(run('duplicate-ids')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining(
        'test/fixtures/content-duplicate-ids/Same-Story.md:1:1 id: "same-story" is also the id of test/fixtures/content-duplicate-ids/same story.txt; rename one of the files',
      ),
    });
  }, 30_000);
});
