/**
 * What each box of the diagram says, as plain data (NodeCard.ts draws it): what it is (kind,
 * number, instance count, size or role), its load (utilisation, when host metrics show it), and
 * its state in words as well as colour. Pure, so the wording is tested without a browser.
 */
import type { ComponentView } from '../../shared/sim';
import { idNumber, label, shortNumber, type DiagramLabels } from './labels';
import type { NodeKind } from './layout';
import { PALETTE } from './palette';
import { STATE_STYLES, utilisationColour, visualState, type VisualState } from './trafficStyle';

export interface CardContent {
  icon: NodeKind;
  title: string;
  /** Instance count (×3), empty for users and DNS. */
  count: string;
  /** Instances ready (the card is drawn as a stack when there are several). */
  instances: number;
  subtitle: string;
  state: VisualState;
  /** Utilisation the load bar shows; null hides the bar (no host metrics, not serving yet). */
  load: number | null;
  /** The figure on the right of the bar (72 %, Down, Setting up) and its colour. */
  figure: string;
  figureColour: number;
}

const ENGINE_SHORT = { rdbms: 'SQL', nosql: 'NoSQL' } as const;

function subtitleOf(c: ComponentView, labels: DiagramLabels): string {
  const parts: string[] = [];
  if (c.kind === 'db') {
    if (c.settings.engine !== undefined) parts.push(ENGINE_SHORT[c.settings.engine]);
    if (c.settings.replicaOf !== undefined) parts.push(label(labels, 'diagram.replica'));
    else if (c.settings.shardKey !== undefined) parts.push(label(labels, 'diagram.shards', { count: c.resharding?.shards ?? c.count }));
    else parts.push(label(labels, 'diagram.primary'));
  } else if (c.kind === 'cdn') {
    const hit = c.metrics?.extra.hitRatio;
    parts.push(hit === undefined ? label(labels, `sizes.${c.size}`) : `${label(labels, 'metrics.hitRatio')} ${Math.round(hit * 100)}%`);
  } else {
    parts.push(label(labels, `sizes.${c.size}`));
    if (c.kind === 'web' && c.settings.colocatedDb === true) parts.push(label(labels, 'diagram.onBox'));
    if (c.kind === 'queue' && c.metrics?.extra.messages !== undefined && c.metrics.extra.messages >= 1) parts.push(`✉ ${shortNumber(c.metrics.extra.messages)}`);
  }
  if (c.provisioning > 0 && c.status !== 'provisioning') parts.push(label(labels, 'diagram.settingUp', { count: c.provisioning }));
  return parts.join(' · ');
}

export function componentCard(c: ComponentView, labels: DiagramLabels): CardContent {
  const state = visualState(c);
  const style = STATE_STYLES[state];
  let figure: string;
  let figureColour: number;
  let load: number | null = null;
  if (state === 'dead' || state === 'provisioning' || state === 'restarting') {
    figure = label(labels, style.labelKey ?? 'health.ok');
    figureColour = state === 'dead' ? PALETTE.dead : PALETTE.muted;
    if (state === 'restarting' && c.metrics !== null) load = c.metrics.utilisation;
  } else if (c.metrics !== null && c.kind === 'cdn') {
    // A provider's edge network has no utilisation to speak of: show what it delivers.
    figure = label(labels, 'diagram.perSecond', { value: shortNumber(c.metrics.lambda) });
    figureColour = PALETTE.muted;
  } else if (c.metrics !== null) {
    load = c.metrics.utilisation;
    figure = `${Math.round(c.metrics.utilisation * 100)}%`;
    figureColour = utilisationColour(c.metrics.utilisation);
  } else {
    figure = label(labels, 'diagram.noMetrics');
    figureColour = PALETTE.faint;
  }
  return {
    icon: c.kind,
    title: `${label(labels, `kinds.${c.kind}.name`)} ${idNumber(c.id)}`,
    count: c.status === 'provisioning' ? `+${c.provisioning}` : `×${c.count}`,
    instances: c.count,
    subtitle: subtitleOf(c, labels),
    state,
    load,
    figure,
    figureColour,
  };
}

/** A region's users: how many requests per second they send (estimated under fog of war). */
export function usersCard(rate: number, labels: DiagramLabels): CardContent {
  return {
    icon: 'users',
    title: label(labels, 'diagram.users'),
    count: '',
    instances: 1,
    subtitle: '',
    state: 'healthy',
    load: null,
    figure: rate > 0 ? label(labels, 'diagram.perSecond', { value: shortNumber(rate) }) : '—',
    figureColour: PALETTE.muted,
  };
}

/** A region's DNS: where it sends users when that is another region, or a warning when nowhere. */
export function dnsCard(region: string, routeRegions: readonly string[], labels: DiagramLabels): CardContent {
  const away = routeRegions.filter((r) => r !== region);
  return {
    icon: 'dns',
    title: label(labels, 'diagram.dns'),
    count: '',
    instances: 1,
    subtitle: '',
    state: routeRegions.length === 0 ? 'degraded' : 'healthy',
    load: null,
    figure: routeRegions.length === 0 ? '—' : away.length > 0 ? `→ ${away.map((r) => r.toUpperCase()).join(' ')}` : '',
    figureColour: routeRegions.length === 0 ? PALETTE.degraded : PALETTE.muted,
  };
}
