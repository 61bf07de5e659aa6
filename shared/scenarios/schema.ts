/**
 * The scenario file format: a zod schema that validates JSON scenario files and produces the
 * sim's own `Scenario` type (the compile-time check below fails if the two drift apart).
 */
import { z } from 'zod';
import { SPEEDS } from '../protocol/messages';
import { ALLOWED_LINKS } from '../sim/core/topology';
import { DB_ENGINES, FEATURE_NAMES, SHARD_KEYS } from '../sim/vocabulary';
import { COMPONENT_KINDS, INCIDENT_TYPES, WORLD_INCIDENTS, type IncidentType, type Scenario } from '../sim/core/scenario';

/**
 * Upper bounds a scenario written in the editor must keep (every shipped one is far inside them):
 * a room runs the starting system once per team, so a scenario is also a way to load the server.
 */
const MAX_REGIONS = 12;
const MAX_DATASETS = 12;
const MAX_SCRIPTED_INCIDENTS = 500;
const MAX_INITIAL_COMPONENTS = 250;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes');
const localText = z.object({ en: z.string().min(1), ko: z.string().min(1) }).strict();
const share = z.number().min(0).max(1);
const nonNegative = z.number().finite().min(0);
const kindName = z.enum(COMPONENT_KINDS);

const perClass = z.object({ static: nonNegative, read: nonNegative, write: nonNegative, session: nonNegative, job: nonNegative }).strict();

// Running out of space follows from data and disks; every other incident can be scripted.
const incidentType = z.enum(INCIDENT_TYPES.filter((type) => type !== 'shardFull') as [IncidentType, ...IncidentType[]]);

const scriptedIncidentSchema = z
  .object({
    tick: z.number().int().min(0),
    type: incidentType,
    target: z.string().optional(),
    region: z.string().optional(),
    peer: z.string().optional(),
    magnitude: z.number().positive().max(100).optional(),
    durationTicks: z.number().int().positive().optional(),
  })
  .strict();

const trafficSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('growth'), growthPerDay: nonNegative, churnPerDay: nonNegative }).strict(),
  z.object({ mode: z.literal('constant'), requestsPerSecond: nonNegative }).strict(),
]);

export const scenarioSchema = z
  .object({
    id,
    name: localText,
    description: localText,
    startSpeed: z
      .number()
      .refine((speed) => (SPEEDS as readonly number[]).includes(speed), {
        message: `startSpeed must be one of ${SPEEDS.join(', ')}`,
        params: { rule: 'speed', speeds: SPEEDS.join(', ') },
      })
      .optional(),
    startMoney: nonNegative,
    revenuePerUserDay: nonNegative,
    regions: z
      .array(
        z
          .object({
            id,
            name: localText,
            initialUsers: nonNegative,
            marketSize: z.number().positive(),
            peakHour: z.number().min(0).max(24),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_REGIONS),
    latencyMs: z.record(z.string(), z.record(z.string(), nonNegative)),
    traffic: trafficSchema,
    classMix: perClass,
    onlineShare: share,
    dailySwing: share,
    datasets: z
      .array(
        z
          .object({
            id,
            name: localText,
            readShare: share,
            writeShare: share,
            joins: z.number().int().min(1).max(8),
            mbPerUser: nonNegative.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_DATASETS),
    priceFactor: z.number().positive(),
    mtbfTicks: z.partialRecord(kindName, nonNegative),
    randomIncidentsPerDay: z.partialRecord(z.enum(WORLD_INCIDENTS), nonNegative),
    workingSet: z
      .object({ keys: z.number().int().min(1).max(1e12), alpha: z.number().min(0).max(4), objectKb: z.number().positive() })
      .strict()
      .default({ keys: 1_000_000, alpha: 0.9, objectKb: 4 }),
    staticAssets: z
      .object({ count: z.number().int().min(1).max(1e9), alpha: z.number().min(0).max(4), sizeKb: z.number().positive() })
      .strict()
      .default({ count: 5_000, alpha: 1.0, sizeKb: 150 }),
    cdnCostPerGb: nonNegative.default(0.08),
    transferCostPerGb: nonNegative.default(0.02),
    incidents: z.array(scriptedIncidentSchema).max(MAX_SCRIPTED_INCIDENTS),
    objectives: z
      .object({
        latencyMs: z.number().positive(),
        availability: share,
        peakDau: nonNegative.optional(),
        profit: z.number().finite().optional(),
        durationTicks: z.number().int().positive().optional(),
      })
      .strict(),
    shop: z
      .object({ kinds: z.array(kindName), features: z.array(z.enum(FEATURE_NAMES)) })
      .strict()
      .optional(),
    initialTopology: z
      .array(
        z
          .object({
            kind: kindName,
            region: id,
            size: z.enum(['small', 'medium', 'large', 'xlarge', 'xxlarge']).optional(),
            count: z.number().int().min(1).max(64).optional(),
            engine: z.enum(DB_ENGINES).optional(),
            shardKey: z.enum(SHARD_KEYS).optional(),
            colocatedDb: z.boolean().optional(),
            connectFrom: z.array(z.union([z.literal('users'), z.number().int().min(0)])).optional(),
          })
          .strict(),
      )
      .max(MAX_INITIAL_COMPONENTS),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const regionIds = scenario.regions.map((r) => r.id);
    for (const from of regionIds) {
      for (const to of regionIds) {
        if (scenario.latencyMs[from]?.[to] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['latencyMs', from, to],
            message: `missing round-trip time ${from} → ${to}`,
            params: { rule: 'latency-missing', from, to },
          });
        }
      }
    }
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    for (const key of ['readShare', 'writeShare'] as const) {
      const total = sum(scenario.datasets.map((d) => d[key]));
      if (Math.abs(total - 1) > 1e-9)
        ctx.addIssue({
          code: 'custom',
          path: ['datasets'],
          message: `${key} must sum to 1 (is ${total})`,
          params: { rule: 'shares-sum', key, total },
        });
    }
    scenario.initialTopology.forEach((component, index) => {
      if (!regionIds.includes(component.region)) {
        ctx.addIssue({
          code: 'custom',
          path: ['initialTopology', index, 'region'],
          message: `unknown region ${component.region}`,
          params: { rule: 'unknown-region', region: component.region },
        });
      }
      for (const from of component.connectFrom ?? []) {
        if (from !== 'users' && from >= index) {
          ctx.addIssue({
            code: 'custom',
            path: ['initialTopology', index, 'connectFrom'],
            message: 'connect from an earlier component',
            params: { rule: 'connect-earlier' },
          });
          continue;
        }
        const source = from === 'users' ? 'users' : scenario.initialTopology[from]!.kind;
        if (!ALLOWED_LINKS[source].includes(component.kind)) {
          ctx.addIssue({
            code: 'custom',
            path: ['initialTopology', index, 'connectFrom'],
            message: `${source} cannot send traffic to ${component.kind}`,
            params: { rule: 'link-not-allowed', source, kind: component.kind },
          });
        }
      }
    });
  });

/** Validates untrusted scenario data; throws a readable error naming every problem. */
export function parseScenario(data: unknown): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`invalid scenario:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

// Compile-time guarantee that the file format and the sim's type are the same shape.
type Parsed = z.infer<typeof scenarioSchema>;
const _sameShape: [Parsed extends Scenario ? true : false, Scenario extends Parsed ? true : false] = [true, true];
void _sameShape;
