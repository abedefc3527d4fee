// Every browser test runs under the server's Content-Security-Policy, and a violation fails it:
// specs import `test` and `expect` from here instead of @playwright/test. The hook listens for
// the page's `securitypolicyviolation` events and Chromium's console reports ("Refused to…"),
// and checks that the app's pages were served with the policy at all.
import { test as base, expect } from '@playwright/test';

export { expect };
export type { Locator, Page } from '@playwright/test';

const REPORT = '__circuloCspViolation';

export const test = base.extend<{ cspGuard: void }>({
  // `E2E_CPU_THROTTLE=4 npx playwright test` runs each test's page at a quarter of the CPU, as a
  // busy CI runner does: a state the test does not wait for (a race) then shows up locally too.
  page: async ({ page }, use) => {
    const rate = Number(process.env.E2E_CPU_THROTTLE ?? 1);
    if (rate > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
    await use(page);
  },
  cspGuard: [
    async ({ context, baseURL }, use) => {
      const violations: string[] = [];
      const unprotected: string[] = [];
      await context.exposeBinding(REPORT, (_source, text: string) => {
        violations.push(text);
      });
      await context.addInitScript((report) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as Record<string, (text: string) => void>)[report]?.(
            `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      }, REPORT);
      context.on('console', (message) => {
        if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      context.on('response', (response) => {
        const request = response.request();
        if (request.resourceType() !== 'document' || !baseURL || !response.url().startsWith(baseURL)) return;
        if (!response.headers()['content-security-policy']) unprotected.push(response.url());
      });
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
      expect(unprotected, 'pages served without a Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
});
