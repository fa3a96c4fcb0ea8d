// On a phone the filter panel starts folded, so the results come first; its summary opens it.
// Without JavaScript (or on a wide screen) the panel stays open.
(function () {
  'use strict';
  var panel = document.querySelector('.finder__panel');
  if (panel && window.matchMedia && window.matchMedia('(max-width: 61.99rem)').matches) {
    panel.open = false;
  }
  // The style sheet kept the panel's filters undrawn until now (no jump when it folds); from here on
  // the panel opens and closes as usual.
  document.documentElement.classList.add('finder-ready');
})();
