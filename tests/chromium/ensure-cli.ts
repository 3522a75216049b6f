// `tsx tests/chromium/ensure-cli.ts`: the first step of `npm run test:e2e`.
import { playwrightChromium } from '../chromium-options.js';
import { ensureChromium } from './ensure-chromium.js';
import { machineLookup } from './find-chromium.js';

const path = ensureChromium(machineLookup(playwrightChromium));
console.log(`[e2e] Chromium: ${path}`);
