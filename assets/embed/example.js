// The host page's own script: a click counter, to show the page stays interactive while
// (and after) the help widget loads. It knows nothing about the widget.
(function () {
  'use strict';
  var button = document.getElementById('host-button');
  var counter = document.getElementById('host-counter');
  if (!button || !counter) return;
  var clicks = 0;
  button.addEventListener('click', function () {
    clicks += 1;
    counter.textContent = String(clicks);
  });
})();
