// A select over things with ids (locations, suppliers, categories): the one
// dropdown every form here uses, with an optional "none" choice.
import type { ReactNode } from 'react';

export function IdSelect<T extends { id: number }>(props: {
  value: number | null;
  onChange: (id: number | null) => void;
  options: readonly T[];
  label: (option: T) => string;
  /** Offers "none" (null) first, with this text. */
  noneLabel?: string;
  testId?: string;
  ariaLabel?: string;
  disabled?: boolean;
}): ReactNode {
  return (
    <select
      value={props.value ?? ''}
      onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : null)}
      data-testid={props.testId}
      aria-label={props.ariaLabel}
      disabled={props.disabled}
    >
      {props.noneLabel !== undefined ? <option value="">{props.noneLabel}</option> : null}
      {props.options.map((option) => (
        <option key={option.id} value={option.id}>
          {props.label(option)}
        </option>
      ))}
    </select>
  );
}
