// The passkeys page lists the new passkey once the browser's prompt has registered it.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.setTimeout(() => window.location.reload(), 800);
});
