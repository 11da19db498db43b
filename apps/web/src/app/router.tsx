import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page';
import { Layout } from './layout';
import { PageSkeleton } from './page-skeleton';
import { RequireAdmin, RequireAuth } from './require-auth';
import { RouteError } from './route-error';

// Each page is its own chunk; <Suspense> in the layout shows a skeleton while one loads.
const HomePage = lazy(() => import('../pages/home-page').then((m) => ({ default: m.HomePage })));
const SystemPage = lazy(() => import('../pages/system-page').then((m) => ({ default: m.SystemPage })));
const SignInPage = lazy(() => import('../pages/auth/sign-in-page').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('../pages/auth/sign-up-page').then((m) => ({ default: m.SignUpPage })));
const CheckInboxPage = lazy(() =>
  import('../pages/auth/check-inbox-page').then((m) => ({ default: m.CheckInboxPage })),
);
const VerifyEmailPage = lazy(() =>
  import('../pages/auth/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../pages/auth/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../pages/auth/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const ConfirmEmailPage = lazy(() =>
  import('../pages/auth/confirm-email-page').then((m) => ({ default: m.ConfirmEmailPage })),
);
const SettingsPage = lazy(() => import('../pages/settings/settings-page').then((m) => ({ default: m.SettingsPage })));
const ProfileSection = lazy(() =>
  import('../pages/settings/profile-section').then((m) => ({ default: m.ProfileSection })),
);
const PasswordSection = lazy(() =>
  import('../pages/settings/password-section').then((m) => ({ default: m.PasswordSection })),
);
const TwoFactorSection = lazy(() =>
  import('../pages/settings/two-factor-section').then((m) => ({ default: m.TwoFactorSection })),
);
const SessionsSection = lazy(() =>
  import('../pages/settings/sessions-section').then((m) => ({ default: m.SessionsSection })),
);
const CalendarSection = lazy(() =>
  import('../pages/settings/calendar-section').then((m) => ({ default: m.CalendarSection })),
);
const OrgRemindersSection = lazy(() =>
  import('../pages/orgs/org-reminders-section').then((m) => ({ default: m.OrgRemindersSection })),
);
const AvailabilitySection = lazy(() =>
  import('../pages/scheduling/availability-section').then((m) => ({ default: m.AvailabilitySection })),
);
const SchedulePage = lazy(() => import('../pages/scheduling/schedule-page').then((m) => ({ default: m.SchedulePage })));
const SelfSchedulePage = lazy(() =>
  import('../pages/scheduling/self-schedule-page').then((m) => ({ default: m.SelfSchedulePage })),
);
const CalendarPage = lazy(() => import('../pages/calendar/calendar-page').then((m) => ({ default: m.CalendarPage })));
const OrgsPage = lazy(() => import('../pages/orgs/orgs-page').then((m) => ({ default: m.OrgsPage })));
const OrgPage = lazy(() => import('../pages/orgs/org-page').then((m) => ({ default: m.OrgPage })));
const OrgRecordingSettings = lazy(() =>
  import('../pages/orgs/org-recording-settings').then((m) => ({ default: m.OrgRecordingSettings })),
);
const OrgMembersSection = lazy(() =>
  import('../pages/orgs/org-members-section').then((m) => ({ default: m.OrgMembersSection })),
);
const OrgInvitationsSection = lazy(() =>
  import('../pages/orgs/org-invitations-section').then((m) => ({ default: m.OrgInvitationsSection })),
);
const AcceptInvitationPage = lazy(() =>
  import('../pages/orgs/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })),
);
const AdminUsersPage = lazy(() =>
  import('../pages/admin/admin-users-page').then((m) => ({ default: m.AdminUsersPage })),
);
const AdminUserPage = lazy(() => import('../pages/admin/admin-user-page').then((m) => ({ default: m.AdminUserPage })));
const AdminAuditPage = lazy(() =>
  import('../pages/admin/admin-audit-page').then((m) => ({ default: m.AdminAuditPage })),
);
const CodeRunnerPage = lazy(() =>
  import('../pages/code-runner/code-runner-page').then((m) => ({ default: m.CodeRunnerPage })),
);
const MailboxPage = lazy(() => import('../pages/dev/mailbox-page').then((m) => ({ default: m.MailboxPage })));
const RoomPage = lazy(() => import('../pages/room/room-page').then((m) => ({ default: m.RoomPage })));
const InterviewsListPage = lazy(() =>
  import('../pages/interviews/interviews-list-page').then((m) => ({ default: m.InterviewsListPage })),
);
const NewInterviewPage = lazy(() =>
  import('../pages/interviews/new-interview-page').then((m) => ({ default: m.NewInterviewPage })),
);
const InterviewDetailPage = lazy(() =>
  import('../pages/interviews/interview-detail-page').then((m) => ({ default: m.InterviewDetailPage })),
);
const EditInterviewPage = lazy(() =>
  import('../pages/interviews/edit-interview-page').then((m) => ({ default: m.EditInterviewPage })),
);
const LobbyPage = lazy(() => import('../pages/interviews/lobby-page').then((m) => ({ default: m.LobbyPage })));
const MyInterviewsPage = lazy(() =>
  import('../pages/interviews/my-interviews-page').then((m) => ({ default: m.MyInterviewsPage })),
);
const InterviewScorecardsPage = lazy(() =>
  import('../pages/scorecards/interview-scorecards-page').then((m) => ({ default: m.InterviewScorecardsPage })),
);
const SharedReportPage = lazy(() =>
  import('../pages/reports/shared-report-page').then((m) => ({ default: m.SharedReportPage })),
);
const SharedReplayPage = lazy(() =>
  import('../pages/reports/shared-replay-page').then((m) => ({ default: m.SharedReplayPage })),
);
const CandidateFeedbackPage = lazy(() =>
  import('../pages/reports/candidate-feedback-page').then((m) => ({ default: m.CandidateFeedbackPage })),
);
const InterviewReportPage = lazy(() =>
  import('../pages/reports/interview-report-page').then((m) => ({ default: m.InterviewReportPage })),
);
const ReplayPage = lazy(() => import('../pages/replay/replay-page').then((m) => ({ default: m.ReplayPage })));
const ScorecardFormPage = lazy(() =>
  import('../pages/scorecards/scorecard-form-page').then((m) => ({ default: m.ScorecardFormPage })),
);
const ScorecardTemplatesSection = lazy(() =>
  import('../pages/scorecards/templates/templates-section').then((m) => ({ default: m.ScorecardTemplatesSection })),
);
const TemplateEditorPage = lazy(() =>
  import('../pages/scorecards/templates/template-editor-page').then((m) => ({ default: m.TemplateEditorPage })),
);
const QuestionsLibraryPage = lazy(() =>
  import('../pages/questions/questions-library-page').then((m) => ({ default: m.QuestionsLibraryPage })),
);
const ProblemDetailPage = lazy(() =>
  import('../pages/questions/problem-detail-page').then((m) => ({ default: m.ProblemDetailPage })),
);
const NewProblemPage = lazy(() =>
  import('../pages/questions/problem-editor-page').then((m) => ({ default: m.NewProblemPage })),
);
const EditProblemPage = lazy(() =>
  import('../pages/questions/problem-editor-page').then((m) => ({ default: m.EditProblemPage })),
);
const ImportProblemPage = lazy(() =>
  import('../pages/questions/import-problem-page').then((m) => ({ default: m.ImportProblemPage })),
);

export const routes: RouteObject[] = [
  {
    // The live room is a full-height workspace without the app's navigation; guests (candidates) open it too.
    path: 'interviews/:interviewId/room',
    element: (
      <Suspense fallback={<PageSkeleton />}>
        <RoomPage />
      </Suspense>
    ),
    errorElement: <RouteError isStandalone />,
  },
  {
    element: <Layout />,
    errorElement: <RouteError isStandalone />,
    children: [
      {
        // Errors inside a page render here, inside the layout, so navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'system', element: <SystemPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-up', element: <SignUpPage /> },
          { path: 'check-inbox', element: <CheckInboxPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'confirm-email', element: <ConfirmEmailPage /> },
          { path: 'dev/mailbox', element: <MailboxPage /> },
          { path: 'invitations/accept', element: <AcceptInvitationPage /> },
          // The lobby: public, token in the fragment (#…), works signed in or as a guest.
          { path: 'join', element: <LobbyPage /> },
          // Candidate self-scheduling: public, token in the fragment.
          { path: 'schedule', element: <SelfSchedulePage /> },
          // A report shared outside the organisation: public, token in the fragment.
          { path: 'shared/report', element: <SharedReportPage /> },
          { path: 'shared/replay', element: <SharedReplayPage /> },
          {
            // Signed-in only: visitors are sent to /sign-in?next=… and come back here after.
            element: <RequireAuth />,
            children: [
              {
                path: 'settings',
                element: <SettingsPage />,
                children: [
                  { index: true, element: <Navigate to="profile" replace /> },
                  { path: 'profile', element: <ProfileSection /> },
                  { path: 'password', element: <PasswordSection /> },
                  { path: 'two-factor', element: <TwoFactorSection /> },
                  { path: 'sessions', element: <SessionsSection /> },
                  { path: 'availability', element: <AvailabilitySection /> },
                  { path: 'calendar', element: <CalendarSection /> },
                ],
              },
              { path: 'run', element: <CodeRunnerPage /> },
              { path: 'interviews', element: <InterviewsListPage /> },
              { path: 'calendar', element: <CalendarPage /> },
              { path: 'interviews/new', element: <NewInterviewPage /> },
              { path: 'interviews/:interviewId', element: <InterviewDetailPage /> },
              { path: 'interviews/:interviewId/edit', element: <EditInterviewPage /> },
              { path: 'interviews/:interviewId/schedule', element: <SchedulePage /> },
              { path: 'interviews/:interviewId/scorecards', element: <InterviewScorecardsPage /> },
              { path: 'interviews/:interviewId/scorecard', element: <ScorecardFormPage /> },
              { path: 'interviews/:interviewId/report', element: <InterviewReportPage /> },
              { path: 'interviews/:interviewId/replay', element: <ReplayPage /> },
              { path: 'me/interviews', element: <MyInterviewsPage /> },
              { path: 'me/interviews/:interviewId/feedback', element: <CandidateFeedbackPage /> },
              { path: 'questions', element: <QuestionsLibraryPage /> },
              { path: 'questions/new', element: <NewProblemPage /> },
              { path: 'questions/import', element: <ImportProblemPage /> },
              { path: 'questions/:problemId', element: <ProblemDetailPage /> },
              { path: 'questions/:problemId/edit', element: <EditProblemPage /> },
              { path: 'orgs', element: <OrgsPage /> },
              { path: 'orgs/:orgId/scorecard-templates/:templateId', element: <TemplateEditorPage /> },
              {
                path: 'orgs/:orgId',
                element: <OrgPage />,
                children: [
                  { index: true, element: <Navigate to="members" replace /> },
                  { path: 'members', element: <OrgMembersSection /> },
                  { path: 'invitations', element: <OrgInvitationsSection /> },
                  { path: 'scorecard-templates', element: <ScorecardTemplatesSection /> },
                  { path: 'reminders', element: <OrgRemindersSection /> },
                  { path: 'recordings', element: <OrgRecordingSettings /> },
                ],
              },
              {
                // Platform admins only; the server enforces it, RequireAdmin explains it.
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  { path: 'users', element: <AdminUsersPage /> },
                  { path: 'users/:userId', element: <AdminUserPage /> },
                  { path: 'audit', element: <AdminAuditPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
