import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Connector, ConnectorFactory } from '../../../src/sync/connector.js';
import { ConnectorError } from '../../../src/sync/connector.js';
import { createConnectorRegistry } from '../../../src/sync/connector-registry.js';

function factory(kind: string): ConnectorFactory {
  return {
    kind,
    settingsSchema: z.object({}),
    credentialsSchema: z.object({}),
    create(): Connector {
      throw new Error('not needed here');
    },
  };
}

describe('connector registry', () => {
  it('finds a registered kind and answers undefined for channels without a connector', () => {
    const registry = createConnectorRegistry([factory('woocommerce'), factory('amazon-sp')]);
    expect(registry.get('woocommerce')?.kind).toBe('woocommerce');
    expect(registry.get('pos')).toBeUndefined();
    expect(registry.kinds()).toEqual(['amazon-sp', 'woocommerce']);
  });

  it('refuses a second connector for a kind and malformed kind names', () => {
    const registry = createConnectorRegistry([factory('shopify')]);
    expect(() => registry.register(factory('shopify'))).toThrow(/already registered/);
    expect(() => registry.register(factory('Shop Ify'))).toThrow(/lower-case/);
  });
});

describe('connector errors', () => {
  it('marks throttling, 5xx and timeouts retryable, and bad credentials not', () => {
    const reason = { key: 'x', params: {} };
    expect(new ConnectorError('rate_limited', reason, { retryAfterMs: 2000 }).retryable).toBe(true);
    expect(new ConnectorError('transient', reason).retryable).toBe(true);
    expect(new ConnectorError('timeout', reason).retryable).toBe(true);
    expect(new ConnectorError('auth', reason).retryable).toBe(false);
    expect(new ConnectorError('invalid_answer', reason).retryable).toBe(false);
  });
});
