// Passkeys: registration on /account/passkeys and sign-in on /login, against Spring Security's
// WebAuthn endpoints; the wallet's pages name their own endpoints in data-* attributes of the form
// and the button. The server sends and expects binary values as base64url strings.
(function () {
  "use strict";

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    var binary = window.atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var binary = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return window.btoa(binary).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
  }

  function csrfHeaders() {
    var headers = { "Content-Type": "application/json" };
    var name = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (name && token) {
      headers[name.content] = token.content;
    }
    return headers;
  }

  async function post(url, body) {
    var response = await fetch(url, {
      method: "POST",
      headers: csrfHeaders(),
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
      var reason = "the server answered " + response.status;
      try {
        var problem = await response.json();
        if (problem && problem.error) {
          reason = problem.error;
        }
      } catch (ignored) {
        // Not JSON: keep the status.
      }
      throw new Error(reason);
    }
    return response.json();
  }

  function showError(message) {
    var box = document.getElementById("passkey-error");
    box.textContent = message;
    box.classList.remove("d-none");
    box.focus();
  }

  function supported() {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      showError("This browser cannot use passkeys. Sign in with your password, or try a current browser.");
      return false;
    }
    return true;
  }

  function setting(element, name, fallback) {
    return (element && element.getAttribute(name)) || fallback;
  }

  async function register(form, label) {
    var options = await post(setting(form, "data-options-url", "/webauthn/register/options"));
    options.challenge = toBytes(options.challenge);
    options.user.id = toBytes(options.user.id);
    options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: toBytes(c.id) });
    });
    var credential = await navigator.credentials.create({ publicKey: options });
    var response = credential.response;
    var result = await post(setting(form, "data-register-url", "/webauthn/register"), {
      publicKey: {
        label: label,
        credential: {
          id: credential.id,
          rawId: toBase64url(credential.rawId),
          type: credential.type,
          authenticatorAttachment: credential.authenticatorAttachment,
          clientExtensionResults: credential.getClientExtensionResults(),
          response: {
            attestationObject: toBase64url(response.attestationObject),
            clientDataJSON: toBase64url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          }
        }
      }
    });
    if (!result.success) {
      throw new Error("the server did not accept the passkey");
    }
  }

  async function signIn(button) {
    var options = await post(setting(button, "data-options-url", "/webauthn/authenticate/options"));
    options.challenge = toBytes(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: toBytes(c.id) });
    });
    var credential = await navigator.credentials.get({ publicKey: options });
    var response = credential.response;
    var result = await post(setting(button, "data-sign-in-url", "/login/webauthn"), {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        authenticatorData: toBase64url(response.authenticatorData),
        clientDataJSON: toBase64url(response.clientDataJSON),
        signature: toBase64url(response.signature),
        userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
      }
    });
    if (!result.authenticated) {
      throw new Error("the passkey was not accepted");
    }
    return result.redirectUrl || "/";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("passkey-register");
    if (form) {
      form.addEventListener("submit", async function (event) {
        event.preventDefault();
        if (!supported()) {
          return;
        }
        var label = document.getElementById("passkey-label").value.trim();
        if (!label) {
          showError("Give the passkey a name you will recognise, such as 'Work laptop'.");
          return;
        }
        try {
          await register(form, label);
          window.location.href = setting(form, "data-done-url", "/account/passkeys?registered");
        } catch (e) {
          showError("The passkey was not registered (" + e.message + "). Try again, or use another device.");
        }
      });
    }
    var button = document.getElementById("passkey-sign-in");
    if (button) {
      button.addEventListener("click", async function () {
        if (!supported()) {
          return;
        }
        try {
          window.location.href = await signIn(button);
        } catch (e) {
          showError("Signing in with a passkey did not work (" + e.message + "). Try again, or "
            + setting(button, "data-otherwise", "use your password") + ".");
        }
      });
    }
  });
})();
