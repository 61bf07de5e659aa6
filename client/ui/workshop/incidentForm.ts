/**
 * The instructor's incident form: which fields each incident type takes, their defaults, and the
 * `inject` message they make, checked against the protocol's own schema before it is sent (so a
 * refusal never comes back as "malformed"). Strength is asked in the unit a person thinks in (a
 * spike's ×, a bad deploy's share of failing requests in %, a lag in seconds) and turned into the
 * sim's magnitude here. Pure, for the tests.
 */
import { instructorMessageSchema, type InstructorMessage } from '../../../shared/protocol/roomActions';
import { INCIDENT_TYPES, type ComponentView, type IncidentType } from '../../../shared/sim';

/** Running out of disk follows from the data: it cannot be injected (commands.ts). */
export type InjectableType = Exclude<IncidentType, 'shardFull'>;
export const INJECTABLE_TYPES: readonly InjectableType[] = INCIDENT_TYPES.filter((type): type is InjectableType => type !== 'shardFull');

/** A strength field: its unit's locale key, range, step and default, and how it becomes the magnitude. */
export interface StrengthField {
  unit: 'times' | 'percent' | 'seconds';
  min: number;
  max: number;
  step: number;
  value: number;
  toMagnitude: (value: number) => number;
}

export interface IncidentFields {
  /** One instance fails: an optional target of the kind it names (else the first serving one). */
  target: boolean;
  region: boolean;
  /** A partition's second region. */
  peer: boolean;
  strength: StrengthField | null;
  /** How long it lasts (instance failures last until repaired instead). */
  duration: boolean;
}

const same = (value: number) => value;
const share = (value: number) => value / 100;

/** Defaults match the sim's own when a script says nothing (incidents.ts, DEFAULT_MAGNITUDE). */
const STRENGTH: Partial<Record<InjectableType, StrengthField>> = {
  trafficSpike: { unit: 'times', min: 1.5, max: 10, step: 0.5, value: 3, toMagnitude: same },
  badDeploy: { unit: 'percent', min: 5, max: 100, step: 5, value: 30, toMagnitude: share },
  hotspotKey: { unit: 'percent', min: 5, max: 100, step: 5, value: 30, toMagnitude: share },
  replicationLagSpike: { unit: 'seconds', min: 10, max: 600, step: 10, value: 120, toMagnitude: same },
};

const INSTANCE_FAILURES: ReadonlySet<InjectableType> = new Set(['serverCrash', 'dbPrimaryFailure', 'replicaFailure', 'cacheNodeLoss']);

export function incidentFields(type: InjectableType): IncidentFields {
  const instance = INSTANCE_FAILURES.has(type);
  return {
    target: instance,
    region: type === 'dataCenterOutage' || type === 'regionPartition',
    peer: type === 'regionPartition',
    strength: STRENGTH[type] ?? null,
    duration: !instance,
  };
}

/** Minutes an incident lasts unless the instructor says otherwise (the sim's own default). */
const DEFAULT_DURATION = 60;
export const MIN_DURATION = 5;
export const MAX_DURATION = 720;

export interface IncidentDraft {
  type: InjectableType;
  /** A team id, or 'all'. */
  team: string;
  /** '' = the first serving component of the kind (the sim picks). */
  target: string;
  region: string;
  peer: string;
  strength: number;
  durationMinutes: number;
}

/** A fresh form for this type: the scenario's first two regions, the type's usual strength, an hour. */
export function draftFor(type: InjectableType, team: string, regions: readonly string[]): IncidentDraft {
  return {
    type,
    team,
    target: '',
    region: regions[0] ?? '',
    peer: regions[1] ?? '',
    strength: STRENGTH[type]?.value ?? 1,
    durationMinutes: DEFAULT_DURATION,
  };
}

/** Whether this scenario can have this incident at all (a partition needs two regions). */
export function possibleIn(type: InjectableType, regions: readonly string[]): boolean {
  return type !== 'regionPartition' || regions.length >= 2;
}

/** The components an instance failure of this type may hit: the kind its name says (incidents.ts, failureType). */
export function targetsFor(type: InjectableType, components: readonly ComponentView[]): ComponentView[] {
  return components.filter((c) => {
    switch (type) {
      case 'dbPrimaryFailure':
        return c.kind === 'db' && c.settings.replicaOf === undefined;
      case 'replicaFailure':
        return c.kind === 'db' && c.settings.replicaOf !== undefined;
      case 'cacheNodeLoss':
        return c.kind === 'cache';
      case 'serverCrash':
        return c.kind !== 'db' && c.kind !== 'cache';
      default:
        return false;
    }
  });
}

/** Why the form cannot be sent, as locale keys (empty: it can). */
export type DraftProblem = 'samePeer' | 'noRegions' | 'strength' | 'duration';

export function draftProblems(draft: IncidentDraft, regions: readonly string[]): DraftProblem[] {
  const fields = incidentFields(draft.type);
  const problems: DraftProblem[] = [];
  if (fields.region && (!regions.includes(draft.region) || (fields.peer && !regions.includes(draft.peer)))) problems.push('noRegions');
  if (fields.peer && draft.region === draft.peer) problems.push('samePeer');
  const strength = fields.strength;
  if (strength !== null && !(draft.strength >= strength.min && draft.strength <= strength.max)) problems.push('strength');
  if (
    fields.duration &&
    !(Number.isInteger(draft.durationMinutes) && draft.durationMinutes >= MIN_DURATION && draft.durationMinutes <= MAX_DURATION)
  )
    problems.push('duration');
  return problems;
}

/** The `inject` message for a form with no problems, as the schema parses it; null otherwise. */
export function injectMessage(draft: IncidentDraft, regions: readonly string[]): InstructorMessage | null {
  if (draftProblems(draft, regions).length > 0) return null;
  const fields = incidentFields(draft.type);
  const incident: Record<string, unknown> = { type: draft.type };
  // A component id names one team's component: it means nothing to every team at once.
  if (fields.target && draft.target !== '' && draft.team !== 'all') incident.target = draft.target;
  if (fields.region) incident.region = draft.region;
  if (fields.peer) incident.peer = draft.peer;
  if (fields.strength !== null) incident.magnitude = fields.strength.toMagnitude(draft.strength);
  if (fields.duration) incident.durationTicks = draft.durationMinutes;
  const parsed = instructorMessageSchema.safeParse({ action: 'inject', team: draft.team, incident });
  return parsed.success ? parsed.data : null;
}
