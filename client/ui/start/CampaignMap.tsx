/**
 * The campaign map: every chapter in order with the stars this browser has earned on it, the ones
 * not open yet locked (a chapter opens once the one before it is won), and the next one to play
 * marked. The standings come from the server (GET /api/campaign/:profile); without an answer the
 * map still lists the chapters, with only the first open.
 */
import { useEffect, useState } from 'preact/hooks';
import { chapters } from '../../../shared/campaign';
import type { ChapterStanding } from '../../../shared/protocol/results';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { Stars } from '../campaign/Stars';

function fallbackStandings(): ChapterStanding[] {
  return chapters().map((chapter, index) => ({ id: chapter.scenario.id, stars: 0, score: null, completed: false, unlocked: index === 0 }));
}

export function CampaignMap({ client, busy }: { client: UiClient; busy: boolean }) {
  const { t, lang } = useT();
  const [standings, setStandings] = useState<ChapterStanding[] | null>(null);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let live = true;
    void client.campaign().then((list) => {
      if (!live) return;
      setOffline(list === null);
      setStandings(list ?? fallbackStandings());
    });
    return () => {
      live = false;
    };
  }, [client]);
  const byId = new Map((standings ?? []).map((s) => [s.id, s]));
  const next = standings?.find((s) => s.unlocked && !s.completed)?.id ?? null;
  const earned = (standings ?? []).reduce((sum, s) => sum + s.stars, 0);
  const play = (id: string) => void client.startSolo(id).catch(() => undefined);
  return (
    <section class="su-campaign" aria-labelledby="su-campaign-title" aria-busy={standings === null}>
      <header class="su-campaign-head">
        <h2 id="su-campaign-title">{t('ui.campaign.title')}</h2>
        <span class="su-campaign-total">
          <Icon name="star" />
          {t('ui.campaign.starsTotal', { earned, total: chapters().length * 3 })}
        </span>
      </header>
      {offline && <p class="su-muted">{t('ui.campaign.offline')}</p>}
      <ol class="su-campaign-list">
        {chapters().map((chapter) => {
          const id = chapter.scenario.id;
          const standing = byId.get(id);
          const locked = standing === undefined || !standing.unlocked;
          const name = chapter.scenario.name[lang];
          return (
            <li key={id}>
              <button
                type="button"
                class={`su-chapter${locked ? ' su-chapter-locked' : ''}${id === next ? ' su-chapter-next' : ''}`}
                data-chapter={id}
                disabled={locked || busy || standings === null}
                aria-label={
                  locked ? t('ui.campaign.lockedLabel', { name }) : t('ui.campaign.chapterLabel', { name, stars: standing?.stars ?? 0 })
                }
                title={chapter.scenario.description[lang]}
                onClick={() => play(id)}
              >
                <span class="su-chapter-name">{name}</span>
                {locked ? <Icon name="lock" class="su-chapter-lock" /> : <Stars count={standing?.stars ?? 0} />}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
