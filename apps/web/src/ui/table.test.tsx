import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Table, type TableColumn } from './table';

afterEach(cleanup);

interface Row {
  name: string;
  runs: number;
}

const COLUMNS: TableColumn<Row>[] = [
  { key: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name, isRowHeader: true },
  { key: 'runs', header: 'Runs', cell: (r) => r.runs, sortValue: (r) => r.runs, align: 'end' },
  { key: 'note', header: 'Note', cell: () => '—' },
];

const ROWS: Row[] = [
  { name: 'beta', runs: 10 },
  { name: 'alpha', runs: 2 },
  { name: 'gamma', runs: 7 },
];

function firstColumn(): string[] {
  return screen.getAllByRole('rowheader').map((cell) => cell.textContent ?? '');
}

function renderTable(rows: Row[] = ROWS) {
  render(<Table caption="Runs" columns={COLUMNS} rows={rows} getRowKey={(r) => r.name} emptyState="No runs yet." />);
}

describe('Table', () => {
  it('keeps the given order and marks sortable columns aria-sort="none" until sorted', () => {
    renderTable();
    expect(firstColumn()).toEqual(['beta', 'alpha', 'gamma']);
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('none');
    expect(screen.getByRole('columnheader', { name: 'Note' }).hasAttribute('aria-sort')).toBe(false);
  });

  it('sorts ascending, then descending, and moves aria-sort with the sorted column', () => {
    renderTable();
    const nameHeader = screen.getByRole('columnheader', { name: 'Name' });
    const runsHeader = screen.getByRole('columnheader', { name: 'Runs' });

    fireEvent.click(within(runsHeader).getByRole('button', { name: 'Runs' }));
    expect(runsHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(firstColumn()).toEqual(['alpha', 'gamma', 'beta']);

    fireEvent.click(within(runsHeader).getByRole('button', { name: 'Runs' }));
    expect(runsHeader.getAttribute('aria-sort')).toBe('descending');
    expect(firstColumn()).toEqual(['beta', 'gamma', 'alpha']);

    fireEvent.click(within(nameHeader).getByRole('button', { name: 'Name' }));
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(runsHeader.getAttribute('aria-sort')).toBe('none');
    expect(firstColumn()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('shows the empty state in one full-width row', () => {
    renderTable([]);
    const cell = screen.getByText('No runs yet.');
    expect(cell.tagName).toBe('TD');
    expect(cell.getAttribute('colspan')).toBe('3');
  });

  it('names the table by its caption', () => {
    renderTable();
    expect(screen.getByRole('table', { name: 'Runs' })).toBeTruthy();
  });
});
