import type { QualityTier } from '../types/content.ts';

/**
 * Quality tiers for badges. The pipeline's quality score starts at 0 and is not capped (real data
 * reaches 213). Thresholds follow the 6,228 scored files of the 2020 corpus: about a quarter score
 * under 47, half under 62, a quarter 80 or more and a tenth 105 or more, so Top (100+) is roughly
 * the best tenth and Low (under 40) the weakest sixth.
 * Each tier is the lowest score that earns it; the README documents the same table.
 */
export const QUALITY_TIERS: readonly { tier: QualityTier; min: number; label: string; meaning: string }[] = [
  {
    tier: 'top',
    min: 100,
    label: 'Top',
    meaning: 'among the best-rated stories, roughly the top tenth (score 100 or more)',
  },
  { tier: 'high', min: 70, label: 'High', meaning: 'rated above most stories (score 70 to 99)' },
  { tier: 'medium', min: 40, label: 'Medium', meaning: 'a typical story (score 40 to 69)' },
  { tier: 'low', min: 0, label: 'Low', meaning: 'rated below most stories (score under 40)' },
];

/** What the score is, for tooltips and screen readers. */
export const QUALITY_SCALE_NOTE =
  'Quality score from the news pipeline: 0 upward, not a percentage; most stories score 40 to 100 and the highest seen is 213.';

export function qualityTier(score: number): QualityTier {
  for (const t of QUALITY_TIERS) if (score >= t.min) return t.tier;
  return 'low';
}

export function tierInfo(tier: QualityTier): { label: string; meaning: string } {
  const found = QUALITY_TIERS.find((t) => t.tier === tier);
  // QUALITY_TIERS covers every QualityTier value, so `found` is always set.
  return found ?? { label: tier, meaning: '' };
}
