// The two stages of a test-first (tdd) exercise on its page: the stepper "1 Write the spec → 2 Make
// it pass", which stage Run checks grades, and the editor tab each stage starts on. Stage 2 opens
// once the spec has passed stage 1; the grader would grade either stage, the page guides the order.
import type { TddStage } from '../../schemas/exercise.ts';
import type { CheckReport } from '../../schemas/report.ts';
import { tddStanding } from '../../stores/tdd-stages.ts';
import type { ExerciseContext } from './exercise-context.ts';

export interface StageControl {
  /** The stage Run checks grades now. */
  current(): TddStage;
  /** Called after each recorded report: a passing spec opens stage 2. */
  afterReport(report: CheckReport): void;
}

const isSpec = (path: string) => /\.(?:spec|test)\.ts$/.test(path);

/** Wires the stepper of a tdd exercise; undefined for exercises graded in one stage. */
export function wireStages(ctx: ExerciseContext): StageControl | undefined {
  const box = ctx.q('[data-stages]');
  if (!box) return undefined;
  const message = ctx.q('[data-stage-message]');
  const editable = ctx.data.files.filter((f) => f.editable).map((f) => f.path);
  const specFile = editable.find(isSpec) ?? '';
  const implementationFile = editable.find((p) => !isSpec(p)) ?? '';
  const base = (p: string) => p.split('/').pop() ?? p;
  let standing = tddStanding(ctx.store.exercise(ctx.id));
  let current = standing.current;

  const say = (text: string) => {
    if (!message) return;
    message.hidden = false;
    message.textContent = text;
  };
  const render = () => {
    box.dataset['current'] = current;
    for (const step of box.querySelectorAll<HTMLElement>('[data-stage]')) {
      const stage = step.dataset['stage'] as TddStage;
      const passed = stage === 'spec' ? standing.specPassed : standing.done;
      const locked = stage === 'implementation' && !standing.specPassed;
      step.dataset['state'] = passed ? 'passed' : locked ? 'locked' : 'open';
      const button = step.querySelector('button');
      if (button) {
        button.setAttribute('aria-current', String(stage === current ? 'step' : false));
        button.setAttribute('aria-disabled', String(locked));
      }
      const state = step.querySelector('[data-stage-state]');
      if (state) state.textContent = passed ? 'passed' : locked ? 'locked until your spec passes' : 'to do';
    }
  };
  const openTab = (path: string) =>
    [...ctx.root.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.dataset['path'] === path)?.click();
  const go = (stage: TddStage) => {
    if (stage === 'implementation' && !standing.specPassed) {
      say(
        `Stage 2 opens once your spec passes stage 1. Write the tests in ${base(specFile)} first and press Run checks: they must pass against a correct implementation and fail against every wrong one.`,
      );
      return;
    }
    current = stage;
    render();
    openTab(stage === 'spec' ? specFile : implementationFile);
    say(
      stage === 'spec'
        ? `Stage 1: write the spec in ${base(specFile)}. Run checks grades your tests, not ${base(implementationFile)}.`
        : `Stage 2: implement ${base(implementationFile)}. Run checks grades it against your own spec and the hidden checks.`,
    );
  };

  for (const stage of ['spec', 'implementation'] as const)
    ctx.button(`stage-${stage}`)?.addEventListener('click', () => go(stage));
  render();
  if (current === 'implementation') openTab(implementationFile);

  return {
    current: () => current,
    afterReport(report) {
      const wasOpen = standing.specPassed;
      standing = tddStanding(ctx.store.exercise(ctx.id));
      if (report.stage === 'spec' && report.status === 'passed') {
        if (!wasOpen || current === 'spec') {
          go('implementation');
          say(
            `Your spec passes stage 1: it holds for a correct implementation and catches every wrong one. Stage 2 is open: implement ${base(implementationFile)} until your spec and the hidden checks pass.`,
          );
        }
      } else if (report.stage === 'implementation' && report.status === 'passed') {
        say('Both stages passed: your implementation passes your own spec and the hidden checks. Exercise done.');
      }
      render();
    },
  };
}
