// The issue form's product picker: once a holder is chosen, offer its registered products. Without script the
// fields are plain text inputs and the form works the same.
(function () {
  var holder = document.getElementById('holder');
  var list = document.getElementById('product-list');
  if (!holder || !list) return;
  var last = null;
  function load() {
    var code = holder.value.trim();
    if (code === last || code.length < 18) return;
    last = code;
    fetch('/console/lookup/products?holder=' + encodeURIComponent(code), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (products) {
        while (list.firstChild) list.removeChild(list.firstChild);
        products.forEach(function (p) {
          var o = document.createElement('option');
          o.value = p.model;
          o.textContent = p.name;
          list.appendChild(o);
        });
      })
      .catch(function () {});
  }
  holder.addEventListener('change', load);
  holder.addEventListener('blur', load);
})();
