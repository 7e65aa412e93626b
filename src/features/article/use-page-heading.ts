import { useEffect, useRef } from 'react';

/**
 * For a page's h1 (rendered with `tabIndex={-1}`): moves focus to it whenever `key` changes, so a
 * screen reader announces the new page, and names the browser tab after it while it is shown.
 */
export function usePageHeading(documentTitle: string, key: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  useEffect(() => {
    const previous = document.title;
    document.title = documentTitle;
    return () => {
      document.title = previous;
    };
  }, [documentTitle]);
  return ref;
}
