import type { ActivationLetter } from "@portico/contracts";
import type { Static } from "typebox";

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** The printable letter handed to a newly registered patient: name, code, how to use it. */
export function renderActivationLetter(letter: Static<typeof ActivationLetter>): string {
  const expires = new Date(letter.expiresAt).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Your ${escapeHtml(letter.clinicName)} portal activation code</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
  .code { font: 600 2rem/1.2 ui-monospace, monospace; letter-spacing: .15em; border: 2px solid #111; padding: .75rem 1rem; display: inline-block; }
  ol li { margin-bottom: .5rem; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(letter.clinicName)} patient portal</h1>
<p>Dear ${escapeHtml(letter.patientName)},</p>
<p>Use this code to create your portal login. You will also need your date of birth.</p>
<p class="code" aria-label="Activation code">${escapeHtml(letter.code)}</p>
<ol>
  <li>Go to <strong>${escapeHtml(letter.activateUrl)}</strong></li>
  <li>Enter the code above and your date of birth.</li>
  <li>Choose your email address and a password.</li>
</ol>
<p>The code works once and expires on <strong>${escapeHtml(expires)}</strong>. Keep this letter private.</p>
<p>Questions? Call us at ${escapeHtml(letter.clinicPhone)}.</p>
</body>
</html>`;
}
