import type { ComponentType, SVGProps } from 'react';
import {
  CalendarIcon,
  CodeIcon,
  LibraryIcon,
  ReplayIcon,
  ScorecardIcon,
  TerminalIcon,
  UsersIcon,
  VideoIcon,
} from '../ui/icons';

interface Feature {
  title: string;
  text: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const FEATURES: readonly Feature[] = [
  {
    title: 'Live coding',
    text: 'A shared editor with live cursors, many languages and the keymap you already know.',
    Icon: CodeIcon,
  },
  {
    title: 'Sandboxed execution',
    text: 'Run code and test cases in an isolated sandbox: no network, strict time and memory limits.',
    Icon: TerminalIcon,
  },
  {
    title: 'Video and whiteboard',
    text: 'Talk face to face and sketch a design without leaving the interview room.',
    Icon: VideoIcon,
  },
  {
    title: 'Replay',
    text: 'Play back every keystroke, run and note on a timeline after the interview ends.',
    Icon: ReplayIcon,
  },
  {
    title: 'Question bank',
    text: 'Questions with hidden tests and reference solutions that only interviewers can see.',
    Icon: LibraryIcon,
  },
  {
    title: 'Scorecards',
    text: 'Structured feedback against clear criteria, so decisions are fair and comparable.',
    Icon: ScorecardIcon,
  },
  {
    title: 'Scheduling',
    text: 'Find a slot across time zones and send each person a single link to join.',
    Icon: CalendarIcon,
  },
  {
    title: 'Marketplace',
    text: 'Book vetted freelance interviewers when your own team is at capacity.',
    Icon: UsersIcon,
  },
];

export function FeatureList() {
  return (
    <ul className="feature-list">
      {FEATURES.map(({ title, text, Icon }) => (
        <li key={title} className="feature-list__item">
          <span className="feature-list__icon" aria-hidden="true">
            <Icon />
          </span>
          <h3 className="feature-list__title">{title}</h3>
          <p className="feature-list__text">{text}</p>
        </li>
      ))}
    </ul>
  );
}
