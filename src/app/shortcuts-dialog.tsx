import { Dialog } from '../components/ui/dialog';

/** Every shortcut, as the `?` key and the header's button list them; the README has the same table. */
export const shortcuts: readonly { keys: string[]; action: string }[] = [
  { keys: ['j'], action: 'Next card' },
  { keys: ['k'], action: 'Previous card' },
  { keys: ['o', 'Enter'], action: 'Open the current card’s article' },
  { keys: ['v'], action: 'Open the original story in a new tab (the current card’s, or the open article’s)' },
  { keys: ['/'], action: 'Go to the topic chips' },
  { keys: ['?'], action: 'Show this list' },
  { keys: ['Esc'], action: 'Go back from an article, or close this list' },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {shortcuts.map(({ keys, action }) => (
          <div key={action} className="contents">
            <dt className="flex gap-1">
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && <span className="sr-only"> or </span>}
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                    {key}
                  </kbd>
                </span>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-slate-600 dark:text-slate-400">
        Shortcuts do nothing while you type in a field.
      </p>
    </Dialog>
  );
}
