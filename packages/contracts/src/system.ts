import { z } from 'zod';

/** Public facts about the running deployment, shown in the app shell and the admin System page. */
export const SystemInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  nodeVersion: z.string(),
  database: z.enum(['pglite', 'postgres']),
  queue: z.enum(['postgres', 'bullmq']),
  startedAt: z.iso.datetime(),
  stats: z.object({
    users: z.number().int().nonnegative(),
    orgs: z.number().int().nonnegative(),
  }),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;
