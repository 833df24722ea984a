#!/usr/bin/env node
// Kill test: proof that nothing the app said it saved is lost when the browser dies.
//
//   node bench/kill.mjs                  100 kills (make bench)
//   node bench/kill.mjs --kills 5        the short version (make test)
//   node bench/kill.mjs --seed 42        the same random moments again
//   node bench/kill.mjs --strict         exit 1 when a due action was lost beyond the in-flight
//                                        window (1 s) and, for data in localStorage, Chromium's
//                                        write-behind (10 s; --count-write-behind counts it)
//   node bench/kill.mjs --json out.json  also write the figures as JSON
//   node bench/kill.mjs --dist some/dir  another build output
//   node bench/kill.mjs --verbose        one line per kill
//   node bench/kill.mjs --kinds coding   only some kinds (coding, campaign, answers)
//
// Three people, three persistent Chromium profiles: a recruiter edits a campaign, a mediator
// codes events by keyboard on the live-coding screen, a respondent answers a questionnaire.
// Each kill: start the person's browser (Debian chromium, launched directly with a DevTools
// port, so that the script holds the real browser process), open the app, read what survived
// the previous kill from the screen, act, and SIGKILL the browser process (then its whole
// process group) at a random moment 0–7 s after the start — during start-up, while reading,
// between two actions or in the middle of one. Every action is timed when it is on screen. An
// action is *due* when it was on screen longer than the app's documented save delay before
// the kill; a due action missing after the restart is *lost*. The target is 0. Losses whose
// write was due less than 1 s before the kill ("in flight") and, for localStorage, less than
// 10 s before it (Chromium's write-behind) are counted apart.
//
// See bench/README.md ("Kill test") for the delays and the figures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_EXECUTABLE, CHROMIUM_ARGS } from '../playwright.config.mjs';
import { startServer } from './run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The app's documented save delays (README.md, "Never lose data"; bench/README.md):
//   campaign (workspace autosave, src/ui/shell/autosave.rs): written 300 ms after the last
//     change — changes closer together than that are written together once they pause;
//   coding (fieldwork, src/ui/shell/fieldwork.rs): written once coding pauses for 250 ms, and
//     never later than 1 s after the first unsaved change;
//   answers (drafts, src/ui/respondent/store.rs): written at once, in the change's handler.
// An action is due when the rule says it was written before the kill.
export const DELAYS = {
  campaign: { quiet: 300, max: Infinity, text: '300 ms after the last change (a burst is written once it pauses 300 ms)' },
  coding: { quiet: 250, max: 1000, text: '250 ms after coding pauses, at most 1 s after the first unsaved event' },
  answers: { quiet: 0, max: 0, text: 'at once (in the change handler)' },
};
const KINDS = ['coding', 'campaign', 'answers'];
const LABELS = { coding: 'coding (events)', campaign: 'campaign edits', answers: 'answers' };
const KILL_WINDOW_MS = 7_000;
// Chromium keeps localStorage writes in the browser process and puts them on disk in batches,
// seconds later (about 5 s in a new session; later when a page writes often: its commits are
// rate-limited). A SIGKILL loses them, whatever the app did. IndexedDB commits each
// transaction before reporting it complete. Losses inside this window are reported apart
// when the app stores its data in localStorage.
const LOCAL_STORAGE_WRITE_BEHIND_MS = 10_000;
// A write takes time once the app's rule says it is due: the timer may fire late on a busy
// machine, then the app serialises and the store commits. A due action lost less than this
// after its write was due is reported apart, as "in flight" (for data in localStorage, such
// losses are the write-behind's).
const IN_FLIGHT_MS = 1_000;

// ----------------------------------------------------------------- CLI ----

function parseArgs(argv) {
  const opts = { kills: 100, seed: Date.now() % 2 ** 31, strict: false, json: null, verbose: false,
    dist: path.join(ROOT, 'dist'), keep: false, countWriteBehind: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--kills') opts.kills = Number.parseInt(value(), 10);
    else if (a === '--seed') opts.seed = Number.parseInt(value(), 10);
    else if (a === '--strict') opts.strict = true;
    else if (a === '--json') opts.json = path.resolve(value());
    else if (a === '--dist') opts.dist = path.resolve(value());
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--count-write-behind') opts.countWriteBehind = true;
    else if (a === '--kinds') opts.kinds = value().split(',').map((k) => k.trim());
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 15)
        .map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(opts.kills) || opts.kills < 1) throw new Error('--kills must be a positive integer');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  opts.kinds ??= KINDS;
  const unknown = opts.kinds.filter((k) => !KINDS.includes(k));
  if (unknown.length || !opts.kinds.length) throw new Error(`--kinds: one or more of ${KINDS.join(', ')}`);
  return opts;
}

/** mulberry32: a small seeded generator, so that a run can be repeated with --seed. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (lo, hi) => lo + (hi - lo) * next(), pick: (list) => list[Math.floor(next() * list.length)] };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ------------------------------------------------------------ browsers ----

/** Whether any process of the group `pgid` is still alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts Chromium on `profile` with a DevTools port and connects Playwright to it. The browser
 * leads a process group of its own, so that a kill takes its renderers and helpers with it.
 */
async function launch(profile) {
  const child = spawn(CHROMIUM_EXECUTABLE, [
    '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    ...CHROMIUM_ARGS, 'about:blank',
  ], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start within 20 s\n${err}`)), 20_000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`chromium exited (${code ?? signal}) before it listened\n${err}`));
    });
  });
  child.stderr.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? await context.newPage();
  const exited = new Promise((done) => child.once('exit', done));
  return {
    browser, context, page, pid: child.pid,
    /** SIGKILL to the browser process, then to what is left of its group; resolves when all are gone. */
    async kill() {
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
      await exited;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      for (let i = 0; i < 200 && groupAlive(child.pid); i++) await sleep(25);
    },
    /** A normal shutdown (Browser.close): what the browser holds is written to disk. */
    async close() {
      try {
        const cdp = await browser.newBrowserCDPSession();
        await cdp.send('Browser.close');
      } catch { /* closing */ }
      await Promise.race([exited, sleep(10_000)]);
      await this.kill();
    },
  };
}

// --------------------------------------------------------------- setup ----

const CAMPAIGN = 'Test de coupure';
const MEDIATOR = 'Inès Moreau';
const CANDIDATE = 'Paul Lefèvre';
const NOT_INTERPERSONAL = ['IntelligenceOfParadoxes', 'BusinessPartnerPosture', 'SupportAxisProfile', 'ThreePostures'];

/** Where a profile keeps the data of a kind: its localStorage keys match `keys`, or IndexedDB. */
function whereStored(page, keys) {
  return page.evaluate(async (source) => {
    const re = new RegExp(source);
    if (Object.keys(localStorage).some((k) => re.test(k))) return 'localStorage';
    const dbs = (await indexedDB.databases?.()) ?? [];
    return dbs.length ? 'IndexedDB' : 'unknown';
  }, keys.source);
}

/** Files written for someone else go through a save dialog (when the app has one): no passphrase. */
async function saveUnprotected(page) {
  const dialog = page.getByTestId('save-dialog');
  if (!(await dialog.waitFor({ timeout: 3_000 }).then(() => true, () => false))) return;
  await dialog.getByTestId('protect-toggle').uncheck();
  await dialog.getByTestId('save-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Opens `url` and waits for the app's frame. */
async function openApp(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('main#main').waitFor({ timeout: 20_000 });
}

/**
 * The recruiter's campaign, the mediator's kit imported and a session being coded, the
 * respondent's invitation accepted on page 1: each in its own profile, with a clean shutdown.
 * Returns the three screens' addresses.
 */
async function setUp(origin, profiles, dir) {
  // The recruiter, in a browser Playwright launches itself (it accepts downloads).
  let context = await chromium.launchPersistentContext(profiles.campaign, {
    executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, headless: true, acceptDownloads: true,
    baseURL: origin, viewport: { width: 1280, height: 900 },
  });
  let page = context.pages()[0] ?? await context.newPage();
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('rally.lang', 'en'));
  await openApp(page, '/#/new');
  await page.locator('#campaign-name').fill(CAMPAIGN);
  await page.locator('#campaign-role').selectOption({ index: 1 });
  await page.locator('#leader-name').fill('Hélène Garnier');
  await page.locator('#leader-title').fill('CEO');
  await page.getByRole('button', { name: 'Add a candidate' }).click();
  await page.getByTestId('candidate-row').last().locator('input[type=text]').fill(CANDIDATE);
  await page.getByRole('button', { name: 'Add a mediator' }).click();
  await page.getByTestId('mediator-row').last().locator('input[type=text]').fill(MEDIATOR);
  await page.getByRole('button', { name: 'Create the campaign' }).click();
  await page.waitForURL(/#\/campaign\/[0-9a-f-]{36}$/);
  const campaignUrl = new URL(page.url()).hash;
  for (const id of NOT_INTERPERSONAL) await page.locator(`#instrument-${id}`).uncheck();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download the kit: ${MEDIATOR}` }).click();
  await saveUnprotected(page);
  const download = await downloaded;
  const kitFile = path.join(dir, 'kit.json');
  await download.saveAs(kitFile);
  const card = page.locator('section.sv-section');
  await card.locator('#survey-asked-by').fill('Cabinet Rivière');
  await card.getByRole('button', { name: `Copy the link: ${CANDIDATE} (candidate) — themself` }).click();
  await saveUnprotected(page);
  const link = await card.getByTestId('invitation-link').inputValue();
  await page.locator('[data-testid="save-state"]', { hasText: /^Saved$/ }).waitFor();
  await sleep(500);
  const storage = { campaign: await whereStored(page, /^rally\.workspace$/) };
  await context.close();

  // The mediator: imports the kit, starts observing session 1, starts the clock.
  context = await chromium.launchPersistentContext(profiles.coding, {
    executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, headless: true,
    baseURL: origin, viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? await context.newPage();
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('rally.lang', 'en'));
  await openApp(page, '/#/observe');
  await page.getByLabel('Import a Rally file (.json)').setInputFiles(kitFile);
  await page.getByRole('button', { name: 'Observe this session: Session 1' }).click();
  await page.locator('#log-title', { hasText: 'Events (0)' }).waitFor();
  const codingUrl = new URL(page.url()).hash;
  await page.getByTestId('obs-clock-button').click();
  await page.getByTestId('obs-clock-button').filter({ hasText: 'Pause' }).waitFor();
  await sleep(1_500); // the fieldwork saver's longest delay
  storage.coding = await whereStored(page, /^rally\.fieldwork$/);
  await context.close();

  // The respondent: the link, consent, page 1 of the questionnaire.
  context = await chromium.launchPersistentContext(profiles.answers, {
    executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, headless: true,
    baseURL: origin, viewport: { width: 390, height: 844 },
  });
  page = context.pages()[0] ?? await context.newPage();
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('rally.lang', 'en'));
  await openApp(page, link.replace(/^https?:\/\/[^/]+/, ''));
  await page.getByTestId('rs-consent').click();
  await page.getByTestId('rs-page').waitFor();
  const answersUrl = new URL(page.url()).hash;
  await sleep(500);
  storage.answers = await whereStored(page, /^rally\.draft\./);
  await context.close();

  return { urls: { campaign: campaignUrl, coding: codingUrl, answers: `/${answersUrl}` }, storage };
}

// ------------------------------------------------- reading and acting ----

/** What survived, read from the screen (not from storage, so that it holds for any store). */
const READ = {
  async campaign(page) {
    const field = page.locator('#campaign-name');
    await field.waitFor({ timeout: 20_000 });
    return field.inputValue();
  },
  async coding(page) {
    const title = page.locator('#log-title');
    await title.waitFor({ timeout: 20_000 });
    const m = (await title.innerText()).match(/\((\d+)\)/);
    if (!m) throw new Error('no event count on the coding screen');
    return Number(m[1]);
  },
  async answers(page) {
    await page.getByTestId('rs-page').waitFor({ timeout: 20_000 });
    return page.evaluate(() => [...document.querySelectorAll('[data-testid="rs-item"]')].map((item) => {
      const checked = item.querySelector('input[type=radio]:checked');
      return checked ? Number(checked.value) : null;
    }));
  },
};

/** A banner after a restart (another tab's data, storage trouble, unreadable data) is an anomaly. */
async function noTrouble(page, stats, k) {
  const banners = page.locator('.banners .banner');
  const n = await banners.count();
  for (let i = 0; i < n; i++) {
    stats.anomalies.push(`restart ${k + 1}: banner "${(await banners.nth(i).innerText()).split('\n')[0]}"`);
  }
}

const CODES = ['c i', 'v q', 'c o', 'v b', 'c a', 'v i'];

/**
 * One action of each kind; resolves once the screen shows it. `state` is the kind's expected
 * state, updated here; `state.attempt` is the state the action under way leads to (a kill may
 * come after the app took it and before the screen was seen to show it).
 */
const ACT = {
  async campaign(page, state, rng, tag) {
    const name = `${CAMPAIGN} ${tag}`;
    state.attempt = name;
    const field = page.locator('#campaign-name');
    await field.fill(name);
    await field.press('Tab');
    await page.locator('.campaign-page h1', { hasText: name }).waitFor();
    return { value: name };
  },
  async coding(page, state, rng) {
    const [actor, code] = rng.pick(CODES).split(' ');
    const next = state.count + 1;
    state.attempt = next;
    await page.keyboard.press(actor);
    await page.keyboard.press(code);
    await page.locator('#log-title', { hasText: `(${next})` }).waitFor();
    state.count = next;
    return { value: next };
  },
  async answers(page, state) {
    const item = state.cursor % state.values.length;
    const value = ((state.values[item] ?? 0) % 5) + 1; // always a change
    const radio = page.getByTestId('rs-item').nth(item).locator(`input[type=radio][value="${value}"]`);
    const after = state.values.map((v, k) => (k === item ? value : v));
    state.attempt = after;
    await radio.check();
    state.values = after;
    state.cursor += 1;
    return { value: [...state.values] };
  },
};

/** Pause between two actions: bursts with breaks, like a person. */
const PACE = {
  campaign: (rng) => (rng.next() < 0.25 ? rng.between(400, 1500) : rng.between(50, 400)),
  coding: (rng) => (rng.next() < 0.2 ? rng.between(300, 1500) : rng.between(20, 250)),
  answers: (rng) => (rng.next() < 0.2 ? rng.between(300, 1200) : rng.between(30, 300)),
};

/**
 * For each action (on-screen times `times`, in order), when the app's rule says it was written.
 * The rule of every store: a change (re)starts a timer; the timer fires `quiet` ms after the
 * last change, and never later than `max` ms after the first change not yet written; the write
 * takes every change made so far. (Drafts: quiet = max = 0, a write per change.)
 */
export function writtenAt(times, { quiet, max }) {
  const out = new Array(times.length).fill(Infinity);
  let first = null; // index of the first action not yet written
  const write = (upTo, at) => {
    for (let i = first; i <= upTo; i++) out[i] = at;
    first = null;
  };
  for (let i = 0; i < times.length; i++) {
    if (first !== null) {
      const at = Math.min(times[i - 1] + quiet, times[first] + max);
      if (at < times[i]) write(i - 1, at);
    }
    if (first === null) first = i;
  }
  if (first !== null) write(times.length - 1, Math.min(times.at(-1) + quiet, times[first] + max));
  return out;
}

// --------------------------------------------------------------- a run ----

/** A new, empty tally per kind. */
const tally = () => ({
  actions: 0, due: 0, lost: 0, lostYoung: 0, inFlight: 0, writeBehind: 0, beyond: 0,
  lostAges: [], lostSinceDue: [], anomalies: [],
});

/**
 * Compares what the screen shows after a restart with the actions of the last session and
 * updates `stats`. `pending` = { actions: [{ value, t }], killAt, base } for the kind.
 */
function judge(kind, pending, shown, stats, writeBehind) {
  const { actions, killAt, base, attempt } = pending;
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  // The survivors are a prefix of the session's actions: the longest one whose last state is on screen.
  let kept = -1;
  if (!same(shown, base)) {
    kept = actions.findLastIndex((a) => same(a.value, shown));
    // The action under way when the kill came: the app had it, it was not yet seen on screen.
    if (kept < 0 && same(shown, attempt)) kept = actions.length - 1;
    if (kept < 0) {
      stats.anomalies.push(`after a kill, the screen shows ${JSON.stringify(shown)}: neither the state before `
        + `the session (${JSON.stringify(base)}) nor one it reached (last: ${JSON.stringify(actions.at(-1)?.value)})`);
    }
  }
  const written = writtenAt(actions.map((a) => a.t), DELAYS[kind]);
  actions.forEach((a, i) => {
    const due = written[i] <= killAt;
    stats.due += due;
    if (i <= kept) return;
    const age = killAt - a.t;
    if (due) {
      const sinceDue = killAt - written[i];
      stats.lost += 1;
      stats.lostAges.push(age);
      stats.lostSinceDue.push(sinceDue);
      if (writeBehind && sinceDue <= LOCAL_STORAGE_WRITE_BEHIND_MS) stats.writeBehind += 1;
      else if (sinceDue <= IN_FLIGHT_MS) stats.inFlight += 1;
      else stats.beyond += 1;
    } else {
      stats.lostYoung += 1;
    }
  });
}

async function run(opts) {
  // Two streams: the kill moments depend on the seed only, whatever the actions drew.
  const killRng = random(opts.seed);
  const rng = random(opts.seed ^ 0x5bd1e995);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rally-kill-'));
  const profiles = Object.fromEntries(KINDS.map((k) => [k, path.join(work, `profile-${k}`)]));
  const server = await startServer(opts.dist);
  const stats = Object.fromEntries(KINDS.map((k) => [k, tally()]));
  let killsAtStart = 0;
  const started = Date.now();
  try {
    const setup = await setUp(server.origin, profiles, work);
    const { urls } = setup;
    const writeBehind = Object.fromEntries(KINDS.map((k) => [k, setup.storage[k] === 'localStorage']));
    console.log(`kill test: ${opts.kills} kill(s), seed ${opts.seed}, ${CHROMIUM_EXECUTABLE}, app on ${server.origin}; `
      + `data in ${KINDS.map((k) => `${k}: ${setup.storage[k]}`).join(', ')}`);
    // The expected state of each kind, as last read from the screen, and the unjudged session.
    const base = { campaign: CAMPAIGN, coding: 0, answers: new Array(8).fill(null) };
    const pending = {};
    for (let k = 0; k < opts.kills; k++) {
      const kind = opts.kinds[k % opts.kinds.length];
      const killAfter = killRng.between(0, KILL_WINDOW_MS);
      const browser = await launch(profiles[kind]);
      const launchedAt = Date.now();
      const actions = [];
      const state = {};
      let readAt = null;
      let phase = 'start-up';
      let dying = false;
      const killed = (async () => {
        await sleep(Math.max(0, launchedAt + killAfter - Date.now()));
        dying = true;
        const killAt = Date.now();
        await browser.kill();
        return killAt;
      })();
      const session = (async () => {
        const page = browser.page;
        await openApp(page, server.origin + '/' + urls[kind].replace(/^\//, ''));
        phase = 'reading';
        const shown = await READ[kind](page);
        await noTrouble(page, stats[kind], k);
        if (pending[kind]) judge(kind, pending[kind], shown, stats[kind], writeBehind[kind]);
        delete pending[kind];
        base[kind] = shown;
        phase = 'acting';
        readAt = Date.now() - launchedAt;
        Object.assign(state, kind === 'coding' ? { count: shown } : kind === 'answers' ? { values: [...shown], cursor: 0 } : {});
        if (kind === 'coding') await page.locator('#log-title').focus();
        for (let j = 0; ; j++) {
          if (kind === 'answers' && j >= 39) break; // 40 changes would come back to a state already seen
          const { value } = await ACT[kind](page, state, rng, `${k}-${j}`);
          actions.push({ value, t: Date.now() });
          await sleep(PACE[kind](rng));
        }
      })().catch((err) => {
        // The kill cuts the session short; anything else is a failure of the script or the app.
        if (!dying) stats[kind].anomalies.push(`kill ${k + 1}: ${phase}: ${err.message.split('\n')[0]}`);
      });
      const killAt = await killed;
      await session;
      if (phase === 'start-up') killsAtStart += 1;
      stats[kind].actions += actions.length;
      // A session killed before it read the screen leaves the previous one to be judged next time.
      if (actions.length) pending[kind] = { actions, killAt, base: base[kind], attempt: state.attempt };
      if (opts.verbose) {
        console.log(`  kill ${String(k + 1).padStart(3)}: ${kind.padEnd(8)} after ${(killAfter / 1000).toFixed(2)} s `
          + `(${phase}${readAt === null ? '' : `, screen read at ${(readAt / 1000).toFixed(2)} s`}), ${actions.length} action(s)`);
      }
    }
    // Last restart of each profile: judge the last sessions.
    for (const kind of KINDS) {
      if (!pending[kind]) continue;
      const browser = await launch(profiles[kind]);
      try {
        await openApp(browser.page, server.origin + '/' + urls[kind].replace(/^\//, ''));
        judge(kind, pending[kind], await READ[kind](browser.page), stats[kind], writeBehind[kind]);
      } finally {
        await browser.close();
      }
    }
    return { stats, killsAtStart, writeBehind, storage: setup.storage, seconds: (Date.now() - started) / 1000 };
  } finally {
    await server.stop();
    if (!opts.keep) fs.rmSync(work, { recursive: true, force: true });
    else console.log(`profiles kept in ${work}`);
  }
}

function report(opts, result) {
  const { stats, killsAtStart, writeBehind, storage, seconds } = result;
  const total = tally();
  for (const k of opts.kinds) {
    const s = stats[k];
    for (const key of ['actions', 'due', 'lost', 'lostYoung', 'inFlight', 'writeBehind', 'beyond']) total[key] += s[key];
    total.lostAges.push(...s.lostAges);
    total.lostSinceDue.push(...s.lostSinceDue);
    total.anomalies.push(...s.anomalies);
  }
  const row = (label, s, where, delay) => `  ${label.padEnd(16)} ${where.padEnd(12)} ${String(s.actions).padStart(7)} `
    + `${String(s.due).padStart(5)} ${String(s.lost).padStart(5)} ${String(s.inFlight).padStart(9)} `
    + `${String(s.writeBehind).padStart(12)} ${String(s.beyond).padStart(6)}   ${delay}`;
  const seconds2 = (ms) => (ms / 1000).toFixed(2);
  const lines = [
    `kill test: ${opts.kills} kills (SIGKILL to the browser process, ${killsAtStart} during start-up), `
      + `${seconds.toFixed(0)} s, seed ${opts.seed}`,
    `  ${'kind'.padEnd(16)} ${'stored in'.padEnd(12)} ${'actions'.padStart(7)} ${'due'.padStart(5)} ${'lost'.padStart(5)} `
      + `${'in flight'.padStart(9)} ${'write-behind'.padStart(12)} ${'beyond'.padStart(6)}   documented save delay`,
    ...opts.kinds.map((k) => row(LABELS[k], stats[k], storage[k], DELAYS[k].text)),
    row('total', total, '', ''),
    `lost (due actions missing after a restart): ${total.lost} of ${total.due} (target 0)`,
  ];
  if (total.lost) {
    const ages = [...total.lostAges].sort((a, b) => a - b);
    const late = [...total.lostSinceDue].sort((a, b) => a - b);
    lines.push(`  on screen ${seconds2(ages[0])}–${seconds2(ages.at(-1))} s before the kill; written (by the rule) `
      + `${seconds2(late[0])}–${seconds2(late.at(-1))} s before it`);
  }
  lines.push(`  in flight: the write was due less than ${IN_FLIGHT_MS / 1000} s before the kill (a late timer, `
    + `the write under way): ${total.inFlight}`);
  const inLocalStorage = opts.kinds.filter((k) => writeBehind[k]);
  if (inLocalStorage.length) {
    lines.push(`  write-behind: ${inLocalStorage.map((k) => LABELS[k]).join(', ')} ${inLocalStorage.length > 1 ? 'are' : 'is'} `
      + `kept in localStorage, which Chromium writes to disk seconds after the app (batched, about 5 s): lost `
      + `less than ${LOCAL_STORAGE_WRITE_BEHIND_MS / 1000} s after the app wrote: ${total.writeBehind}`);
  }
  let counted = total.beyond;
  if (opts.countWriteBehind) counted += total.writeBehind;
  const ok = counted === 0 && total.anomalies.length === 0;
  for (const a of total.anomalies) lines.push(`  anomaly: ${a}`);
  lines.push(`lost beyond ${opts.countWriteBehind ? 'the in-flight window' : 'those windows'}: ${counted} (target 0)`
    + `${total.anomalies.length ? `, anomalies: ${total.anomalies.length}` : ''} ${ok ? 'OK' : 'OVER TARGET'}`);
  lines.push(`  (actions not yet due by the app's own rule when the kill came are not counted: ${total.lostYoung} of them were lost)`);
  for (const l of lines) console.log(l);
  return { ok, total, storage };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.dist, 'index.html'))) throw new Error(`${opts.dist}/index.html not found: run \`make build\` first`);
  const result = await run(opts);
  const { ok, total, storage } = report(opts, result);
  if (opts.json) {
    const figures = { date: new Date().toISOString(), kills: opts.kills, seed: opts.seed, storage, delays: DELAYS,
      kills_during_start_up: result.killsAtStart, per_kind: result.stats, total };
    fs.writeFileSync(opts.json, JSON.stringify(figures, (k, v) => (v === Infinity ? null : v), 2) + '\n');
    console.log(`figures written to ${opts.json}`);
  }
  if (!ok && opts.strict) {
    console.log('kill test: actions were lost (--strict): failing');
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`kill test: error: ${err.stack || err.message}`);
    process.exitCode = 1;
  });
}
