// 柳州市工业稳增长奖补系统: a "案卷查询" (case files) link in the webapp's header, next to its own menu, so that an
// auditor or reviewer moves from Cockpit/Tasklist to the application's case files (/cases) in one click.
// Camunda loads custom scripts as ES modules (import()), so the script knows its own address: the case files are
// "../cases" from this file's /assets/, also under a servlet context path (/incentives/assets/ → /incentives/cases).
const CASES = new URL('../cases', import.meta.url).pathname;
(function () {
  function add() {
    if (document.getElementById('lz-case-files-link')) { return true; }
    var header = document.querySelector('nav.cam-nav > ul, [cam-widget-header] .navbar-nav');
    if (!header) { return false; }
    var item = document.createElement('li');
    var link = document.createElement('a');
    link.id = 'lz-case-files-link';
    link.href = CASES;
    link.textContent = '案卷查询';
    link.title = '柳州市工业稳增长奖补系统 · 案卷查询（审计）';
    item.appendChild(link);
    header.insertBefore(item, header.firstChild);
    return true;
  }
  if (!add()) {
    var observer = new MutationObserver(function () { if (add()) { observer.disconnect(); } });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
})();
