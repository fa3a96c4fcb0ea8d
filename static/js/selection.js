// Programs selected to compare: one selection, kept in this browser (localStorage, no account),
// ticked on the finder's cards and on program pages alike, and shown in a bar at the foot of the
// screen ("3 selected", Compare, Clear) that links to the side-by-side comparison.
// Without JavaScript the finder's checkboxes are a plain GET form to /programs/compare with its own
// buttons; here the bar takes their place, so there is one way to compare, not two.
(function () {
  'use strict';
  var KEY = 'gme-selection';
  var OLD_KEY = 'gme-shortlist'; // the "Save to my shortlist" buttons this replaces kept the same list

  var bar = document.querySelector('.selection-bar');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.select-box'));
  if (!storageWorks()) {
    return;
  }
  // The comparison's "Remove" links leave that program out of the selection too.
  document.addEventListener('click', function (event) {
    var remove = event.target.closest ? event.target.closest('a.compare__remove[data-slug]') : null;
    if (remove) {
      var slug = remove.getAttribute('data-slug');
      store(read(KEY).filter(function (p) { return p.slug !== slug; }));
    }
  });
  if (!bar) {
    return;
  }
  var max = parseInt(bar.getAttribute('data-compare-max'), 10) || 4;
  var count = bar.querySelector('.selection-bar__count');
  var list = bar.querySelector('.selection-bar__list');
  var items = list.querySelector('ul');
  var hint = bar.querySelector('.selection-bar__hint');
  var compare = bar.querySelector('.selection-bar__compare');
  var clear = bar.querySelector('.selection-bar__clear');
  var message = bar.querySelector('.selection-bar__message');
  var announce = document.querySelector('.selection-announce');

  function storageWorks() {
    try {
      window.localStorage.setItem(KEY + '-test', '1');
      window.localStorage.removeItem(KEY + '-test');
      return true;
    } catch (e) {
      return false;
    }
  }

  function read(key) {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || '[]');
      return Array.isArray(saved) ? saved.filter(function (p) { return p && typeof p.slug === 'string' && p.slug; }) : [];
    } catch (e) {
      return [];
    }
  }

  function load() {
    if (window.localStorage.getItem(KEY) === null && window.localStorage.getItem(OLD_KEY) !== null) {
      store(read(OLD_KEY).slice(0, max));
      window.localStorage.removeItem(OLD_KEY);
    }
    return read(KEY);
  }

  function store(selection) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(selection));
    } catch (e) {
      // Private browsing with no room: the page still works, the selection is not kept.
    }
  }

  function has(selection, slug) {
    return selection.some(function (p) { return p.slug === slug; });
  }

  function say(text) {
    // Cleared first, so that the same words twice are announced twice.
    announce.textContent = '';
    window.setTimeout(function () { announce.textContent = text; }, 50);
  }

  function showMessage(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function selectedText(n) {
    return n + ' selected';
  }

  function render() {
    var selection = load();
    boxes.forEach(function (box) {
      box.checked = has(selection, box.value);
    });
    bar.hidden = selection.length === 0;
    document.documentElement.classList.toggle('has-selection-bar', selection.length > 0);
    count.textContent = selectedText(selection.length);
    if (selection.length >= 2) {
      compare.href = '/programs/compare?p=' + selection.map(function (p) { return encodeURIComponent(p.slug); }).join(',');
      compare.hidden = false;
      hint.hidden = true;
    } else {
      compare.hidden = true;
      hint.hidden = false;
    }
    while (items.firstChild) {
      items.removeChild(items.firstChild);
    }
    selection.forEach(function (p) {
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = '/programs/' + encodeURIComponent(p.slug);
      link.textContent = p.title;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'selection-bar__remove';
      remove.setAttribute('data-slug', p.slug);
      remove.appendChild(document.createTextNode('Remove'));
      var which = document.createElement('span');
      which.className = 'visually-hidden';
      which.textContent = ' ' + p.title;
      remove.appendChild(which);
      li.appendChild(link);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(remove);
      items.appendChild(li);
    });
    if (selection.length === 0) {
      list.open = false;
    }
    measure();
  }

  // What the Tab key reaches is scrolled clear of the bar (scroll-padding-bottom in site.css).
  function measure() {
    document.documentElement.style.setProperty('--selection-bar-height', (bar.hidden ? 0 : bar.offsetHeight) + 'px');
  }

  function toggle(slug, title, on) {
    var selection = load();
    if (on && !has(selection, slug)) {
      if (selection.length >= max) {
        showMessage('You can compare up to ' + max + ' programs at once. Remove one to add ' + title + '.');
        say('Not added: you can compare up to ' + max + ' programs at once. Remove one first.');
        render();
        return;
      }
      selection.push({ slug: slug, title: title });
      store(selection);
      showMessage('');
      render();
      say(title + ' added. ' + selectedText(selection.length) + '.');
    } else if (!on && has(selection, slug)) {
      selection = selection.filter(function (p) { return p.slug !== slug; });
      store(selection);
      showMessage('');
      render();
      say(title + ' removed. ' + selectedText(selection.length) + '.');
    }
  }

  boxes.forEach(function (box) {
    box.addEventListener('change', function () {
      toggle(box.value, box.getAttribute('data-title') || box.value, box.checked);
    });
    // Shown only now: on a program page the checkbox needs this script.
    var holder = box.closest('[data-needs-script]');
    if (holder) {
      holder.hidden = false;
    }
  });
  items.addEventListener('click', function (event) {
    var remove = event.target.closest('.selection-bar__remove');
    if (!remove) {
      return;
    }
    var slug = remove.getAttribute('data-slug');
    var entry = load().filter(function (p) { return p.slug === slug; })[0];
    toggle(slug, entry ? entry.title : slug, false);
    if (bar.hidden) {
      focusAfterBar();
    } else {
      (items.querySelector('.selection-bar__remove') || list.querySelector('summary')).focus();
    }
  });
  clear.addEventListener('click', function () {
    store([]);
    showMessage('');
    render();
    say('Selection cleared.');
    focusAfterBar();
  });

  // The bar hides when the selection is empty: focus goes back to the page (where it was read), not to nowhere.
  function focusAfterBar() {
    var main = document.getElementById('main');
    if (main) {
      main.focus({ preventScroll: true });
    }
  }
  // With the bar in charge, the form's own buttons would be a second way to compare.
  Array.prototype.slice.call(document.querySelectorAll('.compare-form__submit')).forEach(function (el) {
    el.hidden = true;
  });
  // Another tab changed the selection.
  window.addEventListener('storage', function (event) {
    if (event.key === KEY) {
      render();
    }
  });
  // Back and forward restore a page from the cache with the boxes as they were: show the selection as it is now.
  window.addEventListener('pageshow', render);
  window.addEventListener('resize', measure);
  list.addEventListener('toggle', measure);
  render();
})();
