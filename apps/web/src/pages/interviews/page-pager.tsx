import { Button } from '../../ui/button';

export interface PagePagerProps {
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  noun: string;
}

/** "26–50 of 132 interviews" with Previous / Next. */
export function PagePager({ total, page, pageSize, onPageChange, noun }: PagePagerProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav className="interviews-pager" aria-label={`Pages of ${noun}`}>
      <p className="text-muted" role="status">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`}
      </p>
      <div className="interviews-actions">
        <Button size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          Previous
        </Button>
        <Button size="sm" disabled={page * pageSize >= total} onClick={() => onPageChange(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
