/**
 * What one team may know of its own game (idea 11 of docs/design.md, seed: 로그, 메트릭 그리고 자동화): a
 * pure projection of the state that the server sends to that team's clients (fog of war).
 *
 * Always visible, as a provider's console and the users would show it: the clock, the money, the
 * components the team bought (with a coarse status), the entries and GeoDNS weights, the team's
 * features, a vague complaints signal, user counts rounded to two significant figures, and an
 * incident feed that only says when service got worse. Each bought feature reveals its part:
 * host metrics the per-component figures and health, with the requests sent along each link and
 * those users send each entry (components.ts), aggregated metrics the per-tier figures and the
 * headline latency and availability with why availability falls short (aggregated.ts, loss.ts),
 * business metrics exact users, revenue, cost, retention and growth and the distance part of the
 * loss by users' region (business.ts), log aggregation the cause and target of every incident
 * (feed.ts) and the system part by request class with the components where requests spend their
 * time, alerts the threshold alerts (alerts.ts). CI/CD reveals nothing (it changes deploys, not
 * what the team sees).
 *
 * The result is plain JSON (no undefined members, no NaN or ±Infinity, no shared references to
 * the state), its key order fixed by this code and not by the state's history, and small: every
 * figure is rounded once, to what the client's displays show (figures.ts). The same state always
 * gives the same JSON text.
 */
import { FEATURE_NAMES, type Feature } from '../rules/catalogue';
import type { SimState } from '../core/state';
import { aggregatedView } from './aggregated';
import { alertsOf } from './alerts';
import { businessView } from './business';
import { complaintsOf } from './complaints';
import { componentViews, servingNow } from './components';
import { feedOf } from './feed';
import { money, rough, share, whole } from './figures';
import type { TeamView } from './types';

/** The view of the state the team is allowed to see. */
export function teamView(state: SimState): TeamView {
  const features = state.features;
  const serving = servingNow(state);
  const entries: Record<string, string> = {};
  const geoWeights: Record<string, Record<string, number>> = {};
  for (const region of state.scenario.regions) {
    const entry = state.entries[region.id];
    if (entry !== undefined) entries[region.id] = entry;
    const weights = state.geoWeights[region.id];
    if (weights === undefined) continue;
    const copy: Record<string, number> = {};
    for (const to of state.scenario.regions) if (weights[to.id] !== undefined) copy[to.id] = share(weights[to.id] as number);
    geoWeights[region.id] = copy;
  }
  const featureCopy = {} as Record<Feature, boolean>;
  for (const feature of FEATURE_NAMES) featureCopy[feature] = features[feature];
  const exact = features.businessMetrics;
  const summary = state.summary;
  return {
    tick: state.tick,
    money: money(state.money),
    gameOver: state.gameOver === null ? null : { tick: state.gameOver.tick, reason: state.gameOver.reason },
    features: featureCopy,
    entries,
    geoWeights,
    components: componentViews(state, features.hostMetrics ? serving : null),
    users: {
      dau: exact ? whole(summary.dau) : rough(summary.dau),
      online: exact ? whole(summary.onlineUsers) : rough(summary.onlineUsers),
      exact,
    },
    complaints: complaintsOf(state),
    feed: feedOf(state),
    aggregated: features.aggregatedMetrics ? aggregatedView(state) : null,
    business: features.businessMetrics ? businessView(state) : null,
    alerts: features.alerts ? alertsOf(state, serving) : null,
  };
}
