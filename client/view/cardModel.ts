/**
 * What each box of the diagram says, as plain data (NodeCard.ts draws it): what it is (kind,
 * number, instance count, size or role), its load (utilisation, when host metrics show it), and
 * its state in words as well as colour. Pure, so the wording is tested without a browser.
 */
import type { ComponentView } from '../../shared/sim';
import { idNumber, shortNumber, type DiagramLabels } from './labels';
import type { NodeKind } from './layout';
import { PALETTE } from './palette';
import { STATE_STYLES, utilisationColour, visualState, type VisualState } from './trafficStyle';

export interface CardContent {
  icon: NodeKind;
  title: string;
  /** The name with the kind's short form (the locale files' diagram.short group), drawn when the full one does not fit its card. */
  shortTitle: string;
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

/** The kinds whose names run long on a card, and their short forms' keys. */
const SHORT_NAME: Partial<Record<ComponentView['kind'], string>> = {
  lb: 'diagram.short.lb',
  web: 'diagram.short.web',
  sessionStore: 'diagram.short.sessionStore',
  queue: 'diagram.short.queue',
  worker: 'diagram.short.worker',
};

function subtitleOf(c: ComponentView, labels: DiagramLabels): string {
  const parts: string[] = [];
  if (c.kind === 'db') {
    if (c.settings.engine !== undefined) parts.push(ENGINE_SHORT[c.settings.engine]);
    if (c.settings.replicaOf !== undefined) parts.push(labels.t('diagram.replica'));
    else if (c.settings.shardKey !== undefined) parts.push(labels.t('diagram.shards', { count: c.resharding?.shards ?? c.count }));
    else parts.push(labels.t('diagram.primary'));
  } else if (c.kind === 'cdn') {
    const hit = c.metrics?.extra.hitRatio;
    parts.push(hit === undefined ? labels.t(`sizes.${c.size}`) : `${labels.t('metrics.hitRatio')} ${Math.round(hit * 100)}%`);
  } else {
    parts.push(labels.t(`sizes.${c.size}`));
    if (c.kind === 'web' && c.settings.colocatedDb === true) parts.push(labels.t('diagram.onBox'));
    if (c.kind === 'queue' && c.metrics?.extra.messages !== undefined && c.metrics.extra.messages >= 1)
      parts.push(`✉ ${shortNumber(c.metrics.extra.messages)}`);
  }
  if (c.provisioning > 0 && c.status !== 'provisioning') parts.push(labels.t('diagram.settingUp', { count: c.provisioning }));
  return parts.join(' · ');
}

export function componentCard(c: ComponentView, labels: DiagramLabels): CardContent {
  const state = visualState(c);
  const style = STATE_STYLES[state];
  let figure: string;
  let figureColour: number;
  let load: number | null = null;
  if (state === 'dead' || state === 'provisioning' || state === 'restarting') {
    figure = labels.t(style.labelKey ?? 'health.ok');
    figureColour = state === 'dead' ? PALETTE.dead : PALETTE.muted;
    if (state === 'restarting' && c.metrics !== null) load = c.metrics.utilisation;
  } else if (c.metrics !== null && c.kind === 'cdn') {
    // A provider's edge network has no utilisation to speak of: show what it delivers.
    figure = labels.t('diagram.perSecond', { value: shortNumber(c.metrics.lambda) });
    figureColour = PALETTE.muted;
  } else if (c.metrics !== null) {
    load = c.metrics.utilisation;
    figure = `${Math.round(c.metrics.utilisation * 100)}%`;
    figureColour = utilisationColour(c.metrics.utilisation);
  } else {
    figure = labels.t('diagram.noMetrics');
    figureColour = PALETTE.faint;
  }
  const short = SHORT_NAME[c.kind];
  const title = `${labels.t(`kinds.${c.kind}.name`)} ${idNumber(c.id)}`;
  return {
    icon: c.kind,
    title,
    shortTitle: short === undefined ? title : `${labels.t(short)} ${idNumber(c.id)}`,
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
    title: labels.t('diagram.users'),
    shortTitle: labels.t('diagram.users'),
    count: '',
    instances: 1,
    subtitle: '',
    state: 'healthy',
    load: null,
    figure: rate > 0 ? labels.t('diagram.perSecond', { value: shortNumber(rate) }) : '—',
    figureColour: PALETTE.muted,
  };
}

/** A region's DNS: where it sends users when that is another region, or a warning when nowhere. */
export function dnsCard(region: string, routeRegions: readonly string[], labels: DiagramLabels): CardContent {
  const away = routeRegions.filter((r) => r !== region);
  return {
    icon: 'dns',
    title: labels.t('diagram.dns'),
    shortTitle: labels.t('diagram.dns'),
    count: '',
    instances: 1,
    subtitle: '',
    state: routeRegions.length === 0 ? 'degraded' : 'healthy',
    load: null,
    figure: routeRegions.length === 0 ? '—' : away.length > 0 ? `→ ${away.map((r) => r.toUpperCase()).join(' ')}` : '',
    figureColour: routeRegions.length === 0 ? PALETTE.degraded : PALETTE.muted,
  };
}
