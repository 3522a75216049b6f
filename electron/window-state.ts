// Remembers the window's bounds and maximized state between runs in
// userData/window-state.json. The file is user-writable, so it is validated on
// read and any problem simply means "use the defaults".
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultSize = { width: 1400, height: 900 } as const;

/** How much of the window must be on a display for the saved position to count. */
const minVisible = 100;

function visibleOnSomeDisplay(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea }) => {
    const overlapX = Math.min(bounds.x + bounds.width, workArea.x + workArea.width) - Math.max(bounds.x, workArea.x);
    const overlapY = Math.min(bounds.y + bounds.height, workArea.y + workArea.height) - Math.max(bounds.y, workArea.y);
    // The top edge (title bar) must also be on this display, or the window cannot be dragged back.
    const topOnDisplay = bounds.y >= workArea.y && bounds.y < workArea.y + workArea.height;
    return overlapX >= minVisible && overlapY >= minVisible && topOnDisplay;
  });
}

/** The saved state, or undefined when missing, invalid, or off every current display (monitor unplugged). */
export function loadWindowState(file: string): WindowState | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = windowStateSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  return visibleOnSomeDisplay(parsed.data) ? parsed.data : undefined;
}

function saveWindowState(file: string, window: BrowserWindow): void {
  if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
  // Normal bounds, so a maximized window restores to where it was before.
  const bounds = window.getNormalBounds();
  const state: WindowState = { ...bounds, isMaximized: window.isMaximized() };
  try {
    // Write then rename, so a crash mid-write never leaves half a file.
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
  } catch (error) {
    // Losing the window position is not worth interrupting the user for.
    console.error('Could not save the window state:', error);
  }
}

/** Saves on move/resize (debounced: these fire many times per drag) and on close. */
export function trackWindowState(file: string, window: BrowserWindow, delayMs = 500): void {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      saveWindowState(file, window);
    }, delayMs);
  };
  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    saveWindowState(file, window);
  });
}
