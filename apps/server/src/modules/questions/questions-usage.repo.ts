import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';

/**
 * Recomputes the usage counters of one problem (or all) from what references
 * its versions: interviews that asked it (interview_questions) or ran code
 * against it, and submits outside interviews (practice). Pass rate counts
 * submit executions. Verification runs never count.
 *
 * Time to solve, per interview: from the moment the candidate could start on
 * the problem — the interview's start, or the previous problem they solved in
 * it if later — to their first accepted submit of it. The average is over
 * interviews where it was solved.
 */
export async function refreshUsage(db: Db, problemId?: string): Promise<void> {
  const only = problemId ? sql`and v.problem_id = ${problemId}::uuid` : sql``;
  const target = problemId ? sql`where p.id = ${problemId}::uuid` : sql``;
  await db.execute(sql`
    with judged as (
      select v.problem_id, e.id, e.interview_id, e.mode, e.status, e.verdict, e.finished_at
      from executions e
      join problem_versions v on v.id = e.problem_version_id
      where not exists (select 1 from verification_runs r where r.execution_id = e.id) ${only}
    ),
    solves as (
      select problem_id, interview_id, min(finished_at) as solved_at
      from judged
      where interview_id is not null and mode = 'submit' and verdict = 'accepted' and finished_at is not null
      group by problem_id, interview_id
    ),
    solve_times as (
      select s.problem_id,
        extract(epoch from s.solved_at - greatest(i.started_at, coalesce((
          select max(o.solved_at) from solves o where o.interview_id = s.interview_id and o.solved_at < s.solved_at
        ), i.started_at))) / 60.0 as minutes
      from solves s join interviews i on i.id = s.interview_id
      where i.started_at is not null and s.solved_at >= i.started_at
    ),
    interviews_used as (
      select v.problem_id, q.interview_id
      from interview_questions q
      join problem_versions v on v.id = q.problem_version_id
      where true ${only}
      union
      select problem_id, interview_id from judged where interview_id is not null
    ),
    counts as (
      select p.id,
        coalesce(iu.n, 0) + coalesce(js.practice, 0) as times_used,
        coalesce(js.submits, 0) as submit_count,
        coalesce(js.accepted, 0) as accepted_count,
        st.minutes as avg_solve_minutes
      from problems p
      left join (select problem_id, avg(minutes)::real as minutes from solve_times group by problem_id) st
        on st.problem_id = p.id
      left join (select problem_id, count(*) as n from interviews_used group by problem_id) iu on iu.problem_id = p.id
      left join (
        select problem_id,
          count(*) filter (where interview_id is null and mode = 'submit') as practice,
          count(*) filter (where mode = 'submit' and status = 'completed') as submits,
          count(*) filter (where mode = 'submit' and verdict = 'accepted') as accepted
        from judged group by problem_id
      ) js on js.problem_id = p.id
      ${target}
    )
    update problems p
    set times_used = c.times_used, submit_count = c.submit_count, accepted_count = c.accepted_count,
      avg_solve_minutes = c.avg_solve_minutes
    from counts c
    where p.id = c.id
      and (p.times_used, p.submit_count, p.accepted_count, p.avg_solve_minutes)
        is distinct from (c.times_used, c.submit_count, c.accepted_count, c.avg_solve_minutes)`);
}
