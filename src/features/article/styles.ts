import { focusRing as sharedFocusRing } from '../../components/ui/focus-ring';
import { cn } from '../../lib/cn';

/** The app's focus ring with rounded corners, for the article feature's links and headings. */
export const focusRing = cn('rounded-sm', sharedFocusRing);

export const textLink = cn(
  focusRing,
  'text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/40',
);
