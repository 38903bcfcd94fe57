// Talking to the server's JSON API under /api/v1. Errors are thrown as ApiError (an Error whose message
// is the server's {"error": …} text, with the HTTP status). A 401 also fires the window event
// 'crm:signin-required', which shows the sign-in form.
//
//   getJson(path)                      → the parsed JSON of GET path
//   postJson(path, body)               → the parsed JSON of POST path with a JSON body
//   deleteJson(path)                   → the parsed JSON of DELETE path (null when empty)
//   postStream(path, body, {signal, onEvent(name, data)}) → POST answered as server-sent events; resolves
//                                        when the stream ends (an AbortSignal stops it)
//   download(path, filename)           → GETs path and saves the answer as a file
//   postDownload(path, body, filename) → POSTs a JSON body and saves the answer as a file
//   downloadBlob(blob, filename)       → saves a Blob made in the page
//   setCsrfToken(token)                → the token sent as X-CSRF-Token on every state-changing request
//
// `path` is relative to the site ("/api/v1/…"). Filenames fall back to the server's Content-Disposition.

let csrfToken = '';

//! An error answer of the API.
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

//! Remembers the CSRF token of the session (empty: none).
export function setCsrfToken(token) {
  csrfToken = token || '';
}

//! The headers of a request; the CSRF token on anything but GET.
function headers(method, extra = {}) {
  const result = { ...extra };
  if (method !== 'GET' && csrfToken) result['X-CSRF-Token'] = csrfToken;
  return result;
}

//! Throws the API's error for a failed response.
async function fail(response) {
  let message = `${response.status} ${response.statusText || 'request failed'}`;
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') message = body.error;
  } catch {
    // not JSON: keep the status line
  }
  if (response.status === 401) window.dispatchEvent(new CustomEvent('crm:signin-required'));
  throw new ApiError(message, response.status);
}

//! Sends a request; the response when it succeeded.
async function send(method, path, { body, accept = 'application/json', signal } = {}) {
  const init = { method, headers: headers(method, { Accept: accept }), credentials: 'same-origin', signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError('the server cannot be reached', 0);
  }
  if (!response.ok) await fail(response);
  return response;
}

//! The JSON body of a response (null when empty).
async function json(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export async function getJson(path) {
  return json(await send('GET', path));
}

export async function postJson(path, body) {
  return json(await send('POST', path, { body }));
}

export async function deleteJson(path) {
  return json(await send('DELETE', path));
}

//! Feeds the complete events of `buffer` to onEvent; returns the unfinished rest.
function dispatchEvents(buffer, onEvent) {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop();
  for (const block of blocks) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length === 0) continue;
    let parsed;
    try {
      parsed = JSON.parse(data.join('\n'));
    } catch {
      parsed = { text: data.join('\n') };
    }
    onEvent(name, parsed);
  }
  return rest;
}

export async function postStream(path, body, { signal, onEvent }) {
  const response = await send('POST', path, { body, accept: 'text/event-stream', signal });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer = dispatchEvents(buffer + decoder.decode(value, { stream: true }), onEvent);
  }
  dispatchEvents(`${buffer}${decoder.decode()}\n\n`, onEvent);
}

//! The file name of a Content-Disposition header, or `fallback`.
function attachmentName(response, fallback) {
  const header = response.headers.get('Content-Disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  return fallback || (match ? decodeURIComponent(match[1]) : 'download');
}

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function download(path, filename) {
  const response = await send('GET', path, { accept: '*/*' });
  downloadBlob(await response.blob(), attachmentName(response, filename));
}

export async function postDownload(path, body, filename) {
  const response = await send('POST', path, { body, accept: '*/*' });
  downloadBlob(await response.blob(), attachmentName(response, filename));
}
