import clsx from 'clsx';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { ArrowDownIcon, ArrowUpIcon, SortIcon } from './icons';
import './table.css';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  columnKey: string;
  direction: SortDirection;
}

export interface TableColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Present on sortable columns: the value rows are compared by. */
  sortValue?: (row: Row) => string | number | boolean;
  /** Sortable by whoever controls the sort (onSortChange), e.g. the server; rows are not re-sorted here. */
  isSortable?: boolean;
  align?: 'start' | 'end';
  /** Render the cell as the row's header (<th scope="row">) for screen readers. */
  isRowHeader?: boolean;
}

export interface TableProps<Row> {
  caption: string;
  isCaptionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  getRowKey: (row: Row) => string;
  /** Shown in a single full-width row when there are no rows. */
  emptyState: ReactNode;
  defaultSort?: SortState;
  /**
   * Controlled sort: the rows arrive already sorted (a server page), the table only shows
   * `sort` and reports header presses. Without it the table sorts its rows itself.
   */
  sort?: SortState;
  onSortChange?: (next: SortState) => void;
  className?: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return Number(a) - Number(b);
}

export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  sort: SortState | undefined,
): readonly Row[] {
  const sortValue = columns.find((c) => c.key === sort?.columnKey)?.sortValue;
  if (!sort || !sortValue) return rows;
  const factor = sort.direction === 'ascending' ? 1 : -1;
  // Array#sort is stable, so rows with equal keys keep their server order.
  return [...rows].sort((a, b) => factor * compareValues(sortValue(a), sortValue(b)));
}

/** A header press: the same column flips direction; another column starts ascending. */
export function nextSort(current: SortState | undefined, columnKey: string): SortState {
  if (current?.columnKey !== columnKey) return { columnKey, direction: 'ascending' };
  return { columnKey, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export function Table<Row>({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  getRowKey,
  emptyState,
  defaultSort,
  sort: controlledSort,
  onSortChange,
  className,
}: TableProps<Row>) {
  const [localSort, setLocalSort] = useState<SortState | undefined>(defaultSort);
  const isControlled = onSortChange !== undefined;
  const sort = isControlled ? controlledSort : localSort;
  const sortedRows = useMemo(
    () => (isControlled ? rows : sortRows(rows, columns, sort)),
    [isControlled, rows, columns, sort],
  );
  const pressSort = (columnKey: string) => {
    if (onSortChange) onSortChange(nextSort(controlledSort, columnKey));
    else setLocalSort((current) => nextSort(current, columnKey));
  };
  const captionId = useId();

  return (
    // A focusable, labelled region lets keyboard users scroll a table wider than a phone.
    <div className={clsx('ui-table-scroll', className)} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="ui-table">
        <caption id={captionId} className={clsx('ui-table__caption', isCaptionHidden && 'visually-hidden')}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const isSorted = sort?.columnKey === column.key;
              const isSortable = Boolean(column.sortValue) || column.isSortable === true;
              const ariaSort = isSortable ? (isSorted ? sort.direction : 'none') : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={clsx(column.align === 'end' && 'ui-table__cell--end')}
                >
                  {isSortable ? (
                    <button type="button" className="ui-table__sort" onClick={() => pressSort(column.key)}>
                      {column.header}
                      <SortGlyph direction={isSorted ? sort.direction : undefined} />
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sortedRows.length === 0 ? (
            <tr>
              <td className="ui-table__empty" colSpan={columns.length}>
                {emptyState}
              </td>
            </tr>
          ) : (
            sortedRows.map((row) => (
              <tr key={getRowKey(row)}>
                {columns.map((column) => {
                  const Cell = column.isRowHeader ? 'th' : 'td';
                  return (
                    <Cell
                      key={column.key}
                      scope={column.isRowHeader ? 'row' : undefined}
                      className={clsx(column.align === 'end' && 'ui-table__cell--end')}
                    >
                      {column.cell(row)}
                    </Cell>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function SortGlyph({ direction }: { direction: SortDirection | undefined }) {
  const Glyph = direction === 'ascending' ? ArrowUpIcon : direction === 'descending' ? ArrowDownIcon : SortIcon;
  return (
    <Glyph className={clsx('ui-table__sort-icon', !direction && 'ui-table__sort-icon--idle')} width={14} height={14} />
  );
}
