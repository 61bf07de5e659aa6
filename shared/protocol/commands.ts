/**
 * The wire form of player commands: every command a client may send, as a zod schema that
 * checks its shape before the sim ever sees it. The sim then checks it against the state
 * (money, ids, rules). The compile-time check at the bottom keeps this and the sim's type equal.
 */
import { z } from 'zod';
import { FEATURE_NAMES, SIZE_NAMES } from '../sim/rules/catalogue';
import { MAX_COUNT, type Command, type CommandEntry } from '../sim/commands/command';
import { COMPONENT_KINDS, INCIDENT_TYPES, type IncidentType } from '../sim/core/scenario';
import { CACHE_POLICIES, CACHE_STRATEGIES, DB_ENGINES, FAILOVER_MODES, SHARD_KEYS } from '../sim/vocabulary';
import { formatZodError } from './zodErrors';

const componentId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-zA-Z]+-\d+$/, 'a component id such as web-3');
const endpoint = z.union([z.literal('users'), componentId]);
const region = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9-]*$/);
const size = z.enum(SIZE_NAMES);
const kind = z.enum(COMPONENT_KINDS);
const engine = z.enum(DB_ENGINES);
const count = z.number().int().min(1).max(MAX_COUNT);
const shardKey = z.enum(SHARD_KEYS);
const feature = z.enum(FEATURE_NAMES);

const autoscaling = z
  .object({
    enabled: z.boolean(),
    min: count,
    max: count,
    targetUtilisation: z.number().gt(0).lt(1),
    cooldownTicks: z.number().int().min(0).max(1440),
  })
  .strict()
  .refine((rule) => rule.min <= rule.max, { message: 'min must not exceed max', path: ['min'] });

/** Every command a player may send (not `inject`, which only the server logs, for an instructor). */
export const playerCommandSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('buy'),
      kind,
      region,
      size: size.optional(),
      count: count.optional(),
      engine: engine.optional(),
      replicaOf: componentId.optional(),
    })
    .strict(),
  z.object({ type: z.literal('remove'), id: componentId }).strict(),
  z.object({ type: z.literal('resize'), id: componentId, size }).strict(),
  z.object({ type: z.literal('scale'), id: componentId, count }).strict(),
  z.object({ type: z.literal('connect'), from: endpoint, to: componentId }).strict(),
  z.object({ type: z.literal('disconnect'), from: endpoint, to: componentId }).strict(),
  z
    .object({
      type: z.literal('configure'),
      id: componentId,
      healthChecks: z.boolean().optional(),
      colocatedDb: z.boolean().optional(),
      engine: engine.optional(),
      datasets: z.array(z.string().min(1).max(32)).max(16).optional(),
      autoscaling: autoscaling.optional(),
      failover: z.enum(FAILOVER_MODES).optional(),
      shardKey: shardKey.optional(),
      denormalised: z.boolean().optional(),
      cachePolicy: z.enum(CACHE_POLICIES).optional(),
      cacheStrategy: z.enum(CACHE_STRATEGIES).optional(),
      ttlSeconds: z
        .number()
        .positive()
        .max(7 * 24 * 3600)
        .optional(),
      versioning: z.boolean().optional(),
      originFallback: z.boolean().optional(),
      durable: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('restart'), id: componentId }).strict(),
  z.object({ type: z.literal('rollback') }).strict(),
  z.object({ type: z.literal('promote'), id: componentId }).strict(),
  z.object({ type: z.literal('reshard'), id: componentId, shards: count, key: shardKey }).strict(),
  z.object({ type: z.literal('invalidate'), id: componentId }).strict(),
  z.object({ type: z.literal('buyFeature'), feature }).strict(),
  z.object({ type: z.literal('dropFeature'), feature }).strict(),
  z.object({ type: z.literal('geoRoute'), region, weights: z.record(region, z.number().min(0).max(1000)) }).strict(),
]);

/** Incidents an instructor may start: every kind but running out of disk, which follows from the data. */
const INJECTABLE = INCIDENT_TYPES.filter((type) => type !== 'shardFull') as [IncidentType, ...IncidentType[]];

/**
 * What an injected incident's strength means and may be, by type: a spike's traffic multiplier, a
 * bad deploy's or a hotspot's share of requests, a lag spike's seconds. Other types have none.
 */
const INJECTED_STRENGTH: Readonly<Partial<Record<IncidentType, { min: number; max: number }>>> = {
  trafficSpike: { min: 1, max: 10 },
  badDeploy: { min: 0.01, max: 1 },
  hotspotKey: { min: 0.01, max: 1 },
  replicationLagSpike: { min: 1, max: 600 },
};

/** An incident an instructor starts in a team's system (the sim checks its target and regions). */
/** Whether `magnitude` is a strength incidents of `type` may have (types without one take none). */
export function withinStrength(type: IncidentType, magnitude: number): boolean {
  const range = INJECTED_STRENGTH[type];
  return range !== undefined && magnitude >= range.min && magnitude <= range.max;
}

export const injectedIncidentSchema = z
  .object({
    type: z.enum(INJECTABLE),
    target: componentId.optional(),
    region: region.optional(),
    peer: region.optional(),
    magnitude: z.number().optional(),
    /** 5 simulated minutes to 12 hours. */
    durationTicks: z.number().int().min(5).max(720).optional(),
  })
  .strict()
  .refine(({ type, magnitude }) => magnitude === undefined || withinStrength(type, magnitude), {
    message: "a strength within the incident type's range (none for its type)",
    path: ['magnitude'],
  });

/** Every command a command log may hold: players' commands and instructors' injected incidents. */
export const commandSchema = z.discriminatedUnion('type', [
  ...playerCommandSchema.options,
  z.object({ type: z.literal('inject'), incident: injectedIncidentSchema }).strict(),
]);

/** One line of a command log file. */
export const commandEntrySchema = z
  .object({
    tick: z.number().int().min(0),
    team: z.string().min(1).max(32),
    player: z.string().min(1).max(64),
    seq: z.number().int().min(0),
    command: commandSchema,
  })
  .strict();

/** Parses a JSON-lines command log; throws naming the first bad line. */
export function parseCommandLog(text: string): CommandEntry[] {
  const entries: CommandEntry[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new Error(`command log line ${index + 1}: not JSON`);
    }
    const result = commandEntrySchema.safeParse(data);
    if (!result.success) throw new Error(`command log line ${index + 1}: ${formatZodError(result.error)}`);
    entries.push(result.data);
  });
  return entries;
}

type Parsed = z.infer<typeof commandSchema>;
const _sameShape: [Parsed extends Command ? true : false, Command extends Parsed ? true : false] = [true, true];
void _sameShape;
