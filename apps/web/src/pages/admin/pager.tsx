import { Button } from '../../ui/button';

export interface PagerProps {
  total: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  noun: string;
}

/** "21–40 of 132 users" with Previous / Next. */
export function Pager({ total, limit, offset, onOffsetChange, noun }: PagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="admin-pager" aria-label={`Pages of ${noun}`}>
      <p className="text-muted" role="status">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`}
      </p>
      <div className="admin-pager__buttons">
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

/** Reads a non-negative integer search param. */
export function readOffset(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
