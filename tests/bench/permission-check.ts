// Issue 17: what the permission check costs. Every call now passes the router's guard
// (who is calling, the method's permission, the input's extra permissions, cost figures
// blanked for people without costs.view). Measured three ways on the large shop:
//   - the guard alone, per call (resolve the caller + admit + present), in a tight loop;
//   - the Products grid's first page and the dashboard load as the owner and as Staff
//     (Staff's answers have their cost figures blanked), beside each other.
// The check must not move the grid or dashboard figures by more than 5 %.
import { performance } from 'node:perf_hooks';
import type { Core } from '../../src/core.js';
import type { MethodInput, MethodName } from '../../src/contract.js';
import { openDatabase } from '../../src/db/open.js';
import { systemClock } from '../../src/shared/clock.js';
import { createCallGuard } from '../../src/team/guard.js';
import { createTeamRuntime } from '../../src/team/team-runtime.js';
import type { Via } from '../../src/team/via.js';
import { ms, printTable, timeOnce } from './measure.js';

export interface PermissionFigures {
  guardUsPerCall: { owner: number; staff: number };
  grid: { owner: number; staff: number };
  dashboard: { owner: number; staff: number };
}

const staffLogin = 'bench-staff';
const staffPassword = 'bench staff password';

async function staffVia(core: Core): Promise<Via> {
  // Created once in the bench shop; later runs reuse the person.
  const listed = (await callOk(core, 'team.people.list', {})) as { people: { login: string }[] };
  const exists = listed.people.some((person) => person.login === staffLogin);
  if (!exists) {
    const created = await core.call('team.people.create', { name: 'Bench staff', login: staffLogin, roleId: 3, password: staffPassword });
    if (!created.ok) throw new Error(created.error.message);
  }
  const via: Via = { origin: 'serve', setSession: (token) => (via.session = token ?? undefined) };
  const signedIn = await core.call('team.signIn', { login: staffLogin, password: staffPassword }, via);
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return via;
}

async function callOk<M extends MethodName>(core: Core, method: M, input: MethodInput<M>, via?: Via): Promise<unknown> {
  const answer = await core.call(method, input, via);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value;
}

/** Medians of owner and Staff runs taken in turn, so the page cache and the rollups favour neither. */
async function alternating(owner: () => Promise<unknown>, staff: () => Promise<unknown>, runs: number): Promise<{ owner: number; staff: number }> {
  await owner();
  await staff();
  const times = { owner: [] as number[], staff: [] as number[] };
  for (let i = 0; i < runs; i += 1) {
    times.owner.push(await timeOnce(owner));
    times.staff.push(await timeOnce(staff));
  }
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { owner: mid(times.owner), staff: mid(times.staff) };
}

export async function benchPermissionCheck(core: Core, today: string): Promise<PermissionFigures> {
  const staff = await staffVia(core);
  const firstPage = { offset: 0, limit: 100, sort: [], filters: {}, quickSearch: '', incompleteOnly: false };
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const last30 = { from: day(-29), to: today };
  const dashboard = async (via?: Via) => {
    await callOk(core, 'analytics.kpis', last30, via);
    await callOk(core, 'analytics.salesSeries', { ...last30, granularity: 'day' }, via);
    await callOk(core, 'analytics.forecast', { scope: { kind: 'shop' }, today, horizonDays: 14 }, via);
    await callOk(core, 'analytics.salesMix', last30, via);
  };
  const grid = await alternating(() => callOk(core, 'products.list', firstPage), () => callOk(core, 'products.list', firstPage, staff), 15);
  const board = await alternating(() => dashboard(), () => dashboard(staff), 7);

  // The guard alone, on its own connection to the same file (signing in writes the time): a
  // products.list page answer to blank.
  const db = openDatabase(core.dbPath);
  const team = createTeamRuntime({ db: () => db, clock: systemClock });
  const guard = createCallGuard(team);
  const page = await callOk(core, 'products.list', firstPage);
  const perCall = (via: Via | null): number => {
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) {
      const caller = guard.caller('products.list', via);
      guard.admit('products.list', caller, firstPage, firstPage);
      guard.present('products.list', caller, page);
    }
    return ((performance.now() - start) / runs) * 1000;
  };
  // The Staff session lives in the bench core's runtime; on this one Staff is a fresh sign-in.
  const staffHere: Via = { origin: 'serve', setSession: (token) => (staffHere.session = token ?? undefined) };
  await team.signIn(staffLogin, staffPassword, staffHere);
  const guardUs = { owner: perCall(null), staff: perCall(staffHere) };
  db.close();

  printTable('Permission check (issue 17), large shop', ['what', 'owner', 'Staff (costs blanked)', 'difference'], [
    ['guard alone, per call (products.list page of 100)', `${guardUs.owner.toFixed(1)} µs`, `${guardUs.staff.toFixed(1)} µs`, '-'],
    ['Products grid, first page (warm)', ms(grid.owner), ms(grid.staff), `${(((grid.staff - grid.owner) / grid.owner) * 100).toFixed(1)} %`],
    ['dashboard load (KPIs, trend, forecast, mix)', ms(board.owner), ms(board.staff), `${(((board.staff - board.owner) / board.owner) * 100).toFixed(1)} %`],
    ['guard share of the grid page (owner)', `${((guardUs.owner / 1000 / grid.owner) * 100).toFixed(2)} %`, `${((guardUs.staff / 1000 / grid.staff) * 100).toFixed(2)} %`, '<= 5 %'],
  ]);
  return { guardUsPerCall: guardUs, grid, dashboard: board };
}
