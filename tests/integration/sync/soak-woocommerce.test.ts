// Soak of the WooCommerce connector against its emulator (issue 14, "Soak"; the checks: soak-spec.ts).
import { describeSoak } from './soak-spec.js';

describeSoak('woocommerce', 'WooCommerce', 140_002);
