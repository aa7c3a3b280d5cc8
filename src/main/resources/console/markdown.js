/*
 * WeCom markdown (the subset the assistant writes) to HTML for the console: headings (#), **bold**, > quotes,
 * - and 1. lists, `code`, [links](http… or /…), <font color="info|comment|warning">, <@userid>.
 * Safe by construction: the whole text is HTML-escaped first and only the fixed tags below are added
 * afterwards, so no markup from a message (<img onerror=…>, <script>) ever reaches the DOM.
 */
(function (global) {
  'use strict';

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // on already-escaped text: what it adds is fixed markup around escaped content
  function inline(h, people) {
    h = h.replace(/&lt;font color=&quot;(info|comment|warning)&quot;&gt;(.*?)&lt;\/font&gt;/g, '<span class="$1">$2</span>');
    h = h.replace(/&lt;@([\w.@-]+)&gt;/g, (m, id) => '<span class="at">@' + escapeHtml((people[id] || {}).name || id) + '</span>');
    h = h.replace(/`([^`]+)`/g, '<code>$1</code>');
    h = h.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
    // http(s) or a path of this site; never javascript: or //other-host
    h = h.replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/(?!\/))[^)\s]+)\)/g,
      '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
    return h;
  }

  function render(md, people) {
    const lines = escapeHtml(md || '').split('\n');
    const out = [];
    let list = null; // 'ul' | 'ol' while inside a list
    let quote = false;
    const close = () => {
      if (list) { out.push('</' + list + '>'); list = null; }
      if (quote) { out.push('</blockquote>'); quote = false; }
    };
    for (const raw of lines) {
      const line = raw.replace(/\s+$/, '');
      let m;
      if ((m = line.match(/^(#{1,6})\s+(.*)$/))) {
        close();
        const n = m[1].length;
        out.push('<h' + n + '>' + inline(m[2], people) + '</h' + n + '>');
      } else if ((m = line.match(/^&gt;\s?(.*)$/))) {
        if (list) { out.push('</' + list + '>'); list = null; }
        if (!quote) { out.push('<blockquote>'); quote = true; } else { out.push('<br>'); }
        out.push(inline(m[1], people));
      } else if ((m = line.match(/^\s*[-*+]\s+(.*)$/)) || (m = line.match(/^\s*\d+(?:[.)]\s+|、\s*)(.*)$/))) {
        const kind = /^\s*[-*+]\s/.test(line) ? 'ul' : 'ol';
        if (quote) { out.push('</blockquote>'); quote = false; }
        if (list !== kind) {
          if (list) out.push('</' + list + '>');
          out.push('<' + kind + '>'); list = kind;
        }
        out.push('<li>' + inline(m[1], people) + '</li>');
      } else if (line === '') {
        close();
        out.push('<div class="gap"></div>');
      } else {
        close();
        out.push('<div class="line">' + inline(line, people) + '</div>');
      }
    }
    close();
    return out.join('');
  }

  global.ConsoleMarkdown = { render: render, escapeHtml: escapeHtml };
})(window);
