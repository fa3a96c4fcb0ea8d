// Shortlist: "Save" buttons keep programs in this browser (localStorage, no account) and a bar
// links to a comparison of the saved programs. Without JavaScript the buttons stay hidden and
// the finder's "Compare" checkboxes do the same job.
(function () {
  'use strict';
  var KEY = 'gme-shortlist';
  var MAX_COMPARE = 4;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || '[]');
      return Array.isArray(saved) ? saved.filter(function (p) { return p && typeof p.slug === 'string'; }) : [];
    } catch (e) {
      return [];
    }
  }

  function store(list) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(list));
      return true;
    } catch (e) {
      return false;
    }
  }

  function isSaved(list, slug) {
    return list.some(function (p) { return p.slug === slug; });
  }

  var buttons = Array.prototype.slice.call(document.querySelectorAll('.save-button[data-slug]'));
  if (!buttons.length || !store(load())) {
    return;
  }

  var bar = document.createElement('section');
  bar.className = 'shortlist';
  bar.setAttribute('aria-label', 'Your shortlist');
  var status = document.createElement('p');
  status.className = 'shortlist__status';
  status.setAttribute('aria-live', 'polite');
  var compare = document.createElement('a');
  compare.className = 'shortlist__compare';
  var clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'shortlist__clear';
  clear.textContent = 'Clear shortlist';
  bar.appendChild(status);
  bar.appendChild(compare);
  bar.appendChild(clear);
  var main = document.getElementById('main');
  main.insertBefore(bar, main.firstChild);

  function render() {
    var list = load();
    buttons.forEach(function (button) {
      var saved = isSaved(list, button.getAttribute('data-slug'));
      button.hidden = false;
      button.setAttribute('aria-pressed', saved ? 'true' : 'false');
      button.firstChild.nodeValue = saved ? 'Saved ' : 'Save ';
      if (button.childNodes.length === 1) {
        button.textContent = saved ? 'Saved to my shortlist' : 'Save to my shortlist';
      }
    });
    bar.hidden = list.length === 0;
    status.textContent = 'Your shortlist: ' + list.length + (list.length === 1 ? ' program.' : ' programs.');
    if (list.length >= 2) {
      var slugs = list.slice(0, MAX_COMPARE).map(function (p) { return encodeURIComponent(p.slug); }).join(',');
      compare.href = '/programs/compare?p=' + slugs;
      compare.textContent = list.length > MAX_COMPARE ? 'Compare the first ' + MAX_COMPARE : 'Compare them';
      compare.hidden = false;
    } else {
      compare.hidden = true;
    }
  }

  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      var list = load();
      var slug = button.getAttribute('data-slug');
      if (isSaved(list, slug)) {
        list = list.filter(function (p) { return p.slug !== slug; });
      } else {
        list.push({ slug: slug, title: button.getAttribute('data-title') || slug });
      }
      store(list);
      render();
    });
  });
  clear.addEventListener('click', function () {
    store([]);
    render();
  });
  render();
})();
