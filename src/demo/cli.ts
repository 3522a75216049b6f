// npm run demo -- --size large --out <file> [--seed N] [--locale zh-CN]
// Generates a demo shop database file and prints progress and a summary.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildingPath } from '../shop/demo-job.js';
import { generateDemoShop, type DemoPhase } from './generate.js';

const usage = 'Usage: npm run demo -- --size small|large --out <file> [--seed N] [--locale en|zh-CN] [--now ISO-date] [--scale 1..4 (large only)]';

interface CliArgs {
  size: 'small' | 'large';
  out: string;
  seed: number;
  locale: 'en' | 'zh-CN';
  now: Date;
  scale: number;
}

function parse(argv: string[]): CliArgs | string {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i] ?? '';
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined || value.startsWith('--')) return `Bad argument: ${key}`;
    values.set(key.slice(2), value);
    i++;
  }
  for (const key of values.keys()) {
    if (!['size', 'out', 'seed', 'locale', 'now', 'scale'].includes(key)) return `Unknown option --${key}`;
  }
  const size = values.get('size') ?? 'small';
  if (size !== 'small' && size !== 'large') return `--size must be small or large, got ${size}`;
  const out = values.get('out');
  if (!out) return '--out <file> is required';
  const seedText = values.get('seed') ?? '20260101';
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || seed < 1 || seed > 2_147_483_647) return `--seed must be an integer 1..2147483647, got ${seedText}`;
  const locale = values.get('locale') ?? 'en';
  if (locale !== 'en' && locale !== 'zh-CN') return `--locale must be en or zh-CN, got ${locale}`;
  // "now" defaults to the current time; pass --now for a reproducible file.
  const now = values.has('now') ? new Date(values.get('now') ?? '') : new Date();
  if (Number.isNaN(now.getTime())) return `--now must be an ISO date, got ${values.get('now') ?? ''}`;
  // N × the orders, lines and customers of the large shop on the same catalogue (benchmark curves).
  const scaleText = values.get('scale') ?? '1';
  const scale = Number(scaleText);
  if (!/^[1-4]$/.test(scaleText)) return `--scale must be an integer 1..4, got ${scaleText}`;
  if (scale > 1 && size !== 'large') return '--scale above 1 is for --size large only';
  return { size, out: resolve(out), seed, locale, now, scale };
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\n${usage}`);
    return 1;
  }
  if (existsSync(args.out)) {
    console.error(`${args.out} already exists; choose a new file name.`);
    return 1;
  }
  let lastPhase: DemoPhase | null = null;
  let lastPrint = 0;
  // Built beside the target and renamed at the end (as the in-app demo job does): a run killed
  // half way leaves no valid-looking half shop at --out, only a .demo-building file the next run replaces.
  const building = buildingPath(args.out);
  const removeBuilding = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${building}${suffix}`, { force: true });
  };
  removeBuilding();
  const summary = await generateDemoShop({
    path: building, size: args.size, seed: args.seed, locale: args.locale, now: args.now, scale: args.scale,
    onProgress: (phase, done, total) => {
      const t = Date.now();
      if (phase === lastPhase && t - lastPrint < 1000 && done < total) return;
      lastPhase = phase;
      lastPrint = t;
      console.log(`${phase.padEnd(9)} ${done}/${total}`);
    },
  });
  if (existsSync(args.out)) {
    removeBuilding();
    console.error(`${args.out} appeared while the demo shop was being built; it was left alone.`);
    return 1;
  }
  renameSync(building, args.out);
  removeBuilding();
  console.log(`Demo shop (${args.size}${args.scale > 1 ? ` ×${args.scale}` : ''}, seed ${args.seed}, ${args.locale}) written to ${args.out}`);
  for (const [key, value] of Object.entries(summary)) console.log(`  ${key.padEnd(10)} ${value}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
