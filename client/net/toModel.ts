/**
 * The room's decoded wire state → the client's plain model (model.ts). Sentinels of the wire
 * format ('' and −1 for "none", JSON text for settings) become the sim's own TeamView shape.
 */
import type { Role, Speed } from '../../shared/protocol/messages';
import type { Placement } from '../../shared/protocol/roomActions';
import type { ComponentState, GameState, TeamState } from '../../shared/schema/gameState';
import type { ComponentView, ExtraFigure, Feature, FeedEntry, RequestClass, TeamView } from '../../shared/sim';
import type { GameModel, MySeat } from '../state/model';

function componentView(c: ComponentState): ComponentView {
  const m = c.metrics;
  return {
    id: c.id,
    kind: c.kind as ComponentView['kind'],
    region: c.region,
    size: c.size as ComponentView['size'],
    count: c.count,
    provisioning: c.provisioning,
    status: c.status as ComponentView['status'],
    resizingTo: c.resizingTo === '' ? null : (c.resizingTo as ComponentView['size']),
    resharding: c.resharding === '' ? null : (JSON.parse(c.resharding) as ComponentView['resharding']),
    settings: JSON.parse(c.settings) as ComponentView['settings'],
    targets: [...c.targets],
    metrics:
      m === undefined
        ? null
        : {
            lambda: m.lambda,
            capacity: m.capacity,
            utilisation: m.utilisation,
            meanLatencyMs: m.meanLatencyMs,
            p95LatencyMs: m.p95LatencyMs,
            served: m.served,
            errors: m.errors,
            backlog: m.backlog,
            extra: Object.fromEntries(m.extra.entries()) as Partial<Record<ExtraFigure, number>>,
            sent: Object.fromEntries(m.sent.entries()),
            fromUsers: Object.fromEntries(m.fromUsers.entries()),
            serving: m.serving,
            down: m.down,
            restarting: m.restarting,
            health: m.health as 'healthy' | 'degraded' | 'dead',
          },
  };
}

function feedEntry(f: TeamState['feed'][number]): FeedEntry {
  return {
    tick: f.tick,
    recoveredTick: f.recoveredTick < 0 ? null : f.recoveredTick,
    cause:
      f.type === ''
        ? null
        : {
            incidentId: f.incidentId,
            type: f.type as NonNullable<FeedEntry['cause']>['type'],
            target: f.target === '' ? null : f.target,
            region: f.region === '' ? null : f.region,
            peer: f.peer === '' ? null : f.peer,
            endTick: f.endTick < 0 ? null : f.endTick,
          },
  };
}

export function teamView(t: TeamState): TeamView {
  const a = t.aggregated;
  const b = t.business;
  return {
    tick: t.tick,
    money: t.money,
    gameOver: t.gameOver === '' ? null : { tick: t.gameOverTick, reason: t.gameOver as 'bankrupt' | 'finished' },
    features: Object.fromEntries(t.features.entries()) as Record<Feature, boolean>,
    entries: Object.fromEntries(t.entries.entries()),
    geoWeights: JSON.parse(t.geoWeights) as TeamView['geoWeights'],
    components: [...t.components.values()].map(componentView),
    users: { dau: t.dau, online: t.online, exact: t.usersExact },
    complaints: t.complaints as TeamView['complaints'],
    feed: t.feed.map(feedEntry),
    aggregated:
      a === undefined
        ? null
        : {
            requestsPerSecond: a.requestsPerSecond,
            availability: a.availability,
            errorRate: a.errorRate,
            p50LatencyMs: a.p50LatencyMs,
            p95LatencyMs: a.p95LatencyMs,
            tiers: a.tiers.map((tier) => ({
              tier: tier.tier as ComponentView['kind'],
              components: tier.components,
              instances: tier.instances,
              lambda: tier.lambda,
              capacity: tier.capacity,
              utilisation: tier.utilisation,
              worstP95LatencyMs: tier.worstP95LatencyMs,
              errors: tier.errors,
              errorRate: tier.errorRate,
              hitRatio: tier.hitRatio < 0 ? null : tier.hitRatio,
            })),
            loss: {
              errors: a.lossErrors,
              distance: a.lossDistance,
              system: a.lossSystem,
              regions: a.lossRegionsShown ? a.lossRegions.map((r) => ({ id: r.id, share: r.share, roundTripMs: r.roundTripMs })) : null,
              classes: a.lossDetailShown ? a.lossClasses.map((c) => ({ cls: c.cls as RequestClass, share: c.share })) : null,
              slowest: a.lossDetailShown ? a.slowest.map((c) => ({ componentId: c.componentId, msPerRequest: c.msPerRequest })) : null,
            },
          },
    business:
      b === undefined
        ? null
        : {
            revenuePerDay: b.revenuePerDay,
            costPerDay: b.costPerDay,
            peakDau: b.peakDau,
            satisfaction: b.satisfaction,
            retentionPerDay: b.retentionPerDay,
            growthPerDay: b.growthPerDay,
            regions: b.regions.map((r) => ({ id: r.id, dau: r.dau, satisfaction: r.satisfaction })),
          },
    alerts: t.alerting
      ? t.alerts.map((alert) => ({
          kind: alert.kind as NonNullable<TeamView['alerts']>[number]['kind'],
          componentId: alert.componentId === '' ? null : alert.componentId,
          value: alert.value,
          threshold: alert.threshold,
        }))
      : null,
  };
}

export function gameModel(state: GameState, me: MySeat): GameModel {
  return {
    code: state.code,
    mode: state.mode as GameModel['mode'],
    scenario: state.scenario,
    clock: {
      tick: state.clock.tick,
      phase: state.clock.phase as GameModel['clock']['phase'],
      paused: state.clock.paused,
      speed: state.clock.speed as Speed,
      // Only who runs the clock sees its controls: a solo player, a workshop's instructor.
      adjustable: state.clock.adjustable && (state.mode === 'solo' || me.role === 'instructor'),
      pauseReason: state.clock.pauseReason === 'instructor-away' ? 'instructor-away' : null,
    },
    me,
    seats: [...state.seats.entries()].map(([seatId, s]) => ({
      seatId,
      name: s.name,
      team: s.team === '' ? null : s.team,
      role: s.role as Role,
      connected: s.connected,
      ready: s.ready,
    })),
    teamIds: [...state.teamIds],
    // A match's spectators see no team until the match ends: the map is then not on the wire at all.
    teams: Object.fromEntries([...(state.teams?.entries() ?? [])].map(([id, t]) => [id, teamView(t)])),
    resultId: state.resultId === '' ? null : state.resultId,
    replayId: state.replayId === '' ? null : state.replayId,
    goalValues: Object.fromEntries([...(state.teams?.entries() ?? [])].map(([id, t]) => [id, [...t.goals]])),
    scoreboard: [...state.teamIds].flatMap((team) => {
      const line = state.scoreboard?.get(team);
      if (line === undefined) return [];
      const gameOver = line.gameOver === '' ? null : (line.gameOver as 'bankrupt' | 'finished');
      const { peakDau, availability, profit, incidents, recovered } = line;
      return [{ team, peakDau, availability, profit, incidents, recovered, gameOver }];
    }),
    host: state.host === '' ? null : state.host,
    teamNames: Object.fromEntries([...(state.teamNames?.entries() ?? [])].filter(([, name]) => name !== '')),
    durationTicks: state.durationTicks,
    locked: state.locked,
    placement: state.placement as Placement,
    pauseOnDrop: state.pauseOnDrop,
    hints: [...(state.hints ?? [])].map((h) => ({
      tick: h.tick,
      concept: h.concept === '' ? null : h.concept,
      en: h.en === '' ? null : h.en,
      ko: h.ko === '' ? null : h.ko,
    })),
  };
}

/** The chart point of a team at its tick. */
export { historyPoint } from '../../shared/protocol/history';
