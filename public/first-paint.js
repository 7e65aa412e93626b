// Runs before the first paint: a classic script in <head> (the CSP allows same-origin scripts and
// no inline ones, so this cannot be inline). Kept tiny and dependency-free.
(function () {
  var html = document.documentElement;

  // 1. The reader's theme, by the same key and rule as src/app/theme.ts (the stored choice, else the
  //    system's), so the page prerendered into index.html paints in it: no flash of the other theme.
  var theme = null;
  try {
    theme = localStorage.getItem('news-reader:theme');
  } catch {
    // storage blocked: follow the system
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  html.classList.toggle('dark', theme === 'dark');
  html.classList.toggle('light', theme !== 'dark');

  // 2. index.html holds the feed at its defaults, prerendered. At any other address (an article, a
  //    topic or sort in the query) it is hidden until the app has drawn the page asked for.
  var script = document.currentScript;
  var base = new URL('.', script.src).pathname; // this file sits at the site's base
  var path = location.pathname.replace(/\/+$/, '') + '/';
  if (path !== base || (location.search !== '' && location.search !== '?'))
    html.setAttribute('data-other-page', '');

  // 3. In a build, the app's module (named by data-app) starts right after the first paint, so the
  //    prerendered page is drawn before the script is fetched and run. The timer covers a page
  //    opened in the background, where animation frames wait until it is shown.
  var app = script.getAttribute('data-app');
  if (!app) return;

  var started = false;
  var start = function () {
    if (started) return;
    started = true;
    var module = document.createElement('script');
    module.type = 'module';
    module.src = app;
    document.head.appendChild(module);
  };
  requestAnimationFrame(function () {
    setTimeout(start, 0);
  });
  setTimeout(start, 300);

  // 4. Keys pressed on the prerendered feed before the app takes it over (a quick first `j`) are
  //    kept for it, and src/lib/early-keys.ts presses them again once its shortcuts listen. Only
  //    what a shortcut can be: one character or Escape, no Ctrl, Alt or Meta, not typed into a
  //    field. Tab, Enter and the arrows work on the page as it is and are left to the browser.
  if (!html.hasAttribute('data-other-page')) {
    var early = [];
    var keep = function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (event.key.length !== 1 && event.key !== 'Escape') return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      early.push(event.key);
    };
    document.addEventListener('keydown', keep, true);
    window.__newsEarlyKeys = function () {
      document.removeEventListener('keydown', keep, true);
      return early.splice(0);
    };
  }
})();
