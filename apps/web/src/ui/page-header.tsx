import type { ReactNode } from 'react';
import './page-header.css';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** The page's primary action (and at most one or two secondary ones). */
  actions?: ReactNode;
}

/** Every page starts with one: the h1, a line of context, and the primary action. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <header className="ui-page-header">
      <title>{`${title} · InterviewSelect`}</title>
      <div className="ui-page-header__text">
        <h1 className="ui-page-header__title">{title}</h1>
        {description ? <p className="ui-page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="ui-page-header__actions">{actions}</div> : null}
    </header>
  );
}
