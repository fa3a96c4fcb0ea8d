// The forms' program fields on a site with more programs than a form can list: each text field with
// data-program-names becomes a combobox of the programs matching what is typed (combobox.js).
// data-program-names-mode="one" (the question form): choosing a match puts its title in the field
// and its slug in a hidden "program" field, so a title two programs share is still one program;
// typing again forgets it. Mode "add" (the registration form): choosing a match adds it as a ticked
// box to the list named by data-program-names-list, and empties the field for the next one.
// Without JavaScript the server reads the typed name (and the form's "Add" button) the same way.
(function () {
  'use strict';
  if (!window.fetch || !window.gmeCombobox) {
    return;
  }
  function label(match) {
    return match.title + (match.type ? ' (' + match.type + ')' : '');
  }
  Array.prototype.forEach.call(document.querySelectorAll('input[data-program-names]'), function (input) {
    var adding = input.getAttribute('data-program-names-mode') === 'add';
    var how = document.createElement('p');
    how.className = 'field__hint';
    how.id = input.id + '-how';
    how.textContent = 'As you type, matching programs are listed: Down arrow to go through them, Enter to '
      + (adding ? 'add one.' : 'choose one.');
    input.parentNode.insertBefore(how, input);
    input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + how.id).trim());
    var count = document.createElement('p');
    count.className = 'visually-hidden';
    count.setAttribute('role', 'status');
    input.parentNode.parentNode.insertBefore(count, input.parentNode.nextSibling);
    var form = input.form;
    var hidden = null;
    if (!adding) {
      hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'program';
      input.parentNode.appendChild(hidden);
    }
    var list = adding ? document.getElementById(input.getAttribute('data-program-names-list')) : null;
    window.gmeCombobox(input, {
      url: input.getAttribute('data-program-names'),
      count: count,
      option: label,
      typed: function () {
        if (hidden) {
          hidden.value = '';
        }
      },
      chose: function (match) {
        if (!adding) {
          input.value = match.title;
          hidden.value = match.slug;
          Array.prototype.forEach.call(form.querySelectorAll('input[type="radio"][name="program"]'), function (radio) {
            radio.checked = radio.value === match.slug;
          });
          count.textContent = 'Chosen: ' + label(match) + '.';
          return;
        }
        input.value = '';
        var existing = form.querySelector('input[type="checkbox"][name="programs"][value="' + CSS.escape(match.slug) + '"]');
        if (existing) {
          existing.checked = true;
        } else {
          var choice = document.createElement('div');
          choice.className = 'choice';
          var box = document.createElement('input');
          box.type = 'checkbox';
          box.name = 'programs';
          box.value = match.slug;
          box.id = 'programs-' + match.slug;
          box.checked = true;
          var text = document.createElement('label');
          text.setAttribute('for', box.id);
          text.textContent = label(match);
          choice.appendChild(box);
          choice.appendChild(text);
          list.appendChild(choice);
          list.hidden = false;
        }
        count.textContent = 'Added ' + label(match) + '.';
      }
    });
  });
})();
