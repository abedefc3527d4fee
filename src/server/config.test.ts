import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustProxy } from './config.js';

describe('CIRCULO_TRUST_PROXY', () => {
  it.each([
    { raw: '', trust: false },
    { raw: 'false', trust: false },
    { raw: 'true', trust: true },
    { raw: '1', trust: 1 },
    { raw: '2', trust: 2 },
    { raw: '10.0.0.1', trust: ['10.0.0.1'] },
    { raw: '10.0.0.0/8, 192.168.1.10', trust: ['10.0.0.0/8', '192.168.1.10'] },
    { raw: '::1,fd00::/8', trust: ['::1', 'fd00::/8'] },
    { raw: 'yes', trust: null },
    { raw: '10.0.0.0/33', trust: null },
    { raw: 'proxy.internal', trust: null },
    { raw: '10.0.0.1,', trust: null },
  ])('$raw → $trust', ({ raw, trust }) => {
    expect(parseTrustProxy(raw)).toEqual(trust);
  });

  it('is off by default and refuses a value it does not understand, saying what it takes', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CIRCULO_TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(() => loadConfig({ CIRCULO_TRUST_PROXY: 'sometimes' })).toThrow(ConfigError);
    expect(() => loadConfig({ CIRCULO_TRUST_PROXY: 'sometimes' })).toThrow(/CIRCULO_TRUST_PROXY: must be true, false, a hop count/);
  });
});
