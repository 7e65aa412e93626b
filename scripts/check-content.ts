/**
 * `npm run check:content`: validates CONTENT_DIR (default `content`) without building, for the CI
 * of content repositories. Prints every problem as `path:line:col field: message` and a summary;
 * exits 1 when any file has an error. Drafts are validated whatever CONTENT_DRAFTS says; the flag
 * only changes which articles the summary says a build would include.
 */
import { pathToFileURL } from 'node:url';
import { readContentEnv } from '../src/content-pipeline/env';
import { checkContent, formatIssue } from '../src/content-pipeline/index';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs the check and returns the exit code; `print` receives each output line. */
export async function runContentCheck(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<number> {
  let settings;
  try {
    settings = readContentEnv(env, 'build');
  } catch (error) {
    print(`check:content: ${(error as Error).message}`);
    return 1;
  }
  let check;
  try {
    check = await checkContent({
      contentDir: settings.contentDir,
      drafts: settings.drafts,
      maxFileBytes: settings.maxFileBytes,
    });
  } catch (error) {
    // A missing folder and other configuration problems: the message names the fix.
    print(`check:content: ${(error as Error).message}`);
    return 1;
  }
  for (const issue of check.issues) print(formatIssue(issue));

  const errors = check.issues.filter((i) => i.severity === 'error').length;
  const warnings = check.issues.length - errors;
  const drafts = check.articles.filter((a) => !a.published).length;
  const built = settings.drafts ? check.articles.length : check.articles.length - drafts;
  const draftNote = settings.drafts
    ? `${plural(drafts, 'draft')} included`
    : `${plural(drafts, 'draft')} left out; CONTENT_DRAFTS=1 includes them`;
  print(
    `check:content: ${plural(check.fileCount, 'file')} in ${settings.contentDir}: ` +
      `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(check.invalidFiles.length, 'invalid file')}; ` +
      `a build would include ${plural(built, 'article')} (${draftNote}).`,
  );
  return errors > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runContentCheck(process.env, (line) => console.log(line));
}
