import {
  DifficultySchema,
  LanguageIdSchema,
  ProblemSortSchema,
  ProblemStatusSchema,
  QuestionCategorySchema,
  type Difficulty,
  type LanguageId,
  type ProblemSearchQuery,
  type ProblemSort,
  type ProblemStatus,
  type QuestionCategory,
} from '@interviewselect/contracts';
import { z } from 'zod';

export const PAGE_SIZE = 20;

const OwnerSchema = z.enum(['public', 'org']);
export type OwnerFilter = z.infer<typeof OwnerSchema>;

/** What the library keeps in its address; '' means "any". */
export interface LibraryFilters {
  q: string;
  difficulty: Difficulty | '';
  category: QuestionCategory | '';
  /** Normalised: lowercase, trimmed, no duplicates. */
  tags: string[];
  language: LanguageId | '';
  owner: OwnerFilter | '';
  status: ProblemStatus | '';
  /** '' lets the server choose: relevance while searching, newest otherwise. */
  sort: ProblemSort | '';
  page: number;
}

const pick = <T>(schema: z.ZodType<T>, value: string | null): T | '' => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : '';
};

/** "Arrays, dp,,arrays" → ["arrays", "dp"]. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && t.length <= 40);
  return [...new Set(tags)].slice(0, 10);
}

/** Filters from the URL; anything unreadable falls back to "any". */
export function readLibraryFilters(params: URLSearchParams): LibraryFilters {
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    difficulty: pick(DifficultySchema, params.get('difficulty')),
    category: pick(QuestionCategorySchema, params.get('category')),
    tags: parseTags(params.get('tags') ?? ''),
    language: pick(LanguageIdSchema, params.get('language')),
    owner: pick(OwnerSchema, params.get('owner')),
    status: pick(ProblemStatusSchema, params.get('status')),
    sort: pick(ProblemSortSchema, params.get('sort')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL for filters: unset ones left out, so the plain /questions stays plain. */
export function writeLibraryFilters(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.difficulty) params.set('difficulty', filters.difficulty);
  if (filters.category) params.set('category', filters.category);
  if (filters.tags.length > 0) params.set('tags', filters.tags.join(','));
  if (filters.language) params.set('language', filters.language);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.status) params.set('status', filters.status);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/**
 * The API query: with an active organisation, "any owner" means the public
 * library plus that organisation's problems; "my organisation" needs one.
 */
export function toSearchQuery(filters: LibraryFilters, orgId: string | null): ProblemSearchQuery {
  const owner = filters.owner === 'org' && !orgId ? '' : filters.owner;
  const sort = filters.sort === 'relevance' && !filters.q ? '' : filters.sort;
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.difficulty ? { difficulty: filters.difficulty } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.tags.length > 0 ? { tags: filters.tags.join(',') } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(owner ? { owner } : {}),
    ...(orgId && owner !== 'public' ? { orgId } : {}),
    ...(filters.status && orgId ? { status: filters.status } : {}),
    ...(sort ? { sort } : {}),
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}

export function hasActiveLibraryFilters(filters: LibraryFilters): boolean {
  return Boolean(
    filters.q ||
    filters.difficulty ||
    filters.category ||
    filters.tags.length > 0 ||
    filters.language ||
    filters.owner ||
    filters.status,
  );
}

export const EMPTY_FILTERS: LibraryFilters = {
  q: '',
  difficulty: '',
  category: '',
  tags: [],
  language: '',
  owner: '',
  status: '',
  sort: '',
  page: 1,
};
