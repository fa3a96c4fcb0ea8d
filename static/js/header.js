// The phone header's two tools. Without JavaScript, Menu is a <details> element (it opens and
// closes by itself) and Search is a link to the search page. Here Menu becomes a disclosure
// button with aria-expanded (Escape or a tap elsewhere closes it, focus returns to the button)
// and Search opens the header's own search box in place, with the cursor in it. On a wide screen
// neither tool is shown (CSS) and none of this matters.
(function () {
  'use strict';
  var header = document.querySelector('.site-header');
  if (!header) {
    return;
  }
  var disclosures = [];

  function disclosure(button, panel, onOpen) {
    var item = {
      button: button,
      panel: panel,
      isOpen: function () { return button.getAttribute('aria-expanded') === 'true'; },
      set: function (open) {
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
        if (panel.classList.contains('site-search')) {
          panel.classList.toggle('site-search--open', open);
        } else {
          panel.hidden = !open;
        }
        if (open) {
          disclosures.forEach(function (other) {
            if (other !== item && other.isOpen()) {
              other.set(false);
            }
          });
          if (onOpen) {
            onOpen();
          }
        }
      }
    };
    button.addEventListener('click', function (event) {
      event.preventDefault();
      item.set(!item.isOpen());
    });
    disclosures.push(item);
    return item;
  }

  // Menu: <details><summary>…</summary><nav>…</nav></details> becomes <button aria-expanded> + <nav hidden>.
  var details = header.querySelector('details.site-menu');
  if (details) {
    var summary = details.querySelector('summary');
    var nav = details.querySelector('.site-menu__panel');
    var menu = document.createElement('div');
    menu.className = 'site-menu';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = summary.className;
    while (summary.firstChild) {
      button.appendChild(summary.firstChild);
    }
    nav.id = 'site-menu-panel';
    nav.hidden = true;
    button.setAttribute('aria-controls', nav.id);
    menu.appendChild(button);
    menu.appendChild(nav);
    details.parentNode.replaceChild(menu, details);
    disclosure(button, nav).set(false);
  }

  // Search: the link to /search becomes a button that shows the header's search box.
  var link = header.querySelector('.site-header__search-link');
  var form = document.getElementById(link ? link.getAttribute('data-opens') : '');
  if (link && form) {
    var searchButton = document.createElement('button');
    searchButton.type = 'button';
    searchButton.className = link.className;
    while (link.firstChild) {
      searchButton.appendChild(link.firstChild);
    }
    searchButton.setAttribute('aria-controls', form.id);
    link.parentNode.replaceChild(searchButton, link);
    var input = form.querySelector('input[type=search]');
    disclosure(searchButton, form, function () {
      if (input) {
        input.focus();
      }
    }).set(false);
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    disclosures.forEach(function (item) {
      if (item.isOpen() && (item.panel.contains(document.activeElement) || item.button === document.activeElement)) {
        // An open list of suggestions closes first (search-suggest.js); the next Escape closes the box.
        if (item.panel.classList.contains('site-search') && document.activeElement.getAttribute('aria-expanded') === 'true') {
          return;
        }
        item.set(false);
        item.button.focus();
      }
    });
  }, true);
  document.addEventListener('click', function (event) {
    disclosures.forEach(function (item) {
      if (item.isOpen() && !item.panel.contains(event.target) && !item.button.contains(event.target)) {
        item.set(false);
      }
    });
  });
})();
