// Shared by the chart views (availability, inspections, duty): fetch the view's JSON, draw ECharts that
// follow the window's width, and show a failure on the page instead of a blank chart.
var Dash = (function () {
  var charts = [];
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (r.status === 401) { location.href = '/login'; throw new Error('未登录'); }
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('HTTP ' + r.status)); }
        return body;
      });
    });
  }

  function chart(id, option) {
    var c = echarts.getInstanceByDom(document.getElementById(id)) || echarts.init(document.getElementById(id));
    if (charts.indexOf(c) < 0) { charts.push(c); }
    c.setOption(option, true);
    return c;
  }

  function fail(e) {
    var box = document.getElementById('error');
    box.textContent = '加载失败：' + e.message;
    box.hidden = false;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  // times in Beijing time whatever the PC's zone, as the server writes its own (run times, chat answers)
  var BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  function time(ms) {
    var p = {};
    BEIJING.formatToParts(new Date(ms)).forEach(function (x) { p[x.type] = x.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  function pct(v) { return v === null || v === undefined ? '无数据' : v.toFixed(2) + '%'; }

  return { getJson: getJson, chart: chart, fail: fail, el: el, time: time, pct: pct };
})();
