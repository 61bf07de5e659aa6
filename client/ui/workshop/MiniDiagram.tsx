/**
 * A team's system as a small drawing (miniLayout.ts): a box per component, coloured by health
 * when the team's host metrics show it (grey without: the instructor sees what the team sees),
 * a cross over a dead box and a notch on a degraded one (never colour alone), a dashed outline
 * while it is set up, and the links between them. `detail` draws larger boxes with the kind's
 * icon, number and instance count, for the closer look.
 */
import type { TeamView } from '../../../shared/sim';
import { ICON_VIEWBOX, ICONS } from '../../theme/icons';
import { useT } from '../hooks';
import { labelForId } from '../names';
import { DETAIL_SIZE, GRID_SIZE, miniLayout, type MiniBox } from './miniLayout';

function KindIcon({ box, size }: { box: MiniBox; size: number }) {
  const icon = ICONS[box.kind];
  return (
    <svg
      x={box.x + 6}
      y={box.y + (DETAIL_SIZE.h - size) / 2}
      width={size}
      height={size}
      viewBox={`0 0 ${ICON_VIEWBOX} ${ICON_VIEWBOX}`}
      class="su-ws-mini-icon"
    >
      {icon.paths.map((path) => (
        <path
          key={path.d}
          d={path.d}
          fill={path.fill ? 'currentColor' : 'none'}
          stroke={path.stroke ? 'currentColor' : 'none'}
          stroke-width={icon.strokeWidth}
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      ))}
    </svg>
  );
}

export function MiniDiagram({ team, regions, detail = false }: { team: TeamView; regions: readonly string[]; detail?: boolean }) {
  const { t } = useT();
  const layout = miniLayout(team, regions, detail ? DETAIL_SIZE : GRID_SIZE);
  const { w, h } = layout.box;
  const pad = 2;
  // A small system is not blown up to fill its frame: boxes stay about the size they mean.
  const scale = detail ? 1.3 : 2;
  const vbWidth = layout.width + 2 * pad;
  const vbHeight = layout.height + 2 * pad;
  const summary = t('ui.workshop.grid.diagramLabel', { n: team.components.length });
  return (
    <svg
      class={`su-ws-mini${detail ? ' su-ws-mini-detail' : ''}`}
      viewBox={`${-pad} ${-pad} ${vbWidth} ${vbHeight}`}
      style={{ maxWidth: `${vbWidth * scale}px`, maxHeight: `${vbHeight * scale}px` }}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={summary}
    >
      {layout.edges.map((e) => (
        <path key={`${e.from}>${e.to}`} d={e.d} class={`su-ws-mini-edge${e.replica ? ' su-ws-mini-replica' : ''}`} />
      ))}
      {layout.boxes.map((b) => (
        <g key={b.id} class={`su-ws-mini-box su-ws-look-${b.kind === 'users' ? 'users' : b.look}`} data-component={b.id}>
          <title>{b.kind === 'users' ? t('ui.feed.users') : `${labelForId(b.id)}: ${t(b.stateKey)}`}</title>
          <rect x={b.x} y={b.y} width={w} height={h} rx={b.kind === 'users' ? h / 2 : detail ? 5 : 2} />
          {b.look === 'bad' && (
            <path
              class="su-ws-mini-mark"
              d={`M${b.x + 2} ${b.y + 2}L${b.x + w - 2} ${b.y + h - 2}M${b.x + w - 2} ${b.y + 2}L${b.x + 2} ${b.y + h - 2}`}
            />
          )}
          {b.look === 'warn' && (
            <path
              class="su-ws-mini-notch"
              d={`M${b.x + w - (detail ? 12 : 6)} ${b.y}L${b.x + w} ${b.y}L${b.x + w} ${b.y + (detail ? 12 : 6)}Z`}
            />
          )}
          {detail && (
            <>
              <KindIcon box={b} size={18} />
              <text x={b.x + 28} y={b.y + h / 2 + (b.kind === 'users' ? 4 : -2)} class="su-ws-mini-name">
                {b.kind === 'users' ? t('ui.feed.users') : t(`kinds.${b.kind}.name`)}
              </text>
              {b.kind !== 'users' && (
                <text x={b.x + 28} y={b.y + h / 2 + 10} class="su-ws-mini-count">
                  {`${b.id.replace(/^.*-/, '#')} ×${b.count}${b.down > 0 ? ` · ${t('ui.workshop.grid.down', { n: b.down })}` : ''}`}
                </text>
              )}
            </>
          )}
        </g>
      ))}
    </svg>
  );
}
