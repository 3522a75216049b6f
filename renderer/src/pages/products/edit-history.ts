// Undo / redo of the grid's own changes in this window. Each step is one
// change set in the core: undo asks the core to undo that set (it refuses,
// with a report, when a later change touched the same fields); redo applies
// the same change again, which makes a new change set. The shortcuts work
// anywhere on the page (useHistoryShortcuts).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useUndoConfirm } from '../undo-confirm.js';

export type Redo =
  | { kind: 'edits'; input: MethodInput<'variants.bulkUpdate'> }
  | { kind: 'action'; input: MethodInput<'variants.bulkAction'> };

interface Step {
  changeSetId: number;
  redo: Redo;
}

export function useEditHistory(onChanged: () => void, onError: (error: unknown) => void) {
  const [undoStack, setUndoStack] = useState<Step[]>([]);
  const [redoStack, setRedoStack] = useState<Redo[]>([]);
  const confirmUndo = useUndoConfirm();

  const run = useCallback(
    async (redo: Redo): Promise<number | null> => {
      const answer = redo.kind === 'edits' ? await call('variants.bulkUpdate', redo.input) : await call('variants.bulkAction', redo.input);
      if (answer.changeSetId !== null) {
        const changeSetId = answer.changeSetId;
        setUndoStack((stack) => [...stack, { changeSetId, redo }]);
      }
      onChanged();
      return answer.changed;
    },
    [onChanged],
  );

  /** Applies a change as a new step; clears redo, as editors do. */
  const apply = useCallback(
    async (redo: Redo): Promise<number | null> => {
      try {
        const changed = await run(redo);
        setRedoStack([]);
        return changed;
      } catch (error) {
        onError(error);
        onChanged(); // show the values the core kept
        return null;
      }
    },
    [run, onError, onChanged],
  );

  const undo = useCallback(async () => {
    const step = undoStack.at(-1);
    if (!step) return;
    try {
      // A large set (a bulk action, a big paste) says what it puts back and asks first.
      if (!(await confirmUndo(step.changeSetId, 'large'))) return;
      await call('history.undo', { changeSetId: step.changeSetId });
      setUndoStack((stack) => stack.slice(0, -1));
      setRedoStack((stack) => [...stack, step.redo]);
      onChanged();
    } catch (error) {
      onError(error);
    }
  }, [undoStack, onChanged, onError, confirmUndo]);

  const redo = useCallback(async () => {
    const next = redoStack.at(-1);
    if (!next) return;
    try {
      await run(next);
      setRedoStack((stack) => stack.slice(0, -1));
    } catch (error) {
      onError(error);
    }
  }, [redoStack, run, onError]);

  return { apply, undo, redo, canUndo: undoStack.length > 0, canRedo: redoStack.length > 0 };
}

/** Text the person is typing into: its own Ctrl+Z undoes their typing, not a saved change. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl+Y or Ctrl/Cmd+Shift+Z redoes, wherever focus is on the page — on a
 * grid cell, a toolbar button just clicked, or nowhere — but not while typing in a text field
 * (a cell editor, the search box, a filter) and not behind an open dialog.
 */
export function useHistoryShortcuts(history: { undo: () => Promise<void>; redo: () => Promise<void> }): void {
  const latest = useRef(history);
  latest.current = history;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      const undo = key === 'z' && !event.shiftKey;
      const redo = (key === 'z' && event.shiftKey) || key === 'y';
      if ((!undo && !redo) || isTextEntry(event.target) || document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      void (undo ? latest.current.undo() : latest.current.redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
