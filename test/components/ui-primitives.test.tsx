import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../src/components/ui/dialog';
import { isTypingTarget } from '../../src/components/ui/keyboard';
import { absoluteTime, relativeTime, RelativeTime } from '../../src/components/ui/relative-time';
import { ToggleChip } from '../../src/components/ui/toggle-chip';

describe('ToggleChip', () => {
  it('is a toggle button named by its label and count, with a check mark when on', async () => {
    const onToggle = vi.fn();
    const { rerender } = render(
      <ToggleChip label="Health" count={1234} pressed={false} onToggle={onToggle} />,
    );
    const chip = screen.getByRole('button', { name: 'Health 1,234 articles' });
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    expect(chip.querySelector('svg')).toBeNull(); // eslint-disable-line testing-library/no-node-access -- the mark is decorative, so it has no role to query by
    await userEvent.click(chip);
    expect(onToggle).toHaveBeenCalledOnce();
    rerender(<ToggleChip label="Health" count={1} pressed onToggle={onToggle} />);
    expect(screen.getByRole('button', { name: 'Health 1 article' })).toHaveAttribute('aria-pressed', 'true');
    expect(chip.querySelector('svg')).not.toBeNull(); // eslint-disable-line testing-library/no-node-access -- as above
  });
});

describe('RelativeTime', () => {
  it('says how long ago, with the absolute date as title and for screen readers', () => {
    render(<RelativeTime iso="2020-05-06T00:37:00.000Z" />);
    const time = screen.getByTitle(absoluteTime(new Date('2020-05-06T00:37:00.000Z')));
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2020-05-06T00:37:00.000Z');
    expect(time).toHaveTextContent(/years ago \(\d+ May 2020 at \d\d:\d\d\)$/);
  });

  it('says "date unknown" for a date it cannot read', () => {
    render(<RelativeTime iso="not a date" />);
    expect(screen.getByText('date unknown')).toBeInTheDocument();
  });

  it('picks the largest whole unit', () => {
    const now = Date.parse('2020-05-08T12:00:00Z');
    expect(relativeTime(new Date('2020-05-08T11:59:30Z'), now)).toBe('now');
    expect(relativeTime(new Date('2020-05-08T09:00:00Z'), now)).toBe('3 hours ago');
    expect(relativeTime(new Date('2020-05-07T12:00:00Z'), now)).toBe('yesterday');
    expect(relativeTime(new Date('2018-05-08T12:00:00Z'), now)).toBe('2 years ago');
  });
});

describe('isTypingTarget', () => {
  it('is true for text fields, text areas, selects and editable content, false for buttons and checkboxes', () => {
    const input = (type?: string) => Object.assign(document.createElement('input'), type ? { type } : {});
    expect(isTypingTarget(input('search'))).toBe(true);
    expect(isTypingTarget(input())).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    expect(isTypingTarget(input('checkbox'))).toBe(false);
    expect(isTypingTarget(input('radio'))).toBe(false);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });
});

describe('Dialog', () => {
  function Harness() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
        <Dialog open={open} onClose={() => setOpen(false)} title="Help">
          <p>Body text</p>
        </Dialog>
      </>
    );
  }

  it('opens as a modal named by its title and closes from its close button', async () => {
    const showModal = vi.fn(function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    });
    const close = vi.fn(function (this: HTMLDialogElement) {
      this.removeAttribute('open');
    });
    HTMLDialogElement.prototype.showModal = showModal;
    HTMLDialogElement.prototype.close = close;
    render(<Harness />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(showModal).toHaveBeenCalledOnce();
    expect(screen.getByRole('dialog', { name: 'Help' })).toHaveTextContent('Body text');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(close).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
