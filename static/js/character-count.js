// Character count for a textarea with data-maxlength (the GOV.UK pattern): a visible line under the
// field says how many characters are left, or how many too many; screen readers hear it once the
// typing pauses. The server checks the length anyway; without JavaScript the hint gives the limit.
(function () {
  'use strict';
  var format = function (n) { return n.toLocaleString('en-US'); };
  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-maxlength]'), function (field) {
    var max = parseInt(field.getAttribute('data-maxlength'), 10);
    var shown = document.createElement('p');
    shown.className = 'field__count';
    shown.id = field.id + '-count';
    shown.setAttribute('aria-hidden', 'true');
    var spoken = document.createElement('p');
    spoken.className = 'visually-hidden';
    spoken.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', spoken);
    field.insertAdjacentElement('afterend', shown);
    var timer;
    var message = function () {
      var left = max - field.value.length;
      return left >= 0
        ? 'You have ' + format(left) + (left === 1 ? ' character' : ' characters') + ' remaining'
        : 'You have ' + format(-left) + (left === -1 ? ' character' : ' characters') + ' too many';
    };
    var update = function () {
      shown.textContent = message();
      shown.classList.toggle('field__count--over', field.value.length > max);
      clearTimeout(timer);
      timer = setTimeout(function () { spoken.textContent = message(); }, 1000);
    };
    field.addEventListener('input', update);
    shown.textContent = message();
    shown.classList.toggle('field__count--over', field.value.length > max);
  });
})();
