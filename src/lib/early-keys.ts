/**
 * Keys pressed on the prerendered first view before the app took it over (a quick reader's first
 * `j`). public/first-paint.js keeps them: one character or Escape, with no Ctrl, Alt or Meta, not
 * typed into a field. It hands them over once, through `__newsEarlyKeys()`, which also stops keeping.
 */
type EarlyKeysWindow = Window & { __newsEarlyKeys?: () => string[] };

/** Presses the kept keys again, in order, on whatever has focus now; does nothing the second time. */
export function replayEarlyKeys(): void {
  const page = window as EarlyKeysWindow;
  const take = page.__newsEarlyKeys;
  if (typeof take !== 'function') return;
  delete page.__newsEarlyKeys;
  for (const key of take()) {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }
}
