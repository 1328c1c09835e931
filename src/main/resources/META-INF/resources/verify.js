// In-browser check of a label's QR token (docs/qr-token.md): the browser fetches the trust list,
// verifies it with the authority key the page names, finds the body key by the token's 4-byte key ID
// prefix and verifies the token's Ed25519 signature over its claims bytes with WebCrypto.
(function () {
  'use strict';
  var el = document.getElementById('browser-check');
  if (!el) return;

  function show(result) {
    el.setAttribute('data-result', result);
    el.textContent = el.getAttribute('data-' + result);
  }

  function base32(text) { // RFC 4648 §6, no padding
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    var bits = 0, value = 0, out = [];
    for (var i = 0; i < text.length; i++) {
      var v = alphabet.indexOf(text.charAt(i));
      if (v < 0) throw new Error('not base32');
      value = (value << 5) | v;
      bits += 5;
      if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
    }
    return new Uint8Array(out);
  }

  function base64(text) {
    var s = text.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    var raw = atob(s), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function importKey(raw) {
    return crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  }

  async function check() {
    if (!window.crypto || !crypto.subtle) return 'unsupported';
    var authority = el.getAttribute('data-authority');
    var authorityKey;
    try {
      authorityKey = await importKey(base64(authority));
    } catch (e) {
      return 'unsupported'; // no Ed25519 in this browser's WebCrypto
    }
    var bytes;
    try {
      bytes = base32(el.getAttribute('data-token').toUpperCase());
    } catch (e) {
      return 'failed';
    }
    if (bytes.length < 65 + 5) return 'failed';
    var claims = bytes.slice(0, bytes.length - 64);
    var signature = bytes.slice(bytes.length - 64);
    var prefix = hex(claims.slice(1, 5));
    var response = await fetch('/trust-list', { cache: 'no-store' });
    if (!response.ok) return 'failed';
    var envelope = await response.json();
    var payload = base64(envelope.payload);
    if (!(await crypto.subtle.verify({ name: 'Ed25519' }, authorityKey, base64(envelope.signature), payload))) return 'failed';
    var list = JSON.parse(new TextDecoder().decode(payload));
    var entry = (list.keys || []).find(function (k) { return k.keyId.indexOf(prefix) === 0; });
    if (!entry) return 'failed';
    var key = await importKey(base64(entry.publicKey));
    return (await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, claims)) ? 'ok' : 'failed';
  }

  check().then(show, function () { show('unsupported'); });
})();
