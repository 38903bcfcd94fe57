// Drafted emails as RFC 5322 messages (.eml), built in the browser the way the CLI's `email --out` writes
// them (src/agents/eml_message.cpp): UTF-8 plain text, CRLF line ends, RFC 2047 encoded words for headers
// that are not printable ASCII, and addresses at the reserved domain crm-assistant.invalid (the data has
// no email addresses: the user must replace them).
//
//   emlMessage({sender, to, subject, body, id}, date) → the message text
//   emlFilename(draft)                                 → "Account.follow_up.eml"-like, safe as a file name

const DOMAIN = 'crm-assistant.invalid';
const WORD_BYTES = 45; // 45 bytes → 60 base64 characters: an encoded word stays within 75
const BODY_LINE = 76;

//! Text with CR, LF and tabs turned into spaces, so that a value cannot add header lines.
const oneLine = (text) => String(text ?? '').replace(/[\r\n\t]/g, ' ');
const printableAscii = (text) => /^[\x20-\x7e]*$/.test(text);

//! Base64 of bytes.
function base64(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

//! The text as is when printable ASCII, else encoded words of whole UTF-8 characters.
export function encodeHeaderText(text) {
  const line = oneLine(text);
  if (printableAscii(line)) return line;
  const bytes = new TextEncoder().encode(line);
  const words = [];
  let at = 0;
  while (at < bytes.length) {
    let end = Math.min(bytes.length, at + WORD_BYTES);
    while (end < bytes.length && end > at && (bytes[end] & 0xc0) === 0x80) end -= 1;
    words.push(`=?UTF-8?B?${base64(bytes.subarray(at, end))}?=`);
    at = end;
  }
  return words.join('\r\n ');
}

//! A display name: a quoted string when ASCII, encoded words otherwise.
function displayName(name) {
  const line = oneLine(name);
  if (!printableAscii(line)) return encodeHeaderText(line);
  return `"${line.replace(/["\\]/g, '\\$&')}"`;
}

//! "anna.snelling@crm-assistant.invalid" for "Anna Snelling".
export function placeholderAddress(name) {
  const local = String(name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
  return `${local || 'sales'}@${DOMAIN}`;
}

//! "Mon, 01 Jan 2018 09:00:00 +0000".
export function rfc5322Date(date) {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} `
    + `${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:`
    + `${pad(date.getUTCSeconds())} +0000`;
}

//! The body with CRLF line ends, long lines wrapped at spaces.
function bodyLines(text) {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  for (let line of lines) {
    while (line.length > BODY_LINE) {
      let cut = line.lastIndexOf(' ', BODY_LINE);
      if (cut <= 0) cut = line.indexOf(' ', BODY_LINE);
      if (cut < 0) break;
      out.push(line.slice(0, cut));
      line = line.slice(cut + 1);
    }
    out.push(line);
  }
  const joined = out.join('\r\n');
  return joined.endsWith('\r\n') ? joined : `${joined}\r\n`;
}

export function emlMessage({ sender, to, subject, body, id }, date = new Date()) {
  const token = String(id ?? 'draft').replace(/[^A-Za-z0-9._]/g, '-');
  return [
    `From: ${displayName(sender)} <${placeholderAddress(sender)}>`,
    `To: ${displayName(to)}:;`,
    `Subject: ${encodeHeaderText(subject)}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: <${token}.${Math.floor(date.getTime() / 1000)}@${DOMAIN}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    bodyLines(body),
  ].join('\r\n');
}

export function emlFilename(draft) {
  const base = `${draft.account || 'email'}.${draft.email_type || 'draft'}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${base.replace(/^[._]+/, '') || 'email'}.eml`;
}
