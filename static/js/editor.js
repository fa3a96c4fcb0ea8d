// The content editor, enhanced. Each program list (a textarea of slugs, one a line, without this
// script) becomes a searchable picker: an ARIA 1.2 combobox (combobox.js) whose listbox the server
// fills with the best matches as staff type (arrows move, Enter chooses, Escape closes), and the chosen programs as
// a list with a Remove button each; the textarea stays the form's value, hidden. As staff type, the
// text is checked on the server exactly as Save checks it (one request at a time, the latest text
// winning), the problems announced in a status line, and the page shown in the preview frame beside
// the form from that same check. Without this script, Save and "Preview" (a new tab) do the same.
(function () {
  'use strict';
  var form = document.querySelector('form.editor');
  if (!form || !window.fetch || !window.gmeCombobox) {
    return;
  }

  function changed() {
    form.dispatchEvent(new Event('input', {bubbles: true}));
  }

  // --- the program picker ---

  function picker(textarea, index) {
    var id = textarea.id;
    var searchUrl = textarea.getAttribute('data-picker');
    var field = textarea.parentNode;
    var label = field.querySelector('label[for="' + id + '"]');
    var titles = {};
    var served = field.querySelector('[data-picker-chosen]');
    if (served) {
      Array.prototype.forEach.call(served.querySelectorAll('li[data-slug]'), function (item) {
        titles[item.getAttribute('data-slug')] = item.getAttribute('data-title') || '';
      });
      served.parentNode.removeChild(served);
    }
    var chosen = document.createElement('ul');
    chosen.className = 'picker__chosen';
    chosen.setAttribute('aria-label', 'Chosen: ' + label.textContent.trim());
    var combo = document.createElement('div');
    combo.className = 'picker__combo';
    var input = document.createElement('input');
    input.type = 'text';
    input.className = 'field__input';
    input.id = id + '-search';
    input.setAttribute('aria-describedby', id + '-how ' + (textarea.getAttribute('aria-describedby') || ''));
    var how = document.createElement('p');
    how.className = 'field__hint';
    how.id = id + '-how';
    how.textContent = 'Type part of a program\'s title or slug; Down arrow to go through the matches, Enter to add one.';
    var count = document.createElement('p');
    count.className = 'visually-hidden';
    count.setAttribute('role', 'status');
    combo.appendChild(input);
    label.setAttribute('for', input.id);
    textarea.hidden = true;
    field.insertBefore(how, textarea);
    field.insertBefore(chosen, textarea);
    field.insertBefore(combo, textarea);
    field.insertBefore(count, textarea);

    function slugs() {
      return textarea.value.split('\n').map(function (s) { return s.trim(); }).filter(function (s) { return s !== ''; });
    }
    function write(list) {
      textarea.value = list.length ? list.join('\n') + '\n' : '';
      drawChosen();
      changed();
    }
    function drawChosen() {
      chosen.textContent = '';
      slugs().forEach(function (slug) {
        var item = document.createElement('li');
        var name = document.createElement('span');
        name.textContent = titles[slug] ? titles[slug] + ' ' : slug + (slug in titles ? ' (no such program)' : '');
        if (titles[slug]) {
          var code = document.createElement('code');
          code.textContent = slug;
          name.appendChild(code);
        }
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'button button--outline';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', 'Remove ' + (titles[slug] || slug));
        remove.addEventListener('click', function () {
          write(slugs().filter(function (s) { return s !== slug; }));
          count.textContent = 'Removed ' + (titles[slug] || slug) + '.';
          input.focus();
        });
        item.appendChild(name);
        item.appendChild(remove);
        chosen.appendChild(item);
      });
    }
    window.gmeCombobox(input, {
      id: id,
      url: searchUrl,
      count: count,
      option: function (match) {
        var shown = document.createElement('span');
        shown.textContent = match.title + (match.draft ? ' (draft) ' : ' ');
        var code = document.createElement('code');
        code.textContent = match.slug;
        shown.appendChild(code);
        if (slugs().indexOf(match.slug) >= 0) {
          shown.appendChild(document.createTextNode(' (chosen)'));
        }
        return shown;
      },
      chose: function (match) {
        titles[match.slug] = match.title;
        var list = slugs();
        if (list.indexOf(match.slug) < 0) {
          list.push(match.slug);
        }
        write(list);
        count.textContent = 'Added ' + match.title + '.';
        input.value = '';
      },
      // Enter chooses; it never submits the form from here.
      enter: function (event) { event.preventDefault(); }
    });
    drawChosen();
  }
  Array.prototype.forEach.call(form.querySelectorAll('textarea[data-picker]'), picker);

  // --- the check and the live preview ---

  var status = document.getElementById('live-check');
  var panel = document.getElementById('live-preview');
  var frame = document.getElementById('preview-frame');
  var note = document.getElementById('live-preview-note');
  if (panel && frame) {
    panel.hidden = false;
  }
  function show(problems) {
    status.textContent = '';
    if (problems.length === 0) {
      status.textContent = 'Checked: no problems.';
      return;
    }
    var heading = document.createElement('p');
    heading.textContent = problems.length === 1 ? 'Checked: 1 problem' : 'Checked: ' + problems.length + ' problems';
    var list = document.createElement('ul');
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      if (problem.anchor) {
        var link = document.createElement('a');
        link.href = '#' + problem.anchor;
        link.textContent = problem.message;
        item.appendChild(link);
      } else {
        item.textContent = problem.message;
      }
      list.appendChild(item);
    });
    status.appendChild(heading);
    status.appendChild(list);
  }
  var timer = null;
  var busy = false;
  var again = false;
  var loading = false;
  var scroll = 0;
  // The preview says when it is being updated (aria-busy): from a keystroke until the new page has loaded.
  function settle() {
    if (panel && !busy && !again && timer === null && !loading) {
      panel.setAttribute('aria-busy', 'false');
    }
  }
  if (frame) {
    frame.addEventListener('load', function () {
      try {
        frame.contentWindow.scrollTo(0, scroll);
        // The site's pages refuse to be framed: a link or form in the preview opens in a new tab, and the editor stays.
        Array.prototype.forEach.call(frame.contentDocument.querySelectorAll('a[href], form'), function (element) {
          element.setAttribute('target', '_blank');
          if (element.tagName === 'A') {
            element.setAttribute('rel', 'noopener');
          }
        });
      } catch (e) { /* nothing to keep */ }
      loading = false;
      settle();
    });
  }
  function check() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    fetch('/admin/edit/preview', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'X-Editor-Check': '1'},
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (!answer) {
        return;
      }
      if (status) {
        show(answer.problems);
      }
      if (frame && !panel.hidden) {
        if (answer.preview) {
          try {
            scroll = frame.contentWindow.scrollY || 0;
          } catch (e) {
            scroll = 0;
          }
          loading = true;
          frame.src = answer.preview;
          note.textContent = 'The page as the site would show it, updated as you type.';
        } else {
          note.textContent = 'The preview shows the last text without problems; fix the problems listed under the form to see the rest.';
        }
      }
    }).catch(function () {
      // Offline or signed out: Save still checks the text.
    }).then(function () {
      busy = false;
      if (again) {
        check();
      } else {
        settle();
      }
    });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    if (panel) {
      panel.setAttribute('aria-busy', 'true');
    }
    timer = setTimeout(function () {
      timer = null;
      check();
    }, 700);
  });
  if (frame) {
    if (panel) {
      panel.setAttribute('aria-busy', 'true');
    }
    check();
  }
}());
