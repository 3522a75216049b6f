// Which connector kinds exist. The engine looks a channel's `platform` up here; adding a
// platform means registering its factory, nothing else in the engine changes.
import type { ConnectorFactory } from './connector.js';
import { shopifyConnectorFactory } from './connectors/shopify/index.js';
import { vendureConnectorFactory } from './connectors/vendure/connector.js';
import { wooConnectorFactory } from './connectors/woocommerce/connector.js';

export interface ConnectorRegistry {
  register(factory: ConnectorFactory): void;
  /** The factory for a kind, or undefined when no connector exists for it (POS, manual channels). */
  get(kind: string): ConnectorFactory | undefined;
  kinds(): string[];
}

export function createConnectorRegistry(factories: readonly ConnectorFactory[] = []): ConnectorRegistry {
  const byKind = new Map<string, ConnectorFactory>();
  const registry: ConnectorRegistry = {
    register(factory) {
      if (!/^[a-z][a-z0-9_-]*$/.test(factory.kind)) throw new Error(`Connector kind "${factory.kind}" must be lower-case letters, digits, - or _`);
      if (byKind.has(factory.kind)) throw new Error(`A connector for "${factory.kind}" is already registered`);
      byKind.set(factory.kind, factory);
    },
    get: (kind) => byKind.get(kind),
    kinds: () => [...byKind.keys()].sort(),
  };
  for (const factory of factories) registry.register(factory);
  return registry;
}

/** Every connector Shopdesk ships; the engine builds its registry from this list. */
export const builtInConnectorFactories: readonly ConnectorFactory[] = [
  shopifyConnectorFactory as ConnectorFactory,
  vendureConnectorFactory as ConnectorFactory,
  wooConnectorFactory as ConnectorFactory,
];
