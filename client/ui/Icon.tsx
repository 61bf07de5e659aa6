/**
 * An icon from assets/icons as inline SVG, in the text colour (the files draw in currentColor).
 * The diagram draws the same files on its canvas (theme/icons.ts), so a kind's picture in the
 * shop is the one on its card.
 */
import { ICON_VIEWBOX, ICONS, type IconName } from '../theme/icons';

/** Decorative: the text next to it says the same (aria-hidden). */
export function Icon({ name, size = 14, class: className }: { name: IconName; size?: number; class?: string }) {
  const icon = ICONS[name];
  return (
    <svg
      class={`su-icon su-icon-${name}${className === undefined ? '' : ` ${className}`}`}
      width={size}
      height={size}
      viewBox={`0 0 ${ICON_VIEWBOX} ${ICON_VIEWBOX}`}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width={icon.strokeWidth}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {icon.paths.map((path) => (
        <path key={path.d} d={path.d} fill={path.fill ? 'currentColor' : undefined} stroke={path.stroke ? undefined : 'none'} />
      ))}
    </svg>
  );
}
