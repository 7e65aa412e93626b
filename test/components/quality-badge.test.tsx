import { render, screen } from '@testing-library/react';
import { QualityBadge } from '../../src/components/ui/quality-badge';
import { QUALITY_SCALE_NOTE } from '../../src/config/quality';

describe('QualityBadge', () => {
  it('writes the score and the tier word, not colour alone', () => {
    render(<QualityBadge score={87} tier="high" />);
    const badge = screen.getByTitle(/^Quality score from the news pipeline/);
    expect(badge).toHaveTextContent(/^Quality 87 · High$/);
  });

  it('explains the scale and the tier in its tooltip and accessible description', () => {
    render(<QualityBadge score={213} tier="top" />);
    const expected = `${QUALITY_SCALE_NOTE} Top: among the best-rated stories, roughly the top tenth (score 100 or more).`;
    const badge = screen.getByTitle(expected);
    expect(badge).toHaveAccessibleDescription(expected);
    expect(badge).toHaveTextContent('213');
  });

  it('names each tier by its own word and meaning', () => {
    render(
      <>
        <QualityBadge score={12} tier="low" />
        <QualityBadge score={55} tier="medium" size="lg" />
      </>,
    );
    expect(screen.getByTitle(/Low: rated below most stories/)).toHaveTextContent(/12 · Low$/);
    expect(screen.getByTitle(/Medium: a typical story/)).toHaveTextContent(/55 · Medium$/);
  });

  it('keeps fractional scores readable', () => {
    render(<QualityBadge score={70.25} tier="high" />);
    expect(screen.getByTitle(/High:/)).toHaveTextContent('Quality 70.3');
  });
});
