import { useEffect, useRef } from 'react';

/** Single-key shortcuts by `KeyboardEvent.key` (`'j'`, `'?'`, `'Escape'`); each decides on preventDefault. */
export type ShortcutMap = Partial<Record<string, (event: KeyboardEvent) => void>>;

const nonTextInputs = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'image',
  'reset',
  'submit',
]);

/** True when a key press would type into something: shortcuts must leave it alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
}

/**
 * Listens for single-key shortcuts on the document. Ignored while typing in a field, with Ctrl, Alt
 * or Meta held (those belong to the browser), and inside an open dialog, which owns its keys.
 */
export function useKeyboardShortcuts(shortcuts: ShortcutMap): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
        return;
      if (isTypingTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      latest.current[event.key]?.(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
