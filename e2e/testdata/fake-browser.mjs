#!/usr/bin/env node
/**
 * Stands in for Chromium in start-without-electron.spec.ts: records its arguments, loads
 * the --app address and asks the host for its notebook, as the real page would, then
 * "closes its window" — by exiting (Chromium on Linux and Windows), or, with
 * FAKE_BROWSER_MODE=stay, by reporting its page gone over the DevTools pipe and waiting
 * for Leadline's Browser.close (browsers on macOS outlive their last window).
 */
import { appendFileSync, createReadStream, createWriteStream, writeFileSync } from 'node:fs';

const log = process.env.FAKE_BROWSER_LOG;
const record = (entry) => appendFileSync(log, `${JSON.stringify(entry)}\n`);
writeFileSync(log, '');
record({ args: process.argv.slice(2) });

const appUrl = new URL(process.argv.find((arg) => arg.startsWith('--app=')).slice('--app='.length));
const page = await fetch(appUrl);
record({ page: page.status, html: (await page.text()).includes('<div id="app">') });
const api = await fetch(new URL('/api/getStoreInfo', appUrl), {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-leadline-token': appUrl.searchParams.get('token') },
  body: '{}',
});
record({ store: await api.json() });

if (process.env.FAKE_BROWSER_MODE !== 'stay') process.exit(0);

// The DevTools pipe: Leadline writes on fd 3 and reads fd 4, messages ending in NUL.
const toLeadline = createWriteStream(null, { fd: 4 });
const send = (message) => toLeadline.write(`${JSON.stringify(message)}\0`);
let buffered = '';
createReadStream(null, { fd: 3, encoding: 'utf8' }).on('data', (chunk) => {
  buffered += chunk;
  for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    record({ received: message.method });
    if (message.method === 'Target.setDiscoverTargets') {
      send({ id: message.id, result: {} });
      send({ method: 'Target.targetCreated', params: { targetInfo: { targetId: 'P1', type: 'page', url: appUrl.href } } });
      send({ method: 'Target.targetDestroyed', params: { targetId: 'P1' } });
    }
    if (message.method === 'Browser.close') process.exit(0);
  }
});
