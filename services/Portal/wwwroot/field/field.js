// The field page: activities entered with or without network, kept in IndexedDB under a command id made on
// the device (crypto.randomUUID), sent to the portal (/field/api/activities/sync, the session cookie; the
// browser never holds a token) whenever the connection is there. Sending again is safe: Outreach stores an
// activity once per command id. Each entry shows its state: waiting, sent, or refused with the service's
// reasons, to correct and send again. What an entry says (its form and the activity, names of the team
// included) is kept sealed with AES-GCM under a key made on the device that cannot be read out of it
// (non-extractable, kept in IndexedDB), and dropped once sent. Plain JavaScript, no build step.
const CACHE = 'bhxh-field-v1';
const DB = 'bhxh-field';
const STORE = 'entries';
const KEYS = 'keys';
const root = document.getElementById('field');
const form = document.getElementById('field-form');
const text = key => root.dataset['text' + key] ?? key;
const $ = id => document.getElementById(id);
const VIETNAM_OFFSET = '+07:00'; // Vietnam keeps UTC+7 all year.
const SECTIONS = {
  DirectContact: ['team', 'commune', 'partners', 'people'],
  Conference: ['conference', 'commune', 'partners'],
  MassMedia: ['post', 'partners'],
  SmsPhone: ['campaign'],
};
const DEFAULT_SECTIONS = ['commune', 'partners', 'people'];
const ETHNIC_MINORITY_AUDIENCE = '3.9';

let reference = null;
let editing = null;
let syncing = false;
let unsent = 0;

// --- IndexedDB, through a few promises ---------------------------------------------------------------
function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'commandId' });
      request.result.createObjectStore(KEYS, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(mode, work, name = STORE) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(name, mode);
      const result = work(transaction.objectStore(name));
      transaction.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

const allEntries = () => store('readonly', s => s.getAll());
const putEntry = entry => store('readwrite', s => s.put(entry));
const getEntry = id => store('readonly', s => s.get(id));

// --- Sealing what an entry says (Web Crypto, AES-GCM) -------------------------------------------------------
let deviceKey = null;

// One key per device, made once (the promise is shared, so two first uses cannot make two keys).
function sealingKey() {
  deviceKey ??= (async () => {
    const kept = await store('readonly', s => s.get('entries'), KEYS);
    if (kept) {
      return kept.key;
    }

    // Non-extractable: script can use the key but never read it out; IndexedDB keeps it as the CryptoKey itself.
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await store('readwrite', s => s.put({ id: 'entries', key }), KEYS);
    return key;
  })();
  return deviceKey;
}

async function seal(content) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await sealingKey(), new TextEncoder().encode(JSON.stringify(content)));
  return { iv, data };
}

async function unseal(entry) {
  if (!entry.sealed) {
    return null;
  }

  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: entry.sealed.iv }, await sealingKey(), entry.sealed.data);
  return JSON.parse(new TextDecoder().decode(plain));
}

// --- The unit's reference (plan lines, communes, partners) ------------------------------------------------
async function loadReference() {
  try {
    const response = await fetch(root.dataset.reference, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) {
      return await response.json();
    }
  } catch {
    // No network and nothing kept: said below.
  }

  return null;
}

function option(value, label) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
}

function fillChoices() {
  const line = $('f-line');
  line.replaceChildren(option('', text('ChooseLine')), ...reference.lines.map(l => option(l.code, `${l.code} – ${l.subject}`)));
  $('f-commune').replaceChildren(option('', text('CommuneNone')), ...reference.communes.map(c => option(c.id, c.name)));
  $('f-partners').replaceChildren(...reference.partners.map((p, i) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'partner';
    box.value = p.id;
    box.id = `f-partner-${i}`;
    label.append(box, ' ', p.name);
    const wrapper = document.createElement('div');
    wrapper.className = 'choice';
    wrapper.append(label);
    return wrapper;
  }));
}

function chosenLine() {
  return reference?.lines.find(l => l.code === $('f-line').value) ?? null;
}

function showSections() {
  const line = chosenLine();
  const shown = line ? (SECTIONS[line.formKind] ?? DEFAULT_SECTIONS) : DEFAULT_SECTIONS;
  for (const section of form.querySelectorAll('[data-section]')) {
    section.hidden = section.dataset.section === 'ethnic'
      ? !(line?.formKind === 'Conference' && line.audienceCode === ETHNIC_MINORITY_AUDIENCE)
      : !shown.includes(section.dataset.section) || (section.dataset.section === 'partners' && !reference?.partners.length);
  }
}

// --- The form: what was typed, and the activity Outreach takes ---------------------------------------------
function readForm() {
  const data = new FormData(form);
  const value = name => (data.get(name) ?? '').toString().trim();
  return {
    line: value('line'), date: value('date'), start: value('start'), end: value('end'), commune: value('commune'),
    team: data.getAll('team').map(t => t.toString().trim()), partners: data.getAll('partner').map(p => p.toString()),
    attendance: value('attendance'), videoClipShown: value('videoClipShown'), governmentRepresentativeInvited: value('governmentRepresentativeInvited'),
    beneficiaryTestified: value('beneficiaryTestified'), ethnicLanguageSpeaker: value('ethnicLanguageSpeaker'),
    platform: value('platform'), link: value('link'), reach: value('reach'),
    channel: value('channel'), attempted: value('attempted'), reached: value('reached'),
    people: value('people'), summary: value('summary'),
  };
}

function writeForm(values) {
  form.reset();
  $('f-line').value = values.line;
  showSections();
  for (const [name, value] of Object.entries(values)) {
    if (['team', 'partners'].includes(name)) {
      continue;
    }

    const fields = form.querySelectorAll(`[name="${name}"]`);
    for (const field of fields) {
      if (field.type === 'radio') {
        field.checked = field.value === value;
      } else if (name !== 'line') {
        field.value = value;
      }
    }
  }

  form.querySelectorAll('[name=team]').forEach((field, i) => { field.value = values.team[i] ?? ''; });
  form.querySelectorAll('[name=partner]').forEach(box => { box.checked = values.partners.includes(box.value); });
}

const number = value => (value === '' ? 0 : Number(value));
const yesNo = value => (value === '' ? null : value === 'true');

function toActivity(values, line) {
  const shown = SECTIONS[line.formKind] ?? DEFAULT_SECTIONS;
  const conference = line.formKind === 'Conference' ? {
    attendance: number(values.attendance), videoClipShown: yesNo(values.videoClipShown),
    governmentRepresentativeInvited: yesNo(values.governmentRepresentativeInvited), beneficiaryTestified: yesNo(values.beneficiaryTestified),
    ethnicLanguageSpeaker: line.audienceCode === ETHNIC_MINORITY_AUDIENCE ? yesNo(values.ethnicLanguageSpeaker) : null,
  } : null;
  const post = line.formKind === 'MassMedia' ? { platform: values.platform || null, link: values.link, reach: number(values.reach) } : null;
  const campaign = line.formKind === 'SmsPhone'
    ? { channel: values.channel || null, contactsAttempted: number(values.attempted), contactsReached: number(values.reached) } : null;
  const people = conference ? conference.attendance : post ? Math.min(post.reach, 2147483647) : campaign ? campaign.contactsReached : number(values.people);
  return {
    districtPlanId: reference.planId, planLineCode: line.code, audienceCode: line.audienceCode, form: line.formKind,
    communeId: shown.includes('commune') && values.commune ? values.commune : null,
    startedAt: `${values.date}T${values.start}:00${VIETNAM_OFFSET}`, endedAt: `${values.date}T${values.end}:00${VIETNAM_OFFSET}`,
    peopleReached: people, summary: values.summary,
    teamMembers: shown.includes('team') ? values.team.filter(t => t) : [],
    partnerIds: shown.includes('partners') ? values.partners : [],
    materials: [], conference, post, campaign,
  };
}

async function save(event) {
  event.preventDefault();
  const values = readForm();
  const line = chosenLine();
  if (!reference || !line || !values.date || !values.start || !values.end || !values.summary) {
    $('field-form-message').textContent = text('Missing');
    return;
  }

  const entry = editing ? await getEntry(editing) : { commandId: crypto.randomUUID(), createdAt: new Date().toISOString() };
  Object.assign(entry, {
    state: 'waiting', sealed: await seal({ values, activity: toActivity(values, line) }), problems: [], title: null,
    label: `${text('Line')} ${line.code} · ${values.date.split('-').reverse().join('/')} ${values.start}–${values.end}`,
  });
  await putEntry(entry);
  stopEditing();
  const keep = { line: values.line, date: values.date };
  form.reset();
  writeForm({ ...readForm(), ...keep, team: [], partners: [] });
  $('field-form-message').textContent = text('Saved');
  await render();
  sync();
}

async function startEditing(entry) {
  editing = entry.commandId;
  writeForm((await unseal(entry)).values);
  $('field-form-legend').textContent = text('CorrectLegend');
  $('field-save').textContent = text('SaveCorrection');
  $('field-cancel-correction').hidden = false;
  $('field-form-message').textContent = '';
  $('f-line').focus();
}

function stopEditing() {
  editing = null;
  $('field-form-legend').textContent = text('FormLegend');
  $('field-save').textContent = text('Save');
  $('field-cancel-correction').hidden = true;
}

// --- The list of entries and their states ------------------------------------------------------------------
async function render() {
  // What needs the person first (refused, then waiting), then what was sent; each group in the order entered.
  const order = { refused: 0, waiting: 1, sent: 2 };
  const entries = (await allEntries()).sort((a, b) => order[a.state] - order[b.state] || a.createdAt.localeCompare(b.createdAt));
  const count = state => entries.filter(e => e.state === state).length;
  unsent = entries.length - count('sent');
  $('field-counts').textContent = text('Counts').replace('{0}', count('waiting')).replace('{1}', count('sent')).replace('{2}', count('refused'));
  const list = $('field-entries');
  if (entries.length === 0) {
    const empty = document.createElement('li');
    empty.textContent = text('NoEntries');
    list.replaceChildren(empty);
    return;
  }

  const contents = new Map(await Promise.all(entries.map(async e => [e.commandId, await unseal(e)])));
  list.replaceChildren(...entries.map(entry => {
    const item = document.createElement('li');
    item.dataset.commandId = entry.commandId;
    item.dataset.state = entry.state;
    item.className = `entry ${entry.state}`;
    const state = document.createElement('span');
    state.className = 'flag';
    state.textContent = text({ waiting: 'Waiting', sent: 'Sent', refused: 'Refused' }[entry.state]);
    const label = document.createElement('span');
    label.textContent = ` ${entry.label}`;
    item.append(state, label);
    const content = contents.get(entry.commandId);
    if (content?.values.summary) {
      const summary = document.createElement('div');
      summary.className = 'muted';
      summary.textContent = content.values.summary;
      item.append(summary);
    }

    if (entry.state === 'refused') {
      const reasons = document.createElement('ul');
      reasons.className = 'field-error';
      reasons.dataset.testid = 'refusal';
      reasons.replaceChildren(...entry.problems.map(p => {
        const reason = document.createElement('li');
        reason.textContent = p.message;
        return reason;
      }));
      const correct = document.createElement('button');
      correct.type = 'button';
      correct.className = 'secondary';
      correct.textContent = text('Correct');
      correct.addEventListener('click', () => startEditing(entry));
      item.append(reasons, correct);
    }

    return item;
  }));
}

// --- Sending -------------------------------------------------------------------------------------------------
function syncMessage(message) {
  $('field-sync-message').textContent = message;
}

async function sync() {
  if (syncing || !navigator.onLine) {
    return;
  }

  syncing = true;
  try {
    const waiting = (await allEntries()).filter(e => e.state === 'waiting');
    for (let first = 0; first < waiting.length; first += 200) {
      syncMessage(text('Sending'));
      const batch = waiting.slice(first, first + 200);
      let response;
      try {
        response = await fetch(root.dataset.sync, {
          method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ entries: await Promise.all(batch.map(async e => ({ commandId: e.commandId, activity: (await unseal(e)).activity }))) }),
        });
      } catch {
        syncMessage(text('NoAnswer'));
        return;
      }

      if (response.status === 401) {
        syncMessage(text('SessionEnded'));
        return;
      }

      if (!response.ok) {
        syncMessage(text('NoAnswer'));
        return;
      }

      const answer = await response.json();
      for (const result of answer.entries) {
        const entry = await getEntry(result.commandId);
        if (!entry) {
          continue;
        }

        if (result.state === 'sent') {
          // Sent: only what the list shows stays on the device (line, day and hours), nothing of what it said.
          await putEntry({ commandId: entry.commandId, createdAt: entry.createdAt, label: entry.label, state: 'sent', activityId: result.activityId });
        } else {
          await putEntry({ ...entry, state: 'refused', title: result.title, problems: result.problems.map(p => ({ field: p.field, message: p.message })) });
        }
      }
    }

    syncMessage('');
  } finally {
    syncing = false;
    await render();
  }
}

// --- Connection, offline readiness, sign-out ------------------------------------------------------------------
function showConnection() {
  const online = navigator.onLine;
  const element = $('field-connection');
  element.textContent = text(online ? 'Online' : 'Offline');
  element.className = online ? 'muted' : 'notice';
  root.dataset.online = online;
}

async function prepareOffline() {
  if (!('serviceWorker' in navigator) || !('caches' in self)) {
    return;
  }

  await navigator.serviceWorker.register('/field-sw.js', { scope: '/field/' });
  await navigator.serviceWorker.ready;
  // What this page was loaded with (before the worker was there to keep it): the page, its styles and scripts, the reference.
  const files = [location.pathname, root.dataset.reference,
    ...[...document.querySelectorAll('link[rel=stylesheet], link[rel=manifest], link[rel=icon], script[src]')].map(e => e.href || e.src)];
  if (navigator.onLine) {
    const cache = await caches.open(CACHE);
    await Promise.all([...new Set(files)].map(async file => {
      const response = await fetch(file, { credentials: 'same-origin', cache: 'no-cache' });
      if (response.ok && !response.redirected) {
        await cache.put(file, response);
      }
    }));
  }

  const kept = await caches.open(CACHE).then(cache => cache.match(location.pathname));
  if (kept) {
    $('field-readiness').textContent = text('Ready');
    root.dataset.offlineReady = 'true';
  }
}

async function start() {
  if (!self.indexedDB || !self.crypto?.randomUUID) {
    $('field-readiness').textContent = text('Unsupported');
    return;
  }

  showConnection();
  addEventListener('online', () => { showConnection(); sync(); });
  addEventListener('offline', showConnection);
  form.addEventListener('submit', save);
  $('f-line').addEventListener('change', showSections);
  $('field-cancel-correction').addEventListener('click', () => { stopEditing(); form.reset(); showSections(); });
  $('field-send-now').addEventListener('click', () => sync());
  document.querySelector('form.signout')?.addEventListener('submit', event => {
    if (unsent > 0 && !confirm(text('SignOutWaiting'))) {
      event.preventDefault();
    }
  });

  reference = await loadReference();
  if (reference) {
    fillChoices();
    if (!reference.planApproved) {
      $('field-form-message').textContent = text('NoPlan');
    }
  } else {
    $('field-form-message').textContent = text('NoReference');
  }

  showSections();
  await render();
  root.dataset.started = 'true';
  setInterval(sync, 20000);
  sync();
  prepareOffline().catch(() => { /* Not installable here (no service worker): the page still works while loaded. */ });
}

start();
