// The console picker (/console/): which console does what, in the reader's language.
import '../../static/console.css';
import { render } from 'preact';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { pickLanguage, type MessageId } from '../i18n/i18n';

const CONSOLES: Array<[string, MessageId, MessageId]> = [
  ['chair', 'console.chair', 'index.chair'], ['delegate', 'console.delegate', 'index.delegate'], ['viewer', 'console.viewer', 'index.viewer'],
  ['moderator', 'console.moderator', 'index.moderator'], ['secretariat', 'console.secretariat', 'index.secretariat'], ['display', 'console.display', 'index.display'],
];

function Index() {
  const { t } = useI18n();
  document.title = `${t('index.title')} — Rostrum`;
  return (
    <>
      <header class="bar"><p class="brand"><strong>Rostrum</strong></p></header>
      <main id="main">
        <h1>{t('index.title')}</h1>
        <section class="card" aria-labelledby="pick-h">
          <h2 id="pick-h">{t('index.pick')}</h2>
          <ul class="plain">
            {CONSOLES.map(([href, name, what]) => <li key={href}><a href={href}>{t(name)}</a> — {t(what)}</li>)}
          </ul>
          <p>{t('index.tokens')}</p>
        </section>
      </main>
    </>
  );
}

render(<I18nProvider lang={pickLanguage(location.search, navigator.languages ?? [navigator.language])}><Index /></I18nProvider>, document.getElementById('root')!);
