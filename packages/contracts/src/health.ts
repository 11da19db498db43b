import { z } from 'zod';

export const LivenessSchema = z.object({ status: z.literal('ok') });
export type Liveness = z.infer<typeof LivenessSchema>;

/** One dependency's readiness: the database, the migrations, Redis when configured. */
export const ReadinessCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string().optional(),
});

export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.array(ReadinessCheckSchema),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
