import { focusRing as sharedFocusRing } from '../../components/ui/focus-ring';

/** The app's focus ring with rounded corners, for the article feature's links and headings. */
export const focusRing = `rounded-sm ${sharedFocusRing}`;

export const textLink = `${focusRing} text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/40`;
