// A text field as an ARIA 1.2 combobox of programs: as people type, the server's best matches
// (a JSON endpoint answering {"results": [{slug, title, ...}]}) fill a listbox under it; Down and
// Up arrows move through them, Enter (or a click) chooses one, Escape closes the list and then
// clears the field. A status line says how many match. Used by the staff editor's program picker
// (editor.js) and by the public forms' program fields (program-names.js). Without JavaScript the
// field stays a plain text field that the server reads.
//
//   window.gmeCombobox(input, {url, option(match) -> text or node, chose(match), count (a status element),
//     id (of the listbox's ids, + '-listbox', '-option-N'; the input's by default), label, typed(), enter(event)})
(function () {
  'use strict';

  window.gmeCombobox = function (input, options) {
    var id = options.id || input.id;
    var listbox = document.createElement('ul');
    listbox.className = 'picker__listbox';
    listbox.id = id + '-listbox';
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', options.label || 'Matching programs');
    listbox.hidden = true;
    var count = options.count;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('autocomplete', 'off');
    input.parentNode.insertBefore(listbox, input.nextSibling);

    var results = [];
    var active = -1;
    var asked = 0;
    var timer = null;
    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function mark(next) {
      var items = listbox.querySelectorAll('[role="option"]');
      if (items.length === 0) {
        return;
      }
      active = (next + items.length) % items.length;
      for (var i = 0; i < items.length; i++) {
        items[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
      }
      input.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({block: 'nearest'});
    }
    function choose(i) {
      var match = results[i];
      if (!match) {
        return;
      }
      close();
      options.chose(match);
    }
    function draw() {
      listbox.textContent = '';
      results.forEach(function (match, i) {
        var option = document.createElement('li');
        option.id = id + '-option-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        var shown = options.option(match);
        if (typeof shown === 'string') {
          option.textContent = shown;
        } else {
          option.appendChild(shown);
        }
        option.addEventListener('mousedown', function (event) { event.preventDefault(); });
        option.addEventListener('click', function () { choose(i); });
        listbox.appendChild(option);
      });
      listbox.hidden = results.length === 0;
      input.setAttribute('aria-expanded', results.length ? 'true' : 'false');
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (count) {
        count.textContent = results.length === 0 ? 'No programs match.' : results.length === 1 ? '1 program matches.' : results.length + ' programs match.';
      }
    }
    function search() {
      var mine = ++asked;
      fetch(options.url + '?q=' + encodeURIComponent(input.value.slice(0, 200)), {credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (answer && mine === asked && document.activeElement === input) {
            results = answer.results;
            draw();
          }
        })
        .catch(function () { /* offline: the field is still sent and read by the server */ });
    }
    input.addEventListener('input', function (event) {
      event.stopPropagation();
      if (options.typed) {
        options.typed();
      }
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (listbox.hidden) {
          search();
        } else {
          mark(event.key === 'ArrowDown' ? active + 1 : active < 0 ? -1 : active - 1);
        }
      } else if (event.key === 'Enter') {
        if (!listbox.hidden && active >= 0) {
          // Enter on a match chooses it; otherwise it does what Enter does in the form.
          event.preventDefault();
          choose(active);
        } else if (options.enter) {
          options.enter(event);
        }
      } else if (event.key === 'Escape') {
        if (!listbox.hidden) {
          event.preventDefault();
          close();
        } else {
          input.value = '';
          if (options.typed) {
            options.typed();
          }
        }
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
    return {close: close};
  };
})();
