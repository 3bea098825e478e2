// Starts ReDoc on /redoc. Its styles are <style> elements it writes at run time: the page's CSP
// admits them by this response's nonce, which ReDoc puts on each (a data attribute, since
// browsers hide a nonce attribute's value from scripts).
window.addEventListener("load", function () {
  var root = document.getElementById("redoc");
  // Search runs in a worker made from a blob: URL, which the site's policy does not admit;
  // Swagger UI at /docs has a filter instead.
  var options = { nonce: root.dataset.styleNonce, disableSearch: true };
  Redoc.init(root.dataset.openapiUrl, options, root);
});
