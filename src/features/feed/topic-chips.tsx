import { useState, type Ref } from 'react';
import { focusRing } from '../../components/ui/focus-ring';
import { ToggleChip } from '../../components/ui/toggle-chip';
import { cn } from '../../lib/cn';
import type { ManifestTopic } from '../../types/content';

/** Chips drawn before "Show all": keeps the DOM small for corpora with hundreds of topics. */
const firstChips = 40;

interface Props {
  topics: readonly ManifestTopic[];
  selected: readonly string[];
  onToggle: (slug: string) => void;
  groupRef?: Ref<HTMLDivElement>;
}

/**
 * Every topic with its article count, most articles first, in one row that scrolls sideways (a
 * fixed height, so the feed below never moves when they load). Several can be on: any-of.
 */
export function TopicChips({ topics, selected, onToggle, groupRef }: Props) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? topics : topics.filter((t, i) => i < firstChips || selected.includes(t.slug));
  return (
    <div
      ref={groupRef}
      role="group"
      aria-label="Filter by topic"
      className="-mx-1 flex gap-2 overflow-x-auto px-1 py-1.5"
    >
      {shown.map((topic) => (
        <ToggleChip
          key={topic.slug}
          label={topic.name}
          count={topic.count}
          pressed={selected.includes(topic.slug)}
          onToggle={() => onToggle(topic.slug)}
        />
      ))}
      {shown.length < topics.length && (
        <button
          type="button"
          onClick={() => setShowAll(true)}
          className={cn(
            'shrink-0 rounded-full px-3 py-1 text-sm font-medium text-sky-800 underline dark:text-sky-300',
            focusRing,
          )}
        >
          Show all {topics.length} topics
        </button>
      )}
    </div>
  );
}
