import clsx from 'clsx';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import './card.css';

export interface CardProps extends Omit<ComponentPropsWithRef<'section'>, 'title'> {
  title?: ReactNode;
  /** Right-aligned in the header: a status chip or a small action. */
  headerEnd?: ReactNode;
  headingLevel?: 2 | 3;
}

/** A bordered surface for a group of related content; a labelled region when it has a title. */
export function Card({ title, headerEnd, headingLevel = 2, className, children, ...rest }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={clsx('ui-card', className)} {...rest}>
      {title || headerEnd ? (
        <header className="ui-card__header">
          {title ? <Heading className="ui-card__title">{title}</Heading> : null}
          {headerEnd ? <div className="ui-card__header-end">{headerEnd}</div> : null}
        </header>
      ) : null}
      <div className="ui-card__body">{children}</div>
    </section>
  );
}
