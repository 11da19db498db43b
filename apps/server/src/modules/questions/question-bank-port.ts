import { ROOM_TEST_PREVIEW_CHARS, type RoomAnswerKey } from '@interviewselect/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import type { BankRef, QuestionBankPort } from '../interviews/question-bank.js';
import { candidateView } from './problem-package.js';
import { createQuestionsRepo } from './questions.repo.js';
import { problemVersions, problems } from './questions.tables.js';

const preview = (text: string) => text.slice(0, ROOM_TEST_PREVIEW_CHARS);
const CACHED_VERSIONS = 256;

/** The question bank as the interviews module sees it (QuestionBankPort). */
export function createQuestionBankPort(db: Db): QuestionBankPort {
  const repo = createQuestionsRepo(db);
  /**
   * Room views of published versions, which never change (a change makes a new
   * version): every room load asks for them, and a version with megabytes of
   * hidden tests is costly to read each time. Least recently used go first.
   */
  const published = new Map<string, { view: ReturnType<typeof candidateView>; answerKey: RoomAnswerKey }>();
  return {
    async askable(orgId, versionId) {
      const access = await repo.versionAccess(versionId, null);
      if (!access?.isPublished || (access.orgId !== null && access.orgId !== orgId)) return null;
      const loaded = await repo.loadVersion(versionId);
      return loaded ? { title: loaded.package.title, statement: loaded.package.statement } : null;
    },

    async refs(versionIds) {
      const result = new Map<string, BankRef>();
      if (versionIds.length === 0) return result;
      const rows = await db
        .select({
          versionId: problemVersions.id,
          problemId: problemVersions.problemId,
          version: problemVersions.version,
          slug: problems.slug,
          difficulty: problemVersions.difficulty,
          category: problemVersions.category,
        })
        .from(problemVersions)
        .innerJoin(problems, eq(problems.id, problemVersions.problemId))
        .where(inArray(problemVersions.id, [...versionIds]));
      for (const row of rows) result.set(row.versionId, row);
      return result;
    },

    async roomViews(versionIds, withAnswerKey) {
      const result = new Map<string, { view: ReturnType<typeof candidateView>; answerKey?: RoomAnswerKey }>();
      for (const versionId of new Set(versionIds)) {
        const cached = published.get(versionId);
        if (cached) {
          // Refresh its place in the LRU order.
          published.delete(versionId);
          published.set(versionId, cached);
          result.set(versionId, withAnswerKey ? cached : { view: cached.view });
          continue;
        }
        const loaded = await repo.loadVersion(versionId);
        if (!loaded) continue;
        const view = candidateView(
          { problemId: loaded.row.problemId, versionId, version: loaded.row.version },
          loaded.package,
        );
        const pkg = loaded.package;
        const answerKey: RoomAnswerKey = {
          hiddenTests: pkg.tests
            .filter((t) => t.hidden)
            .map((t) => ({
              name: t.name,
              input: preview(t.input),
              expectedOutput: preview(t.expectedOutput),
              isTruncated:
                t.input.length > ROOM_TEST_PREVIEW_CHARS || t.expectedOutput.length > ROOM_TEST_PREVIEW_CHARS,
            })),
          referenceSolutions: pkg.referenceSolutions,
          guide: pkg.interviewerGuide,
        };
        result.set(versionId, withAnswerKey ? { view, answerKey } : { view });
        if (loaded.row.publishedAt) {
          published.set(versionId, { view, answerKey });
          if (published.size > CACHED_VERSIONS) published.delete(published.keys().next().value as string);
        }
      }
      return result;
    },
  };
}
