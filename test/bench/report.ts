/** One line of the benchmark table: a figure beside its budget, or a figure that has none. */
export interface Figure {
  group: string;
  name: string;
  /** null when the figure could not be measured (`display` says why). */
  value: number | null;
  unit: string;
  display: string;
  budget?: string;
  status: 'pass' | 'fail' | 'info' | 'not measurable';
  /** How it was measured: runs, floor, spread. */
  detail?: string;
}

export interface Budget {
  limit: number;
  /** `max`: the figure must not exceed the limit; `min`: must reach it. */
  kind: 'max' | 'min';
  text: string;
}

export function figure(
  group: string,
  name: string,
  value: number | null,
  unit: string,
  options: { budget?: Budget; digits?: number; detail?: string; why?: string; error?: unknown } = {},
): Figure {
  const { budget, digits = 0, detail, why, error } = options;
  const base = {
    group,
    name,
    value,
    unit,
    ...(budget ? { budget: budget.text } : {}),
    ...(detail ? { detail } : {}),
  };
  // A step that crashes misses its budget: that is a failure, not a missing figure.
  if (error !== undefined)
    return { ...base, value: null, display: `failed: ${firstLine(error)}`, status: 'fail' };
  if (value === null)
    return { ...base, display: `not measurable: ${why ?? 'no data'}`, status: 'not measurable' };
  const display = `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${unit ? ' ' + unit : ''}`;
  if (!budget) return { ...base, display, status: 'info' };
  const pass = budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
  return { ...base, display, status: pass ? 'pass' : 'fail' };
}

/** The first line of an error, for a table cell. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = (text.split('\n').find((line) => line.trim() !== '') ?? text).trim().slice(0, 160);
  // Child errors carry the child's stack in the message: name the first frame in the app's source.
  const frame = /\/(src\/[\w/.-]+:\d+)/.exec(text)?.[1];
  return frame ? `${first} (${frame})` : first;
}

const MARK: Record<Figure['status'], string> = {
  pass: 'PASS',
  fail: 'FAIL',
  info: '',
  'not measurable': 'n/m',
};

/** A plain-text table (also valid Markdown) of every figure. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = [
    ['Measure', 'Figure', 'Budget', 'Result', 'How'],
    ...figures.map((f) => [
      `${f.group}: ${f.name}`,
      f.display,
      f.budget ?? '',
      MARK[f.status],
      f.detail ?? '',
    ]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}
