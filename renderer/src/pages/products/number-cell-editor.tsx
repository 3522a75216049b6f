// The editor of the Products grid's number cells: a plain text input, so what
// the person types (12,50, ¥59, letters) reaches the one number reader as typed
// and is asked about or refused with a reason — a number input would drop
// letters and commas silently. The value starts written in the shop's own
// decimal mark (12,50 in a comma shop), so opening and leaving a cell changes
// nothing.
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { VariantRow } from '../../../../src/catalog/contract.js';
import { useNumberInput } from '../../components/number-field.js';

export function NumberCellEditor(props: CustomCellEditorProps<VariantRow, number | string> & { decimals?: number }): ReactNode {
  const numbers = useNumberInput();
  const { eventKey, initialValue, onValueChange, decimals } = props;
  const typedFirst = eventKey !== null && eventKey.length === 1;
  const [value, setValue] = useState(() => {
    if (eventKey === 'Backspace' || eventKey === 'Delete') return '';
    if (typedFirst) return eventKey;
    return typeof initialValue === 'number' ? numbers.write(initialValue, decimals) : (initialValue ?? '');
  });
  const input = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    // Started by typing or clearing: that is already a new value for the grid.
    if (typedFirst || value === '') onValueChange(value);
    const node = input.current;
    if (!node) return;
    node.focus();
    if (typedFirst) node.setSelectionRange(value.length, value.length);
    else node.select();
  }, []); // once, when the editor opens

  return (
    <input
      ref={input}
      className="ag-input-field-input ag-text-field-input number-cell-editor"
      type="text"
      inputMode={decimals === 0 ? 'numeric' : 'decimal'}
      aria-label={props.colDef.headerName}
      value={value}
      onChange={(event) => {
        setValue(event.target.value);
        onValueChange(event.target.value);
      }}
    />
  );
}
