// The content editor: a filter above each program picker, so one of thousands is found by typing.
// Without this script the picker is a plain multiple select and works the same.
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
}());
