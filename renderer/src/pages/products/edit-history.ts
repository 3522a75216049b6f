// Undo / redo of the grid's own changes in this window. Each step is one
// change set in the core: undo asks the core to undo that set (it refuses,
// with a report, when a later change touched the same fields); redo applies
// the same change again, which makes a new change set.
import { useCallback, useState } from 'react';
import type { MethodInput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';

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
      await call('history.undo', { changeSetId: step.changeSetId });
      setUndoStack((stack) => stack.slice(0, -1));
      setRedoStack((stack) => [...stack, step.redo]);
      onChanged();
    } catch (error) {
      onError(error);
    }
  }, [undoStack, onChanged, onError]);

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
