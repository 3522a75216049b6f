// Period presets as chips; every analytics page uses the same ones.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';
import { presets, type Preset } from './period.js';

export function PeriodPicker({ value, onChange }: { value: Preset; onChange: (preset: Preset) => void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="chips" role="group" aria-label={t('analytics.period')}>
      {presets.map((name) => (
        <button key={name} type="button" className={name === value ? 'chip active' : 'chip'} onClick={() => onChange(name)} data-testid={`period-${name}`}>
          {t(`analytics.preset.${name}`)}
        </button>
      ))}
    </div>
  );
}
