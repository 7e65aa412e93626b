import { useEffect, useRef } from 'react';
import { useDocumentTitle } from '../../components/ui/use-document-title';

/**
 * For a page's h1 (rendered with `tabIndex={-1}`): moves focus to it whenever `key` changes, so a
 * screen reader announces the new page, and names the browser tab after the page while it is shown.
 */
export function usePageHeading(pageTitle: string, key: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  useDocumentTitle(`${pageTitle} · News Reader`);
  return ref;
}
