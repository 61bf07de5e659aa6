/**
 * The guide of the first chapter: a ring around the control to use next and a short line beside
 * it (tutorialSteps.ts decides which). It follows the control as the screen changes, and steps
 * aside (a smaller note) when the control is not on screen, e.g. while the build panel is closed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../../../shared/sim';
import type { ClockModel } from '../../state/model';
import { uiState } from '../../state/uiState';
import { useStore, useT } from '../hooks';
import { STEP_TARGETS, tutorialStep } from './tutorialSteps';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function findTarget(selector: string, reveal: boolean): Box | null {
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    let r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // A control scrolled out of its panel is brought into view once, when its step begins.
    if (reveal) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      r = el.getBoundingClientRect();
    }
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }
  return null;
}

const CALLOUT_WIDTH = 280;

export function Tutorial({ team, clock, startSpeed }: { team: TeamView; clock: ClockModel; startSpeed: number }) {
  const { t } = useT();
  const ui = useStore(uiState);
  const step = tutorialStep({ team, selected: ui.selected, speed: clock.speed, paused: clock.paused, startSpeed });
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    if (step === 'done') return;
    let revealed = false;
    const measure = () => {
      const next = findTarget(STEP_TARGETS[step], !revealed);
      if (next !== null) revealed = true;
      setBox((old) =>
        old !== null && next !== null && old.x === next.x && old.y === next.y && old.width === next.width && old.height === next.height
          ? old
          : next,
      );
    };
    measure();
    const timer = setInterval(measure, 250);
    return () => clearInterval(timer);
  }, [step]);
  if (step === 'done' || ui.briefing || ui.openConcept !== null) return null;
  const text = t(`ui.tutorial.${step}`);
  if (box === null) {
    return (
      <div class="su-tutorial-note" role="status" data-tutorial-step={step}>
        {text}
      </div>
    );
  }
  // Beside the control when there is room on its right, else below it; always on screen.
  const right = box.x + box.width + 16 + CALLOUT_WIDTH < window.innerWidth;
  const left = right ? box.x + box.width + 16 : Math.min(Math.max(8, box.x), window.innerWidth - CALLOUT_WIDTH - 8);
  const top = right ? Math.max(8, box.y + box.height / 2 - 28) : Math.min(box.y + box.height + 12, window.innerHeight - 96);
  return (
    <>
      <div
        class="su-tutorial-ring"
        aria-hidden="true"
        style={{ left: `${box.x - 4}px`, top: `${box.y - 4}px`, width: `${box.width + 8}px`, height: `${box.height + 8}px` }}
      />
      <div
        class="su-tutorial-callout"
        role="status"
        data-tutorial-step={step}
        style={{ left: `${left}px`, top: `${top}px`, width: `${CALLOUT_WIDTH}px` }}
      >
        <span class="su-tutorial-step">{t('ui.tutorial.stepOf', { n: STEP_ORDER.indexOf(step) + 1, total: STEP_ORDER.length })}</span>
        {text}
      </div>
    </>
  );
}

const STEP_ORDER = ['buy', 'select', 'database', 'entry', 'speed'] as const;
