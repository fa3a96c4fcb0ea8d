// Event times are written in the event's own zone (Chicago time, with CST or CDT). For a visitor
// whose device is in another zone, this adds the same moment in their own time after each
// <time data-local> element. Without JavaScript, or in Chicago, the page is unchanged.
(function () {
  'use strict';
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short'
  });
  document.querySelectorAll('time[data-local][datetime]').forEach(function (time) {
    var eventZone = time.getAttribute('data-zone');
    if (!visitorZone || visitorZone === eventZone) {
      return;
    }
    var moment = new Date(time.getAttribute('datetime'));
    if (isNaN(moment.getTime())) {
      return;
    }
    var note = document.createElement('span');
    note.className = 'local-time';
    note.textContent = ' (your time: ' + format.format(moment) + ')';
    var after = time.closest('[data-local-after]') || time;
    after.insertAdjacentElement('afterend', note);
  });
})();
