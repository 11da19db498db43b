import { Link, useLocation } from 'react-router';
import { Button } from '../ui/button';
import './not-found-page.css';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="not-found-page">
      <title>Page not found · InterviewSelect</title>
      <p className="not-found-page__code" aria-hidden="true">
        404
      </p>
      <h1 className="not-found-page__title">Page not found</h1>
      <p className="not-found-page__text">
        There is no page at <code>{pathname}</code>. The link may be mistyped or out of date.
      </p>
      <Button asChild variant="primary">
        <Link to="/">Go to the home page</Link>
      </Button>
    </div>
  );
}
