import { describe, expect, it } from 'vitest';
import { feedSearch, readFeedParams, toggleTopic } from '../../../src/features/feed/feed-params';

describe('feed URL state', () => {
  it('reads topics (sorted, de-duplicated) and the sort, falling back to newest', () => {
    expect(readFeedParams('?topics=lockdown,cases,lockdown,&sort=heat')).toEqual({
      topics: ['cases', 'lockdown'],
      sort: 'heat',
    });
    expect(readFeedParams('?sort=loudest')).toEqual({ topics: [], sort: 'newest' });
    expect(readFeedParams('')).toEqual({ topics: [], sort: 'newest' });
  });

  it('writes one canonical, readable URL per state and leaves the defaults out', () => {
    expect(feedSearch({ topics: ['lockdown', 'cases'], sort: 'quality' })).toBe(
      '?topics=cases,lockdown&sort=quality',
    );
    expect(feedSearch({ topics: [], sort: 'newest' })).toBe('');
    expect(feedSearch({ topics: ['a&b=c'], sort: 'newest' })).toBe('?topics=a%26b%3Dc');
    expect(readFeedParams(feedSearch({ topics: ['a&b=c'], sort: 'heat' }))).toEqual({
      topics: ['a&b=c'],
      sort: 'heat',
    });
  });

  it('toggles a topic in or out', () => {
    expect(toggleTopic(['cases'], 'asia')).toEqual(['asia', 'cases']);
    expect(toggleTopic(['asia', 'cases'], 'asia')).toEqual(['cases']);
  });
});
