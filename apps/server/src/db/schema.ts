/** Every table, for drizzle-kit and for the typed Db. Add a module's tables here. */
export * from '../modules/users/users.tables.js';
export * from '../modules/orgs/orgs.tables.js';
export * from '../modules/audit/audit.tables.js';
export * from '../platform/queue/queue.tables.js';
export * from '../modules/mail/mail.tables.js';
export * from '../modules/auth/auth.tables.js';
export * from '../modules/executions/executions.tables.js';
export * from '../modules/interviews/interviews.tables.js';
export * from '../modules/rooms/rooms.tables.js';
export * from '../modules/questions/questions.tables.js';
export * from '../modules/scorecards/scorecards.tables.js';
export * from '../modules/reports/reports.tables.js';
export * from '../modules/scheduling/scheduling.tables.js';
export * from '../modules/recordings/recordings.tables.js';
export * from '../modules/calendar/calendar.tables.js';
