#!/usr/bin/env node
// `npm run demo [-- --out DIR] [--pause SECONDS]`: plays the seed conference against the real
// system (started here when it is not running, and stopped at the end), prints console links
// to watch it live, and writes the exported records to DIR (default ./record-out).
const fs = require('node:fs');
const path = require('node:path');
const { root, loadEnv } = require('./lib/env');
const { ensureSystem } = require('./demo/system');
const { conference, lunch } = require('./demo/conference');

const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : def; };
// The summary record (UN form), the list of speakers with speaking times, the statistics and
// the press summary, for each meeting; record.fr.pdf uses the French phrases.
const EXPORTS = [
  ['record.md'], ['record.html'], ['record.pdf'], ['record.fr.pdf', 'record.pdf?lang=fr'], ['record.json'],
  ['speakers.pdf'], ['speakers.html'], ['speakers.csv', 'speakers.csv?bom=1'], ['stats.csv', 'stats.csv?bom=1'], ['stats.json'],
  ['press.html'], ['press.md'],
];

async function main() {
  const env = loadEnv();
  const base = `http://${env.GATEWAY_HOST || '127.0.0.1'}:${env.GATEWAY_PORT || 3000}`;
  const out = path.resolve(process.cwd(), arg('out', 'record-out'));
  const t0 = Date.now();
  const log = (m) => console.log(`[demo ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);
  const seed = JSON.parse(fs.readFileSync(path.join(root, 'consoles/static/seed-conference.json'), 'utf8'));
  const system = await ensureSystem(base, env, log);
  const key = { 'content-type': 'application/json', 'x-operator-key': env.OPERATOR_KEY };
  const ctx = {
    base, log,
    async createMeeting(setup) {
      const res = await fetch(`${base}/meetings`, { method: 'POST', headers: key, body: JSON.stringify(setup) });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`meeting setup refused: ${JSON.stringify(body)}`);
      return body;
    },
    async getJson(p) {
      const res = await fetch(`${base}${p}`, { headers: key });
      if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`);
      return res.json();
    },
    /** e-Statement of a delegate (multipart, with its own token). */
    async submitStatement(meetingId, access, participantId, fields) {
      const { token } = access.find((x) => x.participantId === participantId);
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      const res = await fetch(`${base}/meetings/${meetingId}/statements`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      if (res.status !== 201) log(`  (statement refused: HTTP ${res.status} ${await res.text()})`);
    },
    async viewerToken(id) { return (await (await fetch(`${base}/meetings/${id}/viewer-token`, { method: 'POST' })).json()).token; },
    /** Record entries carry their offset in the webcast (video timecode). */
    async webcastStarted(id) {
      const res = await fetch(`${base}/meetings/${id}/webcast`, { method: 'PUT', headers: key, body: JSON.stringify({ startedAt: new Date().toISOString() }) });
      if (!res.ok) log(`(webcast start not recorded: HTTP ${res.status}; record entries will have no timecode)`);
    },
    printLinks(title, id, access) {
      const link = (a) => `${base}/console/${a.role}?token=${encodeURIComponent(a.token)}`;
      const pick = (pid) => access.find((a) => a.participantId === pid);
      console.log(`\n  ${title} — meeting ${id}\n  Watch it live:`);
      for (const [label, a] of [['chair', pick('chair')], ['delegate (Ghana)', pick('gha')], ['moderator', pick('mod')], ['secretariat', pick('sec')]]) if (a) console.log(`    ${label.padEnd(17)} ${link(a)}`);
      console.log(`    ${'viewer'.padEnd(17)} ${base}/console/viewer?meeting=${encodeURIComponent(id)}\n`);
    },
    pause: () => new Promise((r) => setTimeout(r, Number(arg('pause', '5')) * 1000)),
  };
  let failed = false;
  try {
    const meetings = [['peacekeeping-in-africa', await conference(ctx, seed.conference)], ['wps-working-lunch', await lunch(ctx, seed.lunch)]];
    log('waiting for the recorder to publish the record…');
    await new Promise((r) => setTimeout(r, 3000));
    for (const [slug, id] of meetings) {
      const dir = path.join(out, slug);
      fs.mkdirSync(dir, { recursive: true });
      for (const [f, route = f] of EXPORTS) {
        const res = await fetch(`${base}/meetings/${id}/${route}`, { headers: { 'x-operator-key': env.OPERATOR_KEY } });
        if (!res.ok) { log(`  ${f}: HTTP ${res.status}`); failed = true; continue; }
        fs.writeFileSync(path.join(dir, f), Buffer.from(await res.arrayBuffer()));
      }
      log(`record of ${slug} written to ${dir}`);
    }
  } catch (err) {
    failed = true;
    console.error(`[demo] ${err.message}`);
  } finally {
    await system.stop();
  }
  log(failed ? 'done, with problems (see above)' : 'done');
  process.exit(failed ? 1 : 0);
}

main().catch((err) => { console.error(`[demo] ${err.stack ?? err.message}`); process.exit(1); });
