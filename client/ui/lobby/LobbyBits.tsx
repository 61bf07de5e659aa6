/** Small pieces the match screens share: team swatches and names in their colours, a copy button. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { teamLabel, teamStyle } from '../teams';

/** A row of coloured dots, one per team, each named for screen readers and in its tooltip. */
export function TeamSwatches({ teams, teamNames = {} }: { teams: readonly string[]; teamNames?: Readonly<Record<string, string>> }) {
  const { t } = useT();
  return (
    <span class="su-team-swatches">
      {teams.map((team) => {
        const label = teamLabel(t, team, teamNames);
        return <span key={team} class="su-team-swatch" style={teamStyle(team)} title={label} role="img" aria-label={label} />;
      })}
    </span>
  );
}

/** A team's name after its swatch: the colour is never the only cue. */
export function TeamTag({ team, teamNames = {} }: { team: string; teamNames?: Readonly<Record<string, string>> }) {
  const { t } = useT();
  return (
    <span class="su-team-tag" style={teamStyle(team)} data-team={team}>
      <span class="su-team-swatch" aria-hidden="true" />
      <span class="su-team-tag-name">{teamLabel(t, team, teamNames)}</span>
    </span>
  );
}

/** Copies a text; says so for a moment (the browser may refuse the clipboard: then nothing changes). */
export function CopyButton({ text, label, data }: { text: string; label: string; data?: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(text)
      .then(() => {
        setCopied(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setCopied(false), 1500);
      })
      .catch(() => undefined);
  };
  return (
    <button type="button" class="su-btn su-btn-small" data-copy={data} onClick={copy}>
      <Icon name={copied ? 'check' : 'copy'} />
      <span aria-live="polite">{copied ? t('ui.lobby.copied') : label}</span>
    </button>
  );
}
