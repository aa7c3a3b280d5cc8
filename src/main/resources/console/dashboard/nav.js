// 运维看板顶部导航与公共小工具（所有看板页面引用）。无构建步骤、无外网资源。
(function () {
  'use strict';
  var PAGES = [
    ['now.html', '现在'], ['incidents.html', '故障单'], ['availability.html', '可用率'],
    ['inspections.html', '巡检'], ['duty.html', '值班'], ['/console/', '聊天控制台']
  ];
  var ZONE = 'Asia/Shanghai';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }

  function drawNav() {
    var here = location.pathname.split('/').pop() || 'now.html';
    var nav = el('nav', { 'class': 'dash-nav', 'aria-label': '运维看板导航' });
    nav.appendChild(el('span', { 'class': 'brand' }, '电子票据运维看板'));
    var ul = el('ul');
    PAGES.forEach(function (p) {
      var href = p[0].charAt(0) === '/' ? p[0] : '/console/dashboard/' + p[0];
      var a = el('a', { href: href }, p[1]);
      if (p[0] === here) { a.setAttribute('aria-current', 'page'); }
      var li = el('li'); li.appendChild(a); ul.appendChild(li);
    });
    nav.appendChild(ul);
    var who = el('span', { 'class': 'who', id: 'dashWho' });
    nav.appendChild(who);
    document.body.insertBefore(nav, document.body.firstChild);
    getJson('/api/console/session').then(function (s) {
      who.textContent = s.demo ? '演示（未登录）' : s.name + '（' + s.roleLabel + '）';
    }).catch(function () { /* 会话信息只是提示，取不到不影响看板 */ });
  }

  /** GET JSON; a login redirect or an error answer rejects with the server's Chinese message. */
  function getJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (r.redirected && /\/login/.test(r.url)) { location.href = '/login'; throw new Error('未登录或登录已过期'); }
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('请求失败：HTTP ' + r.status)); }
        return body;
      });
    });
  }

  function parts(iso, opts) {
    if (!iso) { return '—'; }
    return new Intl.DateTimeFormat('zh-CN', Object.assign({ timeZone: ZONE, hour12: false }, opts)).format(new Date(iso));
  }

  /** "11-26 14:30" (Beijing time). */
  function time(iso) {
    return parts(iso, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).replace(/\//g, '-');
  }

  /** "2026-11-26 14:30". */
  function dateTime(iso) {
    return parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .replace(/\//g, '-');
  }

  /** Seconds left on a clock as "剩余 1小时05分" or "已超时 12分". */
  function left(seconds) {
    var s = Math.abs(seconds), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    var text = (d ? d + '天' : '') + (d || h ? h + '小时' : '') + (d || h ? String(m).padStart(2, '0') : m) + '分';
    return (seconds < 0 ? '已超时 ' : '剩余 ') + text;
  }

  function showError(container, err) {
    var box = document.getElementById('dashError');
    if (!box) { box = el('div', { id: 'dashError', 'class': 'error-banner', role: 'alert' }); container.insertBefore(box, container.firstChild); }
    box.textContent = '数据加载失败：' + err.message;
  }

  function clearError() {
    var box = document.getElementById('dashError');
    if (box) { box.remove(); }
  }

  window.Dash = { el: el, getJson: getJson, time: time, dateTime: dateTime, left: left, showError: showError,
    clearError: clearError };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', drawNav); } else { drawNav(); }
})();
