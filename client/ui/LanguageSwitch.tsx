/**
 * 한국어 | English: switches every text at once, without a reload, and is remembered. Where the
 * header is tight it shows each language's short name (its accessible name stays the full one).
 */
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useT } from './hooks';

/** Each language's short name for itself, like the full names in the locales: not translated. */
const SHORT_NAME: Record<Language, string> = { ko: '한', en: 'EN' };

export function LanguageSwitch() {
  const { t, lang } = useT();
  return (
    <div class="su-lang" role="group" aria-label={t('app.language.label')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          class="su-btn su-lang-btn"
          lang={l}
          aria-pressed={lang === l}
          aria-label={t(`app.language.${l}`)}
          onClick={() => setLanguage(l)}
        >
          <span class="su-lang-long">{t(`app.language.${l}`)}</span>
          <span class="su-lang-short" aria-hidden="true">
            {SHORT_NAME[l]}
          </span>
        </button>
      ))}
    </div>
  );
}
