// The router, the envelope and the shop/settings methods, through core.call as every face uses it.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations } from '../../src/db/migrate.js';
import { failure, ok, removeTempDirs, testCore } from './temp-shop.js';

afterEach(removeTempDirs);

const shop = { name: 'Lotus Tea House', currency: 'CNY', timeZone: 'Asia/Shanghai', locale: 'zh-CN' } as const;

describe('contract and router', () => {
  it('answers an unknown method with UNKNOWN_METHOD, not an exception', async () => {
    const core = testCore();
    const error = await failure(core, 'products.explode', {});
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.details.params).toEqual({ method: 'products.explode' });
    await core.close();
  });

  it('names every invalid field with a translatable key', async () => {
    const core = testCore();
    const error = await failure(core, 'shop.createEmpty', { name: '  ', currency: 'XXQ', timeZone: 'Mars/Olympus', locale: 'fr' });
    expect(error.code).toBe('VALIDATION');
    const byPath = Object.fromEntries((error.details.issues ?? []).map((issue) => [issue.path, issue.key]));
    expect(byPath).toMatchObject({ name: 'required', currency: 'currencyUnknown', timeZone: 'timeZoneUnknown' });
    expect(byPath.locale).toBeDefined();
    await core.close();
  });

  it('refuses shop methods until a shop exists, then creates exactly one', async () => {
    const core = testCore();
    expect((await ok(core, 'shop.status', {})).ready).toBe(false);
    expect((await failure(core, 'settings.get', {})).code).toBe('SHOP_NOT_READY');
    expect((await failure(core, 'products.list', {})).code).toBe('SHOP_NOT_READY');

    const events: string[] = [];
    core.on((event) => events.push(event.name));
    const created = await ok(core, 'shop.createEmpty', shop);
    expect(created).toMatchObject({ ...shop, isDemo: false });
    expect(events).toContain('shop.changed');
    const status = await ok(core, 'shop.status', {});
    expect(status).toMatchObject({ ready: true, schemaVersion: loadMigrations(defaultMigrationsDir()).length });
    expect((await failure(core, 'shop.createEmpty', shop)).code).toBe('CONFLICT');
    expect((await failure(core, 'shop.createDemo', { size: 'small' })).code).toBe('CONFLICT');
    expect(await ok(core, 'products.list', {})).toEqual({ rows: [], total: 0 });
    await core.close();
  });

  it('updates only the settings given, and keeps them across a restart', async () => {
    const first = testCore();
    await ok(first, 'shop.createEmpty', shop);
    const updated = await ok(first, 'settings.update', { name: 'Lotus Tea', locale: 'en' });
    expect(updated).toMatchObject({ name: 'Lotus Tea', locale: 'en', currency: 'CNY', timeZone: 'Asia/Shanghai' });
    expect((await failure(first, 'settings.update', { currency: 'DOLLARS' })).details.issues?.[0]).toMatchObject({
      path: 'currency',
      key: 'currencyUnknown',
    });
    await first.close();

    const second = testCore({ dbPath: first.dbPath });
    expect(await ok(second, 'settings.get', {})).toMatchObject({ name: 'Lotus Tea', locale: 'en', currency: 'CNY' });
    await second.close();
  });

  it('reports an unexpected failure as INTERNAL without its stack', async () => {
    const logged: unknown[] = [];
    const core = testCore({ logError: (error) => logged.push(error) });
    await ok(core, 'shop.createEmpty', shop);
    // Break the database under the core: the next query throws a raw SQLite error.
    const { openDatabase } = await import('../../src/db/open.js');
    const db = openDatabase(core.dbPath);
    db.exec('DROP TABLE order_lines; DROP TABLE return_lines; DROP TABLE returns; DROP TABLE orders; DROP TABLE stock_movements; DROP TABLE stock_levels; DROP TABLE supplier_items; DROP TABLE product_tags; DROP TABLE variants');
    db.close();
    const error = await failure(core, 'products.list', {});
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toMatch(/variants|at .*\.ts/);
    expect(logged).toHaveLength(1);
    await core.close();
  });
});
