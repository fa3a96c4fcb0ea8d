// Search as you type: turns each search box with data-suggest into an ARIA 1.2 combobox that
// lists matching program titles. Arrow keys move through them, Enter opens one, Escape closes
// the list. Without JavaScript the box is a plain search form.
(function () {
  'use strict';
  var counter = 0;

  function enhance(input) {
    var endpoint = input.getAttribute('data-suggest');
    var id = 'suggestions-' + (++counter);
    var list = document.createElement('ul');
    list.id = id;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggested programs');
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);

    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role=option]');
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
      }
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function show(suggestions) {
      items = suggestions;
      list.textContent = '';
      if (!suggestions.length) {
        close();
        return;
      }
      suggestions.forEach(function (s, i) {
        var option = document.createElement('li');
        option.id = id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = s.title;
        var meta = document.createElement('span');
        meta.className = 'suggestion__meta';
        meta.textContent = s.meta;
        option.appendChild(meta);
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          window.location.href = s.url;
        });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) {
        close();
        return;
      }
      var request = ++latest;
      fetch(endpoint + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          if (request === latest) {
            show(body.suggestions || []);
          }
        })
        .catch(close);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) {
        if (event.key === 'ArrowDown' && input.value.trim().length >= 2) {
          fetchSuggestions();
          event.preventDefault();
        }
        return;
      }
      if (event.key === 'ArrowDown') {
        highlight(Math.min(items.length - 1, active + 1));
        event.preventDefault();
      } else if (event.key === 'ArrowUp') {
        highlight(Math.max(-1, active - 1));
        event.preventDefault();
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].url;
      } else if (event.key === 'Escape') {
        close();
        event.preventDefault();
      }
    });
    input.addEventListener('blur', function () {
      setTimeout(close, 100);
    });
  }

  var inputs = document.querySelectorAll('input[data-suggest]');
  for (var i = 0; i < inputs.length; i++) {
    enhance(inputs[i]);
  }
})();
