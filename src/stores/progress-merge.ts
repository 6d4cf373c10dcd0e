// Merging an imported progress file into this browser's progress. Nothing is lost silently: each
// exercise keeps the better of both (status, attempts, hints), the newer code, and every change
// is described so the learner sees it before agreeing.
import type { ExerciseProgress, ExerciseStatus, Progress, StageProgress } from '../schemas/progress.ts';

const RANK: Record<ExerciseStatus, number> = { 'not-started': 0, attempted: 1, passed: 2 };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface ProgressMerge {
  merged: Progress;
  /** One sentence per change, naming the exercise (by title when known); empty when nothing changes. */
  changes: string[];
}

/** Merges `incoming` into `current`; `title` names an exercise id in the sentences. */
export function mergeProgress(
  current: Progress,
  incoming: Progress,
  title: (id: string) => string = (id) => id,
): ProgressMerge {
  const changes: string[] = [];
  const exercises: Record<string, ExerciseProgress> = { ...current.exercises };
  for (const [id, theirs] of Object.entries(incoming.exercises)) {
    const ours = Object.hasOwn(current.exercises, id) ? current.exercises[id] : undefined;
    if (!ours) {
      exercises[id] = theirs;
      changes.push(`${title(id)}: added (${summary(theirs)}).`);
      continue;
    }
    if (same(ours, theirs)) continue;
    const { entry, notes } = mergeExercise(ours, theirs);
    if (same(entry, ours)) continue;
    exercises[id] = entry;
    changes.push(`${title(id)}: ${notes.join('; ')}.`);
  }
  // Other keys (checklists of the future, capstone milestones…) travel whole; a differing one is kept as it is here.
  const { version: _v, exercises: _e, ...others } = incoming;
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(others)) {
    if (!Object.hasOwn(current, key)) {
      extra[key] = value;
      changes.push(`${key}: added from the file.`);
    } else if (!same(current[key], value)) {
      changes.push(`${key}: differs from the file's; this browser's is kept.`);
    }
  }
  return { merged: { ...current, ...extra, exercises }, changes };
}

function summary(p: ExerciseProgress): string {
  const runs = `${p.attempts} run${p.attempts === 1 ? '' : 's'}`;
  return p.status === 'not-started' ? 'code saved, not run yet' : `${p.status.replace('-', ' ')}, ${runs}`;
}

function mergeExercise(ours: ExerciseProgress, theirs: ExerciseProgress): { entry: ExerciseProgress; notes: string[] } {
  const notes: string[] = [];
  const theirsNewer = Date.parse(theirs.updatedAt) > Date.parse(ours.updatedAt);
  const newer = theirsNewer ? theirs : ours;
  const status = RANK[theirs.status] > RANK[ours.status] ? theirs.status : ours.status;
  if (status !== ours.status) notes.push(`${ours.status.replace('-', ' ')} → ${status}`);
  const attempts = Math.max(ours.attempts, theirs.attempts);
  if (attempts !== ours.attempts) notes.push(`runs ${ours.attempts} → ${attempts}`);
  const hintsUsed = Math.max(ours.hintsUsed, theirs.hintsUsed);
  if (hintsUsed !== ours.hintsUsed) notes.push(`hints seen ${ours.hintsUsed} → ${hintsUsed}`);
  const solutionViewed = ours.solutionViewed || theirs.solutionViewed;
  if (solutionViewed !== ours.solutionViewed) notes.push('solution was viewed');
  const passes = [ours.firstPassedAt, theirs.firstPassedAt].filter((t): t is string => Boolean(t)).sort();
  if (!same(ours.files, theirs.files)) {
    notes.push(
      theirsNewer
        ? "your code here is replaced by the file's newer code"
        : "your code here is kept (newer than the file's)",
    );
  }
  const stages = mergeStages(ours.stages, theirs.stages, theirsNewer, notes);
  const entry: ExerciseProgress = {
    files: newer.files,
    status,
    attempts,
    ...(passes[0] ? { firstPassedAt: passes[0] } : {}),
    hintsUsed,
    solutionViewed,
    ...(newer.lastReport ? { lastReport: newer.lastReport } : {}),
    ...(newer.lastReport && newer.gradedDigest ? { gradedDigest: newer.gradedDigest } : {}),
    ...(stages ? { stages } : {}),
    updatedAt: newer.updatedAt,
  };
  if (notes.length === 0) notes.push('last result and time taken from the newer copy');
  return { entry, notes };
}

type Stages = NonNullable<ExerciseProgress['stages']>;

/** tdd stages, each merged like an exercise: passed wins, the earliest pass is kept, the newer copy's report. */
function mergeStages(
  ours: Stages | undefined,
  theirs: Stages | undefined,
  theirsNewer: boolean,
  notes: string[],
): Stages | undefined {
  if (!ours && !theirs) return undefined;
  const merged: Stages = {};
  for (const stage of ['spec', 'implementation'] as const) {
    const a = ours?.[stage];
    const b = theirs?.[stage];
    if (!a || !b) {
      const only = a ?? b;
      if (only) merged[stage] = only;
      if (b && !a) notes.push(`${stage} stage ${b.status}`);
      continue;
    }
    const status = a.status === 'passed' || b.status === 'passed' ? 'passed' : 'attempted';
    if (status !== a.status) notes.push(`${stage} stage ${a.status} → ${status}`);
    const firstPassedAt = [a.firstPassedAt, b.firstPassedAt].filter((t): t is string => Boolean(t)).sort()[0];
    const report = (theirsNewer ? b : a).lastReport ?? (theirsNewer ? a : b).lastReport;
    const entry: StageProgress = {
      status,
      ...(firstPassedAt ? { firstPassedAt } : {}),
      ...(report ? { lastReport: report } : {}),
    };
    merged[stage] = entry;
  }
  return merged;
}
