// Soak of the Shopify connector against its emulator (issue 14, "Soak"; the checks: soak-spec.ts).
import { describeSoak } from './soak-spec.js';

describeSoak('shopify', 'Shopify', 140_001);
