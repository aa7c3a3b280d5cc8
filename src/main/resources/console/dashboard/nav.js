// Minimal stand-in written by dash-charts for its own tests; dash-core's version replaces it at merge.
(function () {
  var links = [['现在', 'now.html'], ['故障单', 'incidents.html'], ['可用率', 'availability.html'],
    ['巡检', 'inspections.html'], ['值班', 'duty.html'], ['聊天控制台', '/console/']];
  function draw() {
    var nav = document.createElement('nav');
    nav.className = 'dash';
    var here = location.pathname.split('/').pop();
    links.forEach(function (l) {
      var a = document.createElement('a');
      a.textContent = l[0];
      a.href = l[1];
      if (l[1] === here) { a.className = 'here'; }
      nav.appendChild(a);
    });
    document.body.insertBefore(nav, document.body.firstChild);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
