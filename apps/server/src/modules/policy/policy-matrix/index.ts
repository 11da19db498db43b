import { ACCOUNT_ROWS } from './account.rows.js';
import { CALENDAR_ROWS } from './calendar.rows.js';
import { EXECUTIONS_ROWS } from './executions.rows.js';
import { INTERVIEWS_ROWS } from './interviews.rows.js';
import { MEDIA_ROWS } from './media.rows.js';
import type { Rows } from './matrix.js';
import { ORGS_ROWS } from './orgs.rows.js';
import { PLATFORM_ROWS } from './platform.rows.js';
import { QUESTIONS_ROWS } from './questions.rows.js';
import { RECORDINGS_ROWS } from './recordings.rows.js';
import { SCORECARDS_ROWS } from './scorecards.rows.js';
import { REPLAY_ROWS } from './replay.rows.js';
import { REPORTS_ROWS } from './reports.rows.js';
import { SCHEDULING_ROWS } from './scheduling.rows.js';
import { SHARES_ROWS } from './shares.rows.js';

/**
 * Every route of the OpenAPI document with who may call it. Add a domain's
 * rows in its own `<domain>.rows.ts` and spread them here.
 */
export const MATRIX: Rows = {
  ...PLATFORM_ROWS,
  ...ACCOUNT_ROWS,
  ...ORGS_ROWS,
  ...EXECUTIONS_ROWS,
  ...INTERVIEWS_ROWS,
  ...MEDIA_ROWS,
  ...QUESTIONS_ROWS,
  ...SCORECARDS_ROWS,
  ...REPORTS_ROWS,
  ...RECORDINGS_ROWS,
  ...SHARES_ROWS,
  ...REPLAY_ROWS,
  ...SCHEDULING_ROWS,
  ...CALENDAR_ROWS,
};
