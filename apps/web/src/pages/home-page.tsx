import { Link } from 'react-router';
import { Button } from '../ui/button';
import { BookIcon } from '../ui/icons';
import { DeploymentCard } from './deployment-card';
import { FeatureList } from './feature-list';
import './home-page.css';

/** The signed-out landing: what the product is, how to get in, and which server this is. */
export function HomePage() {
  return (
    <div className="home-page">
      <title>InterviewSelect · Live technical interviews</title>
      <section className="home-hero" aria-labelledby="home-title">
        <p className="home-hero__eyebrow">Open source · Self-hosted</p>
        <h1 id="home-title" className="home-hero__title">
          Technical interviews, from the first invite to the final scorecard
        </h1>
        <p className="home-hero__lead">
          InterviewSelect runs live coding interviews in a shared editor, with sandboxed code execution, video and a
          whiteboard, and keeps a replay of every session. Around the interview sit your question bank, scorecards,
          scheduling and a marketplace of freelance interviewers.
        </p>
        <div className="home-hero__actions">
          <Button asChild variant="primary" size="lg">
            <Link to="/sign-in">Sign in</Link>
          </Button>
          <Button asChild variant="secondary" size="lg">
            <a href="/api/docs">
              <BookIcon width={18} height={18} />
              View API reference
            </a>
          </Button>
        </div>
      </section>

      <section className="home-section" aria-labelledby="home-features">
        <h2 id="home-features" className="home-section__title">
          Everything an interview needs
        </h2>
        <FeatureList />
      </section>

      <DeploymentCard />
    </div>
  );
}
