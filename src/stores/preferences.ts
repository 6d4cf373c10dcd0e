// Learner preferences for the exercise UI, persisted and validated like progress.
import { atom, type ReadableAtom } from 'nanostores';
import { z } from 'zod';
import { browserStorage, loadSaved, writeSaved, type KeyValueStorage, type SaveNotice } from './saved.ts';

export const PREFERENCES_KEY = 'workbook:preferences';

export const preferencesSchema = z
  .object({
    version: z.literal(1),
    fontSize: z.number().int().min(10).max(28).describe('Editor font size in pixels'),
    wordWrap: z.boolean().describe('Wrap long lines in the editor'),
    minimap: z.boolean().describe('Show the editor minimap'),
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
export function createPreferencesStore(storage: KeyValueStorage = browserStorage()): PreferencesStore {
  const loaded = loadSaved(storage, PREFERENCES_KEY, preferencesSchema, defaultPreferences, 'editor preferences');
  const $preferences = atom(loaded.value);
  const $notice = atom<SaveNotice | null>(loaded.notice);
  return {
    $preferences,
    $notice,
    set(change) {
      const next = preferencesSchema.safeParse({ ...$preferences.get(), ...change });
      if (!next.success) throw new Error(`Preference ${next.error.issues[0]?.path.join('.')}: ${next.error.issues[0]?.message}`);
      $preferences.set(next.data);
      const notice = writeSaved(storage, PREFERENCES_KEY, next.data, 'editor preferences');
      if (notice) $notice.set(notice);
    },
  };
}

let shared: PreferencesStore | undefined;
/** The page-wide preferences store (every editor on the page follows it). */
export function preferencesStore(): PreferencesStore {
  shared ??= createPreferencesStore();
  return shared;
}
