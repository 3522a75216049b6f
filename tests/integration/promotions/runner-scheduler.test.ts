// The promotion scheduler: a pass right after start, then every 30 s, one pass per burst of
// pokes, errors logged without stopping the ticks, nothing after stop(). And the core: with
// background work off (benchmarks, some tests) a due promotion is left alone.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from '../../../src/db/migrate.js';
import { openDatabase } from '../../../src/db/open.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { openShopDatabase } from '../../../src/shop/database.js';
import { promotionTickMs, startPromotionScheduler } from '../../../src/promotions/scheduler.js';
import { removeTempDirs, tempDir, testCore, testNow } from '../temp-shop.js';

afterEach(() => {
  vi.useRealTimers();
  removeTempDirs();
});

describe('startPromotionScheduler', () => {
  it('runs at start, every 30 s and once per burst of pokes; logs errors and keeps going; stops', () => {
    vi.useFakeTimers();
    let passes = 0;
    const errors: unknown[] = [];
    const scheduler = startPromotionScheduler({
      advance: () => {
        passes += 1;
        if (passes === 2) throw new Error('database busy');
      },
      logError: (error) => errors.push(error),
    });
    expect(passes).toBe(0); // never inside the caller's turn
    vi.advanceTimersByTime(1);
    expect(passes).toBe(1);

    vi.advanceTimersByTime(promotionTickMs - 2);
    expect(passes).toBe(1);
    vi.advanceTimersByTime(1);
    expect(passes).toBe(2);
    expect(errors).toHaveLength(1);

    scheduler.poke();
    scheduler.poke();
    scheduler.poke();
    vi.advanceTimersByTime(1);
    expect(passes).toBe(3);

    vi.advanceTimersByTime(promotionTickMs);
    expect(passes).toBe(4);

    scheduler.poke();
    scheduler.stop();
    vi.advanceTimersByTime(10 * promotionTickMs);
    expect(passes).toBe(4);
  });
});

describe('the core’s promotion scheduler', () => {
  it('leaves a due promotion alone when background work is off', async () => {
    const path = join(tempDir(), 'shop.db');
    const shop = openShopDatabase({ path, migrations: loadMigrations(defaultMigrationsDir()), clock: fixedClock(testNow) });
    shop.settingsStore.insert({ name: 'Test shop', currency: 'USD', timeZone: 'UTC', locale: 'en' }, testNow);
    shop.db
      .prepare(
        `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, rule, created_at, updated_at)
         VALUES (1, 'Due', 'percent_off', 'scheduled', '2026-11-20T09:00:00.000Z', '2026-11-20T12:00:00.000Z', '{"type":"percent_off","percentOffBp":1000}', ?, ?)`,
      )
      .run(testNow, testNow);
    shop.db.close();

    const quiet = testCore({ dbPath: path, background: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await quiet.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT status FROM promotions WHERE id = 1').get()).toEqual({ status: 'scheduled' });
    db.close();

    const core = testCore({ dbPath: path });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await core.close();
    const after = openDatabase(path);
    expect(after.prepare('SELECT status, started_at AS startedAt FROM promotions WHERE id = 1').get()).toEqual({ status: 'running', startedAt: testNow });
    after.close();
  });
});
