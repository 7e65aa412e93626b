/**
 * Keys pressed on the prerendered first view before the app took it over (a quick reader's first
 * `j`). public/first-paint.js keeps them: one character or Escape, with no Ctrl, Alt or Meta, not
 * typed into a field. It hands them over once, through `__newsEarlyKeys()`, which also stops keeping.
 */
type EarlyKeysWindow = Window & { __newsEarlyKeys?: () => string[] };

/**
 * Stops keeping keys at once and presses the kept ones again, in order, on whatever has focus: in a
 * microtask, so after every effect React is running now (each shortcut of this render listens) and
 * before the next key, which then follows them. Does nothing the second time.
 */
export function replayEarlyKeys(): void {
  const page = window as EarlyKeysWindow;
  const take = page.__newsEarlyKeys;
  if (typeof take !== 'function') return;
  delete page.__newsEarlyKeys;
  const keys = take();
  if (keys.length === 0) return;
  queueMicrotask(() => {
    for (const key of keys) {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  });
}
