/**
 * The scenario file format: a zod schema that validates JSON scenario files and produces the
 * sim's own `Scenario` type (the compile-time check below fails if the two drift apart).
 */
import { z } from 'zod';
import { SPEEDS } from '../protocol/messages';
import { withinStrength } from '../protocol/commands';
import { shownText } from '../protocol/text';
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
/** Instances of the starting system, all components together. */
const MAX_INITIAL_INSTANCES = 1000;
/** The longest game, in ticks (30 simulated days: what a replay may hold). */
const MAX_GAME_TICKS = 30 * 1440;
/**
 * Every figure has a ceiling far above any sensible game's, so that no product of them reaches
 * infinity inside a step (a money of 1e308 times a price would) and the server's work stays bounded.
 */
const MAX_MONEY = 1e9;
const MAX_USERS = 1e10;
/** Incidents per simulated day, per type; and the shortest mean time between failures of an instance. */
const MAX_INCIDENTS_PER_DAY = 24;
const MIN_MTBF_TICKS = 720;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes');
/** Names people read on every screen: the same rules as players' names (no control or formatting characters). */
const localText = z.object({ en: shownText(80), ko: shownText(80) }).strict();
const longText = z.object({ en: shownText(1000, true), ko: shownText(1000, true) }).strict();
const share = z.number().min(0).max(1);
const nonNegative = z.number().finite().min(0);
const upTo = (max: number) => nonNegative.max(max);
const kindName = z.enum(COMPONENT_KINDS);

/** Requests per second per online user, by class (the busiest shipped chapter asks 4 reads). */
const perClassRate = upTo(100);
const perClass = z
  .object({ static: perClassRate, read: perClassRate, write: perClassRate, session: perClassRate, job: perClassRate })
  .strict();

// Running out of space follows from data and disks; every other incident can be scripted.
const incidentType = z.enum(INCIDENT_TYPES.filter((type) => type !== 'shardFull') as [IncidentType, ...IncidentType[]]);

const scriptedIncidentSchema = z
  .object({
    tick: z.number().int().min(0).max(MAX_GAME_TICKS),
    type: incidentType,
    target: z.string().max(40).optional(),
    region: z.string().max(40).optional(),
    peer: z.string().max(40).optional(),
    magnitude: z.number().positive().max(100).optional(),
    durationTicks: z.number().int().positive().max(MAX_GAME_TICKS).optional(),
  })
  .strict()
  .refine(({ type, magnitude }) => magnitude === undefined || withinStrength(type, magnitude), {
    message: "a strength within the incident type's range",
    path: ['magnitude'],
    params: { rule: 'strength' },
  });

const trafficSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('growth'), growthPerDay: upTo(10), churnPerDay: upTo(10) }).strict(),
  z.object({ mode: z.literal('constant'), requestsPerSecond: upTo(1e6) }).strict(),
]);

export const scenarioSchema = z
  .object({
    id,
    name: localText,
    description: longText,
    startSpeed: z
      .number()
      .refine((speed) => (SPEEDS as readonly number[]).includes(speed), {
        message: `startSpeed must be one of ${SPEEDS.join(', ')}`,
        params: { rule: 'speed', speeds: SPEEDS.join(', ') },
      })
      .optional(),
    startMoney: upTo(MAX_MONEY),
    revenuePerUserDay: upTo(100),
    regions: z
      .array(
        z
          .object({
            id,
            name: localText,
            initialUsers: upTo(MAX_USERS),
            marketSize: z.number().positive().max(MAX_USERS),
            peakHour: z.number().min(0).max(24),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_REGIONS),
    latencyMs: z.record(z.string(), z.record(z.string(), upTo(10_000))),
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
            mbPerUser: upTo(10_000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_DATASETS),
    priceFactor: z.number().min(0.01).max(100),
    mtbfTicks: z.partialRecord(
      kindName,
      z.number().refine((ticks) => ticks === 0 || (ticks >= MIN_MTBF_TICKS && Number.isFinite(ticks)), {
        message: `0 (no failures) or at least ${MIN_MTBF_TICKS}`,
        params: { rule: 'mtbf', minimum: MIN_MTBF_TICKS },
      }),
    ),
    randomIncidentsPerDay: z.partialRecord(z.enum(WORLD_INCIDENTS), upTo(MAX_INCIDENTS_PER_DAY)),
    workingSet: z
      .object({ keys: z.number().int().min(1).max(1e12), alpha: z.number().min(0).max(4), objectKb: z.number().positive().max(1e5) })
      .strict()
      .default({ keys: 1_000_000, alpha: 0.9, objectKb: 4 }),
    staticAssets: z
      .object({ count: z.number().int().min(1).max(1e9), alpha: z.number().min(0).max(4), sizeKb: z.number().positive().max(1e6) })
      .strict()
      .default({ count: 5_000, alpha: 1.0, sizeKb: 150 }),
    cdnCostPerGb: upTo(100).default(0.08),
    transferCostPerGb: upTo(100).default(0.02),
    incidents: z.array(scriptedIncidentSchema).max(MAX_SCRIPTED_INCIDENTS),
    objectives: z
      .object({
        latencyMs: z.number().positive().max(60_000),
        availability: share,
        peakDau: upTo(MAX_USERS).optional(),
        profit: z.number().min(-MAX_MONEY).max(MAX_MONEY).optional(),
        durationTicks: z.number().int().positive().max(MAX_GAME_TICKS).optional(),
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
        // Own keys only: a region called "constructor" must not find Object.prototype's.
        const row = Object.hasOwn(scenario.latencyMs, from) ? scenario.latencyMs[from]! : {};
        if (!Object.hasOwn(row, to)) {
          ctx.addIssue({
            code: 'custom',
            path: ['latencyMs', from, to],
            message: `missing round-trip time ${from} → ${to}`,
            params: { rule: 'latency-missing', from, to },
          });
        }
      }
    }
    // Round trips for regions the scenario does not have are mistakes (and would be carried for nothing).
    for (const [from, row] of Object.entries(scenario.latencyMs)) {
      for (const to of [from, ...Object.keys(row)]) {
        if (!regionIds.includes(to)) {
          ctx.addIssue({
            code: 'custom',
            path: ['latencyMs', from, ...(to === from ? [] : [to])],
            message: `unknown region ${to}`,
            params: { rule: 'unknown-region', region: to },
          });
          break;
        }
      }
    }
    const instances = scenario.initialTopology.reduce((sum, component) => sum + (component.count ?? 1), 0);
    if (instances > MAX_INITIAL_INSTANCES)
      ctx.addIssue({
        code: 'custom',
        path: ['initialTopology'],
        message: `at most ${MAX_INITIAL_INSTANCES} instances at the start (is ${instances})`,
        params: { rule: 'instances', maximum: MAX_INITIAL_INSTANCES, total: instances },
      });
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
