/**
 * How far a replay's re-run from the start is while a team loads: a bar that fills and the share
 * done, beside what is being prepared. The scrub bar shows it when another team is picked, the
 * preparing card before the replay's first state.
 */
import { formatPercent } from '../i18n/format';
import { useT } from '../ui/hooks';
import './replay.css';

export function BuildProgress({ label, progress }: { label: string; progress: number }) {
  const { t, lang } = useT();
  const share = Math.max(0, Math.min(1, progress));
  const percent = formatPercent(lang, share, 'floor', 0);
  return (
    <span
      class="su-replay-build"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.floor(share * 100)}
      aria-valuetext={t('ui.replay.progress', { percent })}
      data-replay-progress={share.toFixed(3)}
    >
      <span class="su-replay-build-label">{label}</span>
      <span class="su-replay-meter" aria-hidden="true">
        <span class="su-replay-meter-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </span>
      <span class="su-replay-build-percent" aria-hidden="true">
        {percent}
      </span>
    </span>
  );
}
