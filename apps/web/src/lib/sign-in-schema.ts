import { z } from 'zod';

/*
 * Local until the identity work adds them to @interviewselect/contracts
 * (auth.ts); then this file re-exports from there and the server validates
 * the same body with the same messages.
 */

export const SignInInputSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, { error: 'Enter your e-mail address.' })
    .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.com.' })),
  password: z.string().min(1, { error: 'Enter your password.' }),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

/** 200 body of POST /api/v1/auth/sign-in; the session itself travels in an HttpOnly cookie. */
export const SignInResultSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
  }),
});
export type SignInResult = z.infer<typeof SignInResultSchema>;
