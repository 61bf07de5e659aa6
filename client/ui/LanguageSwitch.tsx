/** 한국어 | English: switches every text at once, without a reload, and is remembered. */
import { LANGUAGES, setLanguage } from '../i18n';
import { useT } from './hooks';

export function LanguageSwitch() {
  const { t, lang } = useT();
  return (
    <div class="su-lang" role="group" aria-label={t('app.language.label')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" class="su-btn su-lang-btn" lang={l} aria-pressed={lang === l} onClick={() => setLanguage(l)}>
          {t(`app.language.${l}`)}
        </button>
      ))}
    </div>
  );
}
