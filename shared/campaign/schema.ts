/**
 * The campaign chapter file format (assets/campaign/NN-slug.json): a scenario, the idea it teaches,
 * a briefing and hints in both languages, the goals that win it and the goals of its second and
 * third stars, and the commands that count as using its idea (the tests check that the reference
 * solution uses them and that the strongest build without them loses).
 */
import { z } from 'zod';
import { playerCommandSchema } from '../protocol/commands';
import { scenarioSchema } from '../scenarios/schema';
import type { Command } from '../sim/commands/command';
import type { LocalText, Scenario } from '../sim/core/scenario';
import { CONCEPT_IDS, type ConceptId } from './concepts';
import { GOAL_BOUND, GOAL_METRICS, type Goal } from './goals';

const localText = z.object({ en: z.string().min(1), ko: z.string().min(1) }).strict();
const paragraphs = z.object({ en: z.array(z.string().min(1)).min(1), ko: z.array(z.string().min(1)).min(1) }).strict();

const goalSchema = z
  .object({ metric: z.enum(GOAL_METRICS), min: z.number().finite().optional(), max: z.number().finite().optional() })
  .strict()
  .refine((goal) => (goal.min === undefined) !== (goal.max === undefined), { message: 'a goal has exactly one of min and max' })
  .refine((goal) => (GOAL_BOUND[goal.metric] === 'min' ? goal.min : goal.max) !== undefined, {
    message: 'availability, peakDau, profit and checklist take a min; losses and recoveryMinutes a max',
  });

/**
 * A command pattern: a command's type and any of its fields; a command matches when every field
 * given here has the same value in it (`{ "type": "buy", "kind": "cache" }` matches any cache bought).
 */
const ideaPatternSchema = z.looseObject({ type: z.enum(playerCommandSchema.options.map((option) => option.shape.type.value)) });

const chapterSchema = z
  .object({
    number: z.number().int().min(1).max(99),
    concept: z.enum(CONCEPT_IDS),
    briefing: paragraphs,
    hints: z.array(localText).min(1),
    /** The guided first chapter: the client points at buy, select and connect. */
    tutorial: z.boolean().optional(),
    idea: z.array(ideaPatternSchema).min(1),
    goals: z.array(goalSchema).min(1),
    stars: z.tuple([z.array(goalSchema).min(1), z.array(goalSchema).min(1)]),
    scenario: scenarioSchema,
  })
  .strict()
  .superRefine((chapter, ctx) => {
    const objectives = chapter.scenario.objectives;
    if (objectives.durationTicks === undefined) {
      ctx.addIssue({ code: 'custom', path: ['scenario', 'objectives', 'durationTicks'], message: 'a chapter has an end' });
    }
    // The goals panel shows the scenario's objectives: they must be the chapter's winning goals.
    const minimum = (metric: string) => chapter.goals.find((goal) => goal.metric === metric)?.min;
    for (const [metric, key] of [
      ['availability', 'availability'],
      ['peakDau', 'peakDau'],
      ['profit', 'profit'],
    ] as const) {
      if (minimum(metric) !== objectives[key]) {
        ctx.addIssue({
          code: 'custom',
          path: ['scenario', 'objectives', key],
          message: `must equal the ${metric} goal's min (${String(minimum(metric))})`,
        });
      }
    }
  });

export interface Chapter {
  number: number;
  concept: ConceptId;
  briefing: { en: string[]; ko: string[] };
  hints: LocalText[];
  tutorial?: boolean;
  idea: Array<Partial<Record<string, unknown>> & { type: Command['type'] }>;
  goals: Goal[];
  /** The goals of the second and of the third star, on top of winning. */
  stars: [Goal[], Goal[]];
  scenario: Scenario;
}

/** Validates a chapter file; throws a readable error naming every problem. */
export function parseChapter(data: unknown): Chapter {
  const result = chapterSchema.safeParse(data);
  if (!result.success) throw new Error(`invalid chapter:\n${z.prettifyError(result.error)}`);
  return result.data as Chapter;
}

/** Whether a command applies the chapter's idea (matches one of its patterns). */
export function usesIdea(chapter: Chapter, command: Command): boolean {
  const fields = command as unknown as Record<string, unknown>;
  return chapter.idea.some((pattern) =>
    Object.entries(pattern).every(([key, value]) => JSON.stringify(fields[key]) === JSON.stringify(value)),
  );
}
