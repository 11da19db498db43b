import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page';
import { Button } from '../ui/button';
import { ErrorState } from '../ui/error-state';
import './route-error.css';

/** After a deploy, an open tab asks for page chunks whose hashed names no longer exist. */
function isStaleChunkError(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|importing a module script/i.test(error.message);
}

function describe(error: unknown): { title: string; message: string; retryLabel: string } {
  if (isStaleChunkError(error)) {
    return {
      title: 'A new version is available',
      message: 'InterviewSelect was updated while this tab was open. Reload to continue with the new version.',
      retryLabel: 'Reload',
    };
  }
  return {
    title: 'This page hit a problem',
    message: 'Something unexpected stopped this page from showing. Try again, or go back to the home page.',
    retryLabel: 'Try again',
  };
}

/**
 * The errorElement for routes. Nested inside the layout it keeps the top bar
 * and navigation; `isStandalone` is the last resort when the layout itself failed.
 */
export function RouteError({ isStandalone = false }: { isStandalone?: boolean }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404 && !isStandalone) return <NotFoundPage />;

  const { title, message, retryLabel } = describe(error);
  const technical = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : null;
  const content = (
    <div className="route-error">
      <title>{`${title} · InterviewSelect`}</title>
      <ErrorState
        title={title}
        headingLevel={1}
        message={message}
        // A full reload also fetches a fresh index.html, which is what a stale chunk needs.
        onRetry={() => window.location.reload()}
        retryLabel={retryLabel}
        actions={
          <Button asChild variant="ghost">
            {isStandalone ? <a href="/">Back to home</a> : <Link to="/">Back to home</Link>}
          </Button>
        }
      />
      {technical ? (
        <details className="route-error__details">
          <summary>Technical details</summary>
          <pre>{technical}</pre>
        </details>
      ) : null}
    </div>
  );
  return isStandalone ? (
    <main id="main" className="route-error--standalone">
      {content}
    </main>
  ) : (
    content
  );
}
