// Filters a long list of checkboxes (the houses of a lodging cluster) by a text typed in, with or without diacritics.
// Progressive enhancement: without this script every item is listed and the form works the same; hidden items that are
// ticked stay ticked and are submitted, and ticked items are always shown.
(function () {
  'use strict';
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  }
  document.querySelectorAll('[data-filter-list]').forEach(function (list) {
    var box = list.querySelector('[data-filter]');
    var input = list.querySelector('[data-filter-input]');
    var count = list.querySelector('[data-filter-count]');
    var items = Array.prototype.slice.call(list.querySelectorAll('[data-filter-item]'));
    if (!box || !input) return;
    var keys = items.map(function (item) { return fold(item.textContent || ''); });
    function apply() {
      var words = fold(input.value).split(' ').filter(Boolean);
      var shown = 0;
      items.forEach(function (item, i) {
        var ticked = item.querySelector('input[type=checkbox]:checked') !== null;
        var show = ticked || words.every(function (w) { return keys[i].indexOf(w) >= 0; });
        item.style.display = show ? '' : 'none';
        if (show) shown++;
      });
      if (count) count.textContent = (count.getAttribute('data-template') || '{0} / {1}').replace('{0}', shown).replace('{1}', items.length);
    }
    box.hidden = false;
    input.addEventListener('input', apply);
    apply();
  });
})();
