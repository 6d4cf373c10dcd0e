// Learner preferences for the exercise UI and the capstone's "Check milestone", persisted and validated like progress.
import type { ReadableAtom } from 'nanostores';
import { z } from 'zod';
import { createPersisted } from './persisted.ts';
import type { KeyValueStorage, SaveNotice } from './saved.ts';

export const PREFERENCES_KEY = 'workbook:preferences';

export const preferencesSchema = z
  .object({
    version: z.literal(1),
    fontSize: z.number().int().min(10).max(28).describe('Editor font size in pixels'),
    wordWrap: z.boolean().describe('Wrap long lines in the editor'),
    minimap: z.boolean().describe('Show the editor minimap'),
    projectDir: z
      .string()
      .max(1024)
      .optional()
      .describe('The capstone project folder "Check milestone" last used (a full path on the npm start machine)'),
  })
  .strict();
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences = (): Preferences => ({ version: 1, fontSize: 14, wordWrap: false, minimap: false });

export interface PreferencesStore {
  readonly $preferences: ReadableAtom<Preferences>;
  readonly $notice: ReadableAtom<SaveNotice | null>;
  set(change: Partial<Omit<Preferences, 'version'>>): void;
}

/** Creates the preferences store over `storage` (localStorage by default). */
export function createPreferencesStore(storage?: KeyValueStorage): PreferencesStore {
  const persisted = createPersisted({
    key: PREFERENCES_KEY,
    schema: preferencesSchema,
    initial: defaultPreferences,
    label: 'editor preferences',
    ...(storage ? { storage } : {}),
  });
  return {
    $preferences: persisted.$value,
    $notice: persisted.$notice,
    set(change) {
      const next = preferencesSchema.safeParse({ ...persisted.get(), ...change });
      if (!next.success)
        throw new Error(`Preference ${next.error.issues[0]?.path.join('.')}: ${next.error.issues[0]?.message}`);
      persisted.set(next.data);
    },
  };
}

let shared: PreferencesStore | undefined;
/** The page-wide preferences store (every editor on the page follows it). */
export function preferencesStore(): PreferencesStore {
  shared ??= createPreferencesStore();
  return shared;
}
