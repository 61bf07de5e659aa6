/**
 * The wire state of a game room (@colyseus/schema 5 builders). Everyone sees the room, the clock
 * and the seats; each team's view of its system (see shared/sim/view/: only what its monitoring
 * reveals) sits under `teams`, a field tagged `.view()`, so a client receives only the teams its
 * StateView holds: its own, or all of them for an instructor or a spectator.
 *
 * Figures are float64 (maps of figures too): the team view has already rounded them to what a
 * player reads (shared/sim/view/figures.ts), and the wire carries them exactly. A float32 would
 * turn 0.9999 into 0.99989998…, which a display that rounds availability down reads as 99.98 %,
 * and 0.85 into 0.85000002, which a client comparing with a threshold sees as above it.
 *
 * Optional figures use sentinels rather than optional children where a child would be created
 * and dropped often: '' for no string, −1 for no number. Settings and resharding plans are JSON
 * text: they change only on a command, and a flat string keeps the schema small.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';

export const HostMetricsState = schema(
  {
    lambda: t.float64().default(0),
    capacity: t.float64().default(0),
    utilisation: t.float64().default(0),
    meanLatencyMs: t.float64().default(0),
    p95LatencyMs: t.float64().default(0),
    served: t.float64().default(0),
    errors: t.float64().default(0),
    backlog: t.float64().default(0),
    serving: t.uint16().default(0),
    down: t.uint16().default(0),
    restarting: t.uint16().default(0),
    health: t.string().default('healthy'),
    /** Kind-specific figures (hitRatio, lagSeconds, …), only those the component has. */
    extra: t.map('float64'),
    /** Requests per second sent to each component it can reach, by id (its connections first). */
    sent: t.map('float64'),
    /** Requests per second straight from each region's users, by region id (only regions that sent any). */
    fromUsers: t.map('float64'),
  },
  'HostMetrics',
);
export type HostMetricsState = SchemaType<typeof HostMetricsState>;

export const ComponentState = schema(
  {
    id: t.string().default(''),
    kind: t.string().default(''),
    region: t.string().default(''),
    size: t.string().default(''),
    count: t.uint16().default(0),
    provisioning: t.uint16().default(0),
    status: t.string().default('ok'),
    resizingTo: t.string().default(''),
    /** JSON of { shards, key, untilTick }, or ''. */
    resharding: t.string().default(''),
    /** JSON of the component's settings. */
    settings: t.string().default('{}'),
    targets: t.array('string'),
    /** Present only with host metrics. */
    metrics: t.ref(HostMetricsState).optional(),
  },
  'Component',
);
export type ComponentState = SchemaType<typeof ComponentState>;

export const TierState = schema(
  {
    tier: t.string().default(''),
    components: t.uint16().default(0),
    instances: t.uint32().default(0),
    lambda: t.float64().default(0),
    capacity: t.float64().default(0),
    utilisation: t.float64().default(0),
    worstP95LatencyMs: t.float64().default(0),
    errors: t.float64().default(0),
    errorRate: t.float64().default(0),
    /** −1: not a cache tier. */
    hitRatio: t.float64().default(-1),
  },
  'Tier',
);
export type TierState = SchemaType<typeof TierState>;

/** The distance part of the availability loss from one users' region (business metrics). */
export const LossRegionState = schema(
  { id: t.string().default(''), share: t.float64().default(0), roundTripMs: t.float64().default(0) },
  'LossRegion',
);
export type LossRegionState = SchemaType<typeof LossRegionState>;

/** The system part of the availability loss of one request class (log aggregation). */
export const LossClassState = schema({ cls: t.string().default(''), share: t.float64().default(0) }, 'LossClass');
export type LossClassState = SchemaType<typeof LossClassState>;

/** A component where requests spend their time, ms per user request (log aggregation). */
export const SlowComponentState = schema({ componentId: t.string().default(''), msPerRequest: t.float64().default(0) }, 'SlowComponent');
export type SlowComponentState = SchemaType<typeof SlowComponentState>;

export const AggregatedState = schema(
  {
    requestsPerSecond: t.float64().default(0),
    availability: t.float64().default(1),
    errorRate: t.float64().default(0),
    p50LatencyMs: t.float64().default(0),
    p95LatencyMs: t.float64().default(0),
    tiers: t.array(TierState),
    /** Why availability falls short (TeamView's AvailabilityLoss): shares of all requests. */
    lossErrors: t.float64().default(0),
    lossDistance: t.float64().default(0),
    lossSystem: t.float64().default(0),
    /** False without business metrics (the list is then empty because it is hidden). */
    lossRegionsShown: t.boolean().default(false),
    lossRegions: t.array(LossRegionState),
    /** False without log aggregation (both lists are then empty because they are hidden). */
    lossDetailShown: t.boolean().default(false),
    lossClasses: t.array(LossClassState),
    slowest: t.array(SlowComponentState),
  },
  'Aggregated',
);
export type AggregatedState = SchemaType<typeof AggregatedState>;

export const RegionBusinessState = schema(
  { id: t.string().default(''), dau: t.float64().default(0), satisfaction: t.float64().default(1) },
  'RegionBusiness',
);
export type RegionBusinessState = SchemaType<typeof RegionBusinessState>;

export const BusinessState = schema(
  {
    revenuePerDay: t.float64().default(0),
    costPerDay: t.float64().default(0),
    peakDau: t.float64().default(0),
    satisfaction: t.float64().default(1),
    retentionPerDay: t.float64().default(1),
    growthPerDay: t.float64().default(0),
    regions: t.array(RegionBusinessState),
  },
  'Business',
);
export type BusinessState = SchemaType<typeof BusinessState>;

export const FeedEntryState = schema(
  {
    tick: t.uint32().default(0),
    /** −1: not recovered yet. */
    recoveredTick: t.int32().default(-1),
    /** '' without log aggregation (only "service got worse"). */
    type: t.string().default(''),
    incidentId: t.int32().default(-1),
    target: t.string().default(''),
    region: t.string().default(''),
    peer: t.string().default(''),
    endTick: t.int32().default(-1),
  },
  'FeedEntry',
);
export type FeedEntryState = SchemaType<typeof FeedEntryState>;

export const AlertState = schema(
  {
    kind: t.string().default(''),
    componentId: t.string().default(''),
    value: t.float64().default(0),
    threshold: t.float64().default(0),
  },
  'Alert',
);
export type AlertState = SchemaType<typeof AlertState>;

export const TeamState = schema(
  {
    id: t.string().default(''),
    tick: t.uint32().default(0),
    money: t.float64().default(0),
    /** '', 'bankrupt' or 'finished'; with the tick it happened at (−1: not over). */
    gameOver: t.string().default(''),
    gameOverTick: t.int32().default(-1),
    features: t.map('boolean'),
    /** DNS entry per region: region → component id. */
    entries: t.map('string'),
    /** JSON of the GeoDNS weights, users' region → data-center region → weight. */
    geoWeights: t.string().default('{}'),
    components: t.map(ComponentState),
    dau: t.float64().default(0),
    online: t.float64().default(0),
    usersExact: t.boolean().default(false),
    complaints: t.string().default('none'),
    feed: t.array(FeedEntryState),
    /** Present only with aggregated metrics / business metrics. */
    aggregated: t.ref(AggregatedState).optional(),
    business: t.ref(BusinessState).optional(),
    /** False without alerting (the list is then empty because nobody watches, not because all is well). */
    alerting: t.boolean().default(false),
    alerts: t.array(AlertState),
    /**
     * A campaign chapter's goals (win goals, then each star's, in the chapter's order): each one's
     * value so far, as the chapter will be scored. Empty outside the campaign.
     */
    goals: t.array('float64'),
  },
  'Team',
);
export type TeamState = SchemaType<typeof TeamState>;

/**
 * One team's line of the live scoreboard of a match or a workshop: its score so far, which every
 * seat sees (the team's system itself stays hidden from the others until the end).
 */
export const ScoreState = schema(
  {
    /** The most daily active users so far. */
    peakDau: t.float64().default(0),
    /** Share of all the game's requests so far served within the latency objective (1 with none yet). */
    availability: t.float64().default(1),
    /** Revenue minus everything spent so far. */
    profit: t.float64().default(0),
    incidents: t.uint32().default(0),
    /** Incidents after which service came back to where it was. */
    recovered: t.uint32().default(0),
    /** '' while the team plays; 'bankrupt' or 'finished' once its game is over. */
    gameOver: t.string().default(''),
  },
  'Score',
);
export type ScoreState = SchemaType<typeof ScoreState>;

export const SeatState = schema(
  {
    name: t.string().default(''),
    /** '' for an instructor or a spectator. */
    team: t.string().default(''),
    role: t.string().default('player'),
    connected: t.boolean().default(true),
    /** A match's lobby: whether this player said they are ready. */
    ready: t.boolean().default(false),
  },
  'Seat',
);
export type SeatState = SchemaType<typeof SeatState>;

export const ClockState = schema(
  {
    tick: t.uint32().default(0),
    /** 'waiting' (lobby), 'running' or 'finished'. */
    phase: t.string().default('waiting'),
    paused: t.boolean().default(false),
    speed: t.uint8().default(1),
    /** Whether this room lets its clock be paused and sped up (solo, workshop). */
    adjustable: t.boolean().default(true),
    /** Why the room paused by itself: '' (it did not), or 'instructor-away'. */
    pauseReason: t.string().default(''),
  },
  'Clock',
);
export type ClockState = SchemaType<typeof ClockState>;

/** A hint a workshop's instructor broadcast: a concept card's lesson and/or their own words. */
export const HintState = schema(
  {
    tick: t.uint32().default(0),
    /** A concept card id ('' for none). */
    concept: t.string().default(''),
    /** The instructor's words in each language ('' where not given). */
    en: t.string().default(''),
    ko: t.string().default(''),
  },
  'Hint',
);
export type HintState = SchemaType<typeof HintState>;

export const GameState = schema(
  {
    code: t.string().default(''),
    mode: t.string().default('solo'),
    scenario: t.string().default(''),
    protocol: t.uint8().default(1),
    clock: t.ref(ClockState),
    /** By seat id (public; never the player's private id). */
    seats: t.map(SeatState),
    /** Team ids in order, for everyone (the teams' contents are per view). */
    teamIds: t.array('string'),
    teams: t.map(TeamState).view(),
    /** Matches and workshops: every team's score so far, by team id, for every seat (empty in solo). */
    scoreboard: t.map(ScoreState),
    /** Set when the game has ended: where to fetch the results and the replay. */
    resultId: t.string().default(''),
    replayId: t.string().default(''),
    /** The seat that runs the room: a match's host (its creator), a workshop's instructor ('' in solo). */
    host: t.string().default(''),
    /** Names teams were given (by a captain or the instructor), by team id; a team without one has its default name. */
    teamNames: t.map('string'),
    /** How long the game lasts, in ticks (the scenario's, or the creator's choice). */
    durationTicks: t.uint32().default(0),
    /** Workshops: no new participants while locked; how participants get a team; pause when the instructor drops. */
    locked: t.boolean().default(false),
    placement: t.string().default('auto'),
    pauseOnDrop: t.boolean().default(true),
    /** Workshops: the instructor's latest hints, oldest first. */
    hints: t.array(HintState),
  },
  'GameState',
);
export type GameState = SchemaType<typeof GameState>;
