import type { ReactNode, Ref } from 'react';
import './auth.css';

export interface AuthPanelProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** Under the panel: "No account yet? …". */
  footnote?: ReactNode;
  /** The h1 takes focus when the panel's content changes step (TOTP, "sent"). */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The narrow centred card every signed-out page uses: sign-in, sign-up, password reset… */
export function AuthPanel({ title, intro, children, footnote, headingRef }: AuthPanelProps) {
  return (
    <div className="auth-page">
      <title>{`${title} · InterviewSelect`}</title>
      <div className="auth-page__panel">
        <div className="auth-page__intro">
          <h1 className="auth-page__title" ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
          {intro ? <p className="text-muted">{intro}</p> : null}
        </div>
        {children}
      </div>
      {footnote ? <p className="auth-page__footnote text-muted">{footnote}</p> : null}
    </div>
  );
}
