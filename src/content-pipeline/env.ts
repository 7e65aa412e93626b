/** Content settings read from the environment; one place so dev, build and scripts agree. */
export interface ContentEnv {
  /** Folder of article files (`CONTENT_DIR`, default `content`). */
  contentDir: string;
  /** Include `published: false` articles (`CONTENT_DRAFTS=1`; default on in dev, off in build). */
  drafts: boolean;
  /** Build the valid articles and list the invalid ones instead of failing (`CONTENT_SKIP_INVALID=1`). */
  skipInvalid: boolean;
  /** Largest article file accepted, in bytes (`CONTENT_MAX_FILE_BYTES`, default 1 MiB). */
  maxFileBytes: number;
}

const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

function flag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new Error(`${name} must be 1 or 0 (got "${value}").`);
}

/** Reads and checks the content variables; a bad value fails fast with the fix in the message. */
export function readContentEnv(vars: NodeJS.ProcessEnv, command: 'build' | 'serve'): ContentEnv {
  const maxRaw = vars.CONTENT_MAX_FILE_BYTES;
  const maxFileBytes = maxRaw ? Number(maxRaw) : DEFAULT_MAX_FILE_BYTES;
  if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) {
    throw new Error(`CONTENT_MAX_FILE_BYTES must be a positive whole number of bytes (got "${maxRaw}").`);
  }
  return {
    contentDir: vars.CONTENT_DIR || 'content',
    drafts: flag('CONTENT_DRAFTS', vars.CONTENT_DRAFTS) ?? command === 'serve',
    skipInvalid: flag('CONTENT_SKIP_INVALID', vars.CONTENT_SKIP_INVALID) ?? false,
    maxFileBytes,
  };
}
