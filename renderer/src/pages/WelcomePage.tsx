// First screen while no shop exists: open the demo shop (a job with progress)
// or create an empty shop. The App switches to the shell when the core says
// the shop is ready ('shop.changed' or a fresh shop.status).
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Locale } from '../../../src/settings/contract.js';
import { ApiError, toApiError } from '../api/api-error.js';
import { call } from '../api/client.js';
import { useJobs } from '../app/jobs-context.js';
import { JobLine } from '../components/JobLine.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { fieldErrorsFrom, ShopFields, type FieldErrors, type ShopFieldValues } from '../components/fields.js';
import { useToasts } from '../components/toasts.js';
import { useI18n } from '../i18n/context.js';
import { browserFacts, proposeShopDefaults } from './welcome-defaults.js';

export function WelcomePage(props: { onLocaleChange: (locale: Locale) => void; onReady: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { showError } = useToasts();
  const jobs = useJobs();
  const [demoJobId, setDemoJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [values, setValues] = useState<ShopFieldValues>(() => ({ name: '', ...proposeShopDefaults(locale, browserFacts()), locale }));
  // Currency and time zone follow the chosen language until the person picks one themselves.
  const chosen = useRef({ currency: false, timeZone: false });
  const withLanguage = (current: ShopFieldValues, next: Locale): ShopFieldValues => {
    const proposal = proposeShopDefaults(next, browserFacts());
    return {
      ...current,
      locale: next,
      currency: chosen.current.currency ? current.currency : proposal.currency,
      timeZone: chosen.current.timeZone ? current.timeZone : proposal.timeZone,
    };
  };
  const changeFields = (next: ShopFieldValues): void => {
    if (next.currency !== values.currency) chosen.current.currency = true;
    if (next.timeZone !== values.timeZone) chosen.current.timeZone = true;
    setValues(next.locale !== values.locale ? withLanguage(next, next.locale) : next);
  };

  // A demo job already running (e.g. started in another window) is shown too.
  const demoJob = jobs.find((job) => job.id === demoJobId) ?? jobs.find((job) => job.kind === 'demoGenerate' && job.status === 'running');
  const busy = starting || creating || demoJob?.status === 'running';

  const openDemo = async (): Promise<void> => {
    setStarting(true);
    try {
      const { jobId } = await call('shop.createDemo', { size: 'small', locale });
      setDemoJobId(jobId);
    } catch (error) {
      showError(error);
    } finally {
      setStarting(false);
    }
  };

  const createEmpty = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setCreating(true);
    setErrors({});
    try {
      await call('shop.createEmpty', values);
      props.onReady();
    } catch (error) {
      const apiError = toApiError(error);
      setErrors(fieldErrorsFrom(apiError.issues));
      showError(apiError);
    } finally {
      setCreating(false);
    }
  };

  const { onReady } = props;
  const ownJob = demoJobId === null ? undefined : jobs.find((job) => job.id === demoJobId);
  useEffect(() => {
    if (!ownJob || ownJob.status === 'running') return;
    setDemoJobId(null);
    if (ownJob.status === 'succeeded') onReady();
    // Failed or cancelled: say so once, then offer the choices again.
    else if (ownJob.error) showError(ApiError.fromShape(ownJob.error));
  }, [ownJob, onReady, showError]);

  return (
    <div className="welcome">
      <header className="welcome-top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch
          onChange={(next) => {
            props.onLocaleChange(next);
            setValues((current) => withLanguage(current, next));
          }}
        />
      </header>
      <main className="welcome-main" id="main">
        <h1>{t('welcome.title')}</h1>
        <p className="welcome-lede">{t('welcome.line1')}</p>
        <p className="welcome-lede">{t('welcome.line2')}</p>
        <div className="welcome-cards">
          <section className="card welcome-demo">
            <h2>{t('welcome.demo.title')}</h2>
            <p className="muted">{t('welcome.demo.body')}</p>
            {demoJob?.status === 'running' ? (
              <div data-testid="demo-progress">
                <JobLine job={demoJob} />
              </div>
            ) : (
              <button type="button" className="button button-primary button-large" disabled={busy} onClick={() => void openDemo()}>
                {starting ? t('welcome.demo.working') : t('welcome.demo.button')}
              </button>
            )}
          </section>
          <div className="welcome-or" aria-hidden="true">
            {t('welcome.or')}
          </div>
          <form className="card welcome-empty" onSubmit={(event) => void createEmpty(event)} noValidate>
            <h2>{t('welcome.empty.title')}</h2>
            <p className="muted">{t('welcome.empty.body')}</p>
            <ShopFields values={values} errors={errors} onChange={changeFields} disabled={busy} />
            <button type="submit" className="button" disabled={busy}>
              {creating ? t('welcome.empty.working') : t('welcome.empty.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
