// The content editor, enhanced: a filter above each program picker, so one of thousands is found by
// typing; and as staff type, the text is checked on the server exactly as Save checks it, the
// problems announced in a status line. Without this script the picker is a plain multiple select,
// and the problems appear when the form is saved or previewed.
(function () {
  'use strict';
  document.querySelectorAll('input[data-filter-for]').forEach(function (filter) {
    var select = document.getElementById(filter.getAttribute('data-filter-for'));
    if (!select) {
      return;
    }
    var options = Array.prototype.slice.call(select.options);
    var labels = options.map(function (option) { return option.text.toLowerCase(); });
    filter.hidden = false;
    filter.addEventListener('input', function () {
      var words = filter.value.toLowerCase().trim();
      for (var i = 0; i < options.length; i++) {
        // A chosen program stays in view, so that what is chosen is never hidden.
        options[i].hidden = words !== '' && !options[i].selected && labels[i].indexOf(words) < 0;
      }
    });
  });

  var form = document.querySelector('form.editor');
  var status = document.getElementById('live-check');
  if (!form || !status || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = 0;
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
  function check() {
    var mine = ++asked;
    fetch('/admin/edit/preview', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'X-Editor-Check': '1'},
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (answer && mine === asked) {
        show(answer.problems);
      }
    }).catch(function () {
      // Offline or signed out: Save still checks the text.
    });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 1000);
  });
}());
