// A row of radio buttons under a legend: one choice of a few (scope, stacking, how a price is
// given…), the same markup wherever the editor asks one.
import type { ReactNode } from 'react';

export function ChoiceGroup<K extends string>(props: {
  legend: string;
  choices: readonly K[];
  value: K;
  onChange: (choice: K) => void;
  label: (choice: K) => string;
  testId?: (choice: K) => string;
  disabled?: boolean;
}): ReactNode {
  return (
    <fieldset className="choice-group" disabled={props.disabled}>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice}>
          <input type="radio" checked={props.value === choice} onChange={() => props.onChange(choice)} data-testid={props.testId?.(choice)} /> {props.label(choice)}
        </label>
      ))}
    </fieldset>
  );
}
