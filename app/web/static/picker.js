// Progressive enhancement of pickers whose list is too long to send whole (skills): as the
// person types, ask /pick/<kind> for the matching options and put them in the field's datalist.
// Without this script the datalist keeps the options the page was drawn with, and the server
// resolves whatever is typed (app/web/pickers.py).
(function () {
  "use strict";
  var timers = new WeakMap();
  function refresh(input) {
    var list = input.list;
    var query = input.value.trim();
    if (!list || query.length < 2) return;
    fetch("/pick/" + encodeURIComponent(input.dataset.picker) + "?q=" + encodeURIComponent(query), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (options) {
        if (!options || input.value.trim() !== query) return;  // typed on since: a later answer follows
        var fresh = document.createDocumentFragment();
        options.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          fresh.appendChild(option);
        });
        list.replaceChildren(fresh);
      })
      .catch(function () {});  // the static list stays
  }
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.picker) return;
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { refresh(input); }, 150));
  });
})();
