// A fake QRadar console for one test file: started before its tests, closed after them, and an
// environment that points qcase at it.
import { afterAll, beforeAll } from '@jest/globals';
import { makeCerts, type TestCerts } from './certs.js';
import { startFakeQRadar, type FakeQRadar } from './fake-qradar.js';
import { cleanEnv } from './run.js';

export interface TestConsole {
  readonly certs: TestCerts;
  readonly server: FakeQRadar;
  /** QRADAR_HOST, QRADAR_SEC_TOKEN and QRADAR_CA_BUNDLE for the server, over a clean environment. */
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
}

export function useConsole(): TestConsole {
  let certs: TestCerts | undefined;
  let server: FakeQRadar | undefined;
  beforeAll(async () => {
    certs = makeCerts();
    server = await startFakeQRadar(certs.server);
  });
  afterAll(() => server?.close());
  return {
    get certs() {
      return certs!;
    },
    get server() {
      return server!;
    },
    env: (extra = {}) => cleanEnv({ QRADAR_HOST: server!.url, QRADAR_SEC_TOKEN: server!.token, QRADAR_CA_BUNDLE: certs!.caPath, ...extra }),
  };
}
