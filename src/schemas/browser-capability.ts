import { z } from 'zod';

/**
 * Whether an exercise's hidden checks can run in the browser engine (a Web Worker), decided at
 * build time from the exercise's import graph (src/catalog/browser-capability.ts).
 */
export const browserCapabilitySchema = z.discriminatedUnion('capable', [
  z.object({ capable: z.literal(true) }).strict(),
  z
    .object({
      capable: z.literal(false),
      reasons: z
        .array(z.string().min(1))
        .min(1)
        .describe(
          'What keeps the checks out of the browser, e.g. "needs: redis", "node:http", "needs: @nestjs/testing"',
        ),
    })
    .strict(),
]);
export type BrowserCapability = z.infer<typeof browserCapabilitySchema>;
