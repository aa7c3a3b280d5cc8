/* The console page: group chats, 我的消息 (direct messages and cards), polling both. */
(function () {
  'use strict';
  const state = { chatId: null, after: 0, inboxAfter: 0, inboxFor: null, unread: 0, people: {}, session: null };
  const $ = (id) => document.getElementById(id);
  const render = (md) => window.ConsoleMarkdown.render(md, state.people);
  // logged in: the server knows who speaks; the demo: whoever the picker says
  const speaker = () => state.session.demo ? $('person').value : state.session.userId;
  function toLogin(res) {
    if (res.status === 401) { window.location.href = '/login'; return true; }
    return false;
  }
  function headers() {
    const h = { 'Content-Type': 'application/json' };
    if (state.session.csrfHeader) h[state.session.csrfHeader] = state.session.csrfToken;
    return h;
  }

  // Beijing time whatever the browser's zone: HH:mm today, with the date otherwise
  const BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  function parts(ms) {
    const o = {};
    for (const p of BEIJING.formatToParts(new Date(ms))) o[p.type] = p.value;
    return o;
  }
  function when(ms, nowMs) {
    const t = parts(ms), n = parts(nowMs === undefined ? Date.now() : nowMs);
    const hm = t.hour.padStart(2, '0') + ':' + t.minute.padStart(2, '0');
    if (t.year === n.year && t.month === n.month && t.day === n.day) return hm;
    if (t.year === n.year) return t.month + '月' + t.day + '日 ' + hm;
    return t.year + '年' + t.month + '月' + t.day + '日 ' + hm;
  }
  window.ConsoleTime = { when: when };

  function lineElement(line, inbox) {
    const me = !inbox && line.from === speaker();
    const bot = line.from === 'assistant';
    const div = document.createElement('div');
    div.className = 'msg ' + (me ? 'me' : bot ? 'bot' : 'other');
    div.dataset.seq = line.seq;
    const avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.textContent = (line.fromName || '?').slice(0, 2);
    const body = document.createElement('div');
    const who = document.createElement('div');
    who.className = 'who';
    who.textContent = line.fromName || line.from;
    const time = document.createElement('time');
    time.dateTime = new Date(line.at).toISOString();
    time.textContent = when(line.at);
    who.appendChild(time);
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.innerHTML = render(line.text); // escaped first: see markdown.js
    if (line.buttons && line.buttons.length) card(bubble, line);
    body.append(who, bubble);
    div.append(avatar, body);
    return div;
  }

  function card(bubble, line) {
    bubble.classList.add('card');
    bubble.dataset.card = line.seq;
    if (line.result) {
      const done = document.createElement('div');
      done.className = 'result';
      done.textContent = '✓ ' + line.result;
      bubble.appendChild(done);
      return;
    }
    const actions = document.createElement('div');
    actions.className = 'actions';
    for (const b of line.buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = b.label;
      button.dataset.key = b.key;
      button.onclick = () => press(line, b.key, bubble, actions);
      actions.appendChild(button);
    }
    bubble.appendChild(actions);
  }

  async function press(line, key, bubble, actions) {
    actions.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const body = { key: key };
      if (state.session.demo) body.userId = speaker();
      const res = await fetch('/api/console/direct/' + line.seq + '/press',
        { method: 'POST', headers: headers(), body: JSON.stringify(body) });
      if (toLogin(res)) return;
      const answer = await res.json();
      if (res.ok && answer.done) {
        line.result = answer.result;
        actions.remove();
        card(bubble, line);
        return;
      }
      if (!res.ok) alert(answer.message || '操作没有成功，请稍后再试');
    } catch (e) {
      alert('网络异常，操作没有发出，请稍后再试');
    } finally {
      actions.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      pollInbox(); // the answer (done or refused) arrives there as a direct message
    }
  }

  function append(box, element) {
    box.appendChild(element);
    box.scrollTop = box.scrollHeight;
  }

  async function poll() {
    if (!state.chatId) return;
    const chat = state.chatId;
    try {
      const res = await fetch('/api/console/chats/' + encodeURIComponent(chat) + '/messages?after=' + state.after);
      if (toLogin(res)) return;
      const lines = await res.json();
      if (chat !== state.chatId) return;
      for (const l of lines) { if (l.seq > state.after) { state.after = l.seq; append($('messages'), lineElement(l, false)); } }
    } catch (e) { /* server restarting: try again on the next tick */ }
  }

  async function pollInbox() {
    const who = speaker();
    if (!who) return;
    if (who !== state.inboxFor) resetInbox(who);
    let url = '/api/console/direct?after=' + state.inboxAfter;
    if (state.session.demo) url += '&userId=' + encodeURIComponent(who);
    try {
      const res = await fetch(url);
      if (toLogin(res) || !res.ok) return;
      const lines = await res.json();
      if (who !== state.inboxFor) return;
      const opening = state.inboxAfter === 0;
      for (const l of lines) {
        if (l.seq <= state.inboxAfter) continue;
        state.inboxAfter = l.seq;
        $('inboxEmpty').hidden = true;
        append($('inbox'), lineElement(l, true));
        if (!opening) state.unread++;
      }
      showUnread();
    } catch (e) { /* as poll() */ }
  }

  function resetInbox(who) {
    state.inboxFor = who; state.inboxAfter = 0; state.unread = 0;
    $('inbox').querySelectorAll('.msg').forEach((m) => m.remove());
    $('inboxEmpty').hidden = false;
    $('inboxWho').textContent = (state.people[who] || {}).name || '';
  }

  function inboxVisible() {
    return getComputedStyle($('tabs')).display === 'none' || document.body.classList.contains('show-inbox');
  }
  function showUnread() {
    if (inboxVisible()) state.unread = 0;
    $('unread').hidden = state.unread === 0;
    $('unread').textContent = state.unread;
  }
  function showTab(inbox) {
    document.body.classList.toggle('show-inbox', inbox);
    $('tabChat').classList.toggle('active', !inbox);
    $('tabInbox').classList.toggle('active', inbox);
    showUnread();
  }

  function selectGroup(g, li) {
    state.chatId = g.chatId; state.after = 0;
    document.querySelectorAll('#groups li').forEach((x) => x.classList.remove('active'));
    li.classList.add('active');
    $('chatTitle').textContent = g.name;
    $('messages').innerHTML = '';
    showTab(false);
    poll();
  }

  async function init() {
    const sessionRes = await fetch('/api/console/session');
    if (toLogin(sessionRes)) return;
    state.session = await sessionRes.json();
    if (state.session.demo) {
      $('demoBox').hidden = false;
    } else {
      $('meBox').hidden = false;
      $('me').textContent = state.session.name + '（' + state.session.roleLabel + '）';
      $('logoutCsrf').name = '_csrf';
      $('logoutCsrf').value = state.session.csrfToken;
    }
    const dir = await (await fetch('/api/console/directory')).json();
    $('hospital').textContent = dir.hospital;
    for (const p of dir.people) {
      state.people[p.userId] = p;
      const o = document.createElement('option');
      o.value = p.userId; o.textContent = p.name + '（' + p.roleLabel + (p.department ? '，' + p.department : '') + '）';
      $('person').appendChild(o);
    }
    dir.groups.forEach((g, i) => {
      const li = document.createElement('li');
      li.textContent = g.name; li.dataset.chatId = g.chatId;
      li.onclick = () => selectGroup(g, li);
      $('groups').appendChild(li);
      if (i === 0) selectGroup(g, li);
    });
    $('person').addEventListener('change', () => { pollInbox(); });
    pollInbox();
    setInterval(poll, 1500);
    setInterval(pollInbox, 2000);
  }

  $('tabChat').onclick = () => showTab(false);
  $('tabInbox').onclick = () => showTab(true);
  $('composer').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text || !state.chatId) return;
    $('text').value = '';
    $('send').disabled = true;
    try {
      const body = { chatId: state.chatId, text: text };
      if (state.session.demo) body.userId = $('person').value;
      const res = await fetch('/api/console/messages', { method: 'POST', headers: headers(), body: JSON.stringify(body) });
      toLogin(res);
    } finally {
      $('send').disabled = false;
      poll();
    }
  });
  init();
})();
