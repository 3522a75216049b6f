// A chart legend in the reader's language. Recharts' own legend labels each
// swatch "<series> legend icon" in English for screen readers; this one shows
// the translated series name with its colour and nothing else to read.
import type { ReactNode } from 'react';
import type { LegendPayload } from 'recharts';

export function ChartLegend(props: { payload?: readonly LegendPayload[]; name: (key: string) => string }): ReactNode {
  return (
    <ul className="chart-legend">
      {(props.payload ?? []).map((entry) => {
        const key = entry.value ?? '';
        return (
          <li key={key}>
            <span className="chart-legend-swatch" style={{ background: entry.color }} aria-hidden="true" />
            {props.name(key)}
          </li>
        );
      })}
    </ul>
  );
}
