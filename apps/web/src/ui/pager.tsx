import { Button } from './button';
import './pager.css';

export interface PagerProps {
  /** Items on every page together. */
  total: number;
  /** Items before this page. */
  offset: number;
  /** Items per page. */
  limit: number;
  onOffsetChange: (offset: number) => void;
  /** What the items are, plural: "interviews". */
  noun: string;
}

/**
 * The footer of a paged list: "21–40 of 132 users" with Previous / Next.
 * Lists paged by page number pass `offset = (page - 1) * pageSize` (see pageOffset).
 */
export function Pager({ total, offset, limit, onOffsetChange, noun }: PagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="ui-pager" aria-label={`Pages of ${noun}`}>
      <p className="text-muted" role="status">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`}
      </p>
      <div className="ui-pager__buttons">
        <Button size="sm" disabled={offset === 0} onClick={() => onOffsetChange(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button size="sm" disabled={offset + limit >= total} onClick={() => onOffsetChange(offset + limit)}>
          Next
        </Button>
      </div>
    </nav>
  );
}

/** Pager props for a list paged by number (page 1 first): its offset, and the page an offset starts. */
export function pageOffset(page: number, pageSize: number, onPageChange: (page: number) => void) {
  return {
    offset: (page - 1) * pageSize,
    limit: pageSize,
    onOffsetChange: (offset: number) => onPageChange(Math.floor(offset / pageSize) + 1),
  };
}

/** Reads a non-negative integer `offset` search param (0 when absent or not one). */
export function readOffset(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
