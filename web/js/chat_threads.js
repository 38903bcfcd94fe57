// The chat's threads, kept in this browser's localStorage: each thread has a server session id (so the
// server continues the conversation) and its turns, to draw it again later.
//
//   listThreads()            → threads, newest first: {id, session, title, created, turns[]}
//   getThread(id)            → a thread or undefined
//   newThread()              → a new empty thread (saved)
//   currentThreadId() / setCurrentThread(id)
//   addTurn(id, turn)        → appends {question, answer?, error?, partial?} to the thread (saved)
//   removeThread(id)

const KEY = 'crm.chat.threads';
const CURRENT = 'crm.chat.current';
const MAX_THREADS = 30;
const MAX_TURNS = 50;

//! A random id usable as a server session id (letters, digits and '-').
function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `t-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function load() {
  try {
    const threads = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(threads) ? threads : [];
  } catch {
    return [];
  }
}

//! Saves the threads; drops the oldest answers' data when the browser's storage is full.
function save(threads) {
  const kept = threads.slice(0, MAX_THREADS);
  for (let attempt = 0; attempt < 3; ++attempt) {
    try {
      localStorage.setItem(KEY, JSON.stringify(kept));
      return;
    } catch {
      kept.pop();
    }
  }
}

export function listThreads() {
  return load();
}

export function getThread(id) {
  return load().find((thread) => thread.id === id);
}

export function newThread() {
  const id = randomId();
  const thread = { id, session: id, title: 'New conversation', created: new Date().toISOString(), turns: [] };
  save([thread, ...load()]);
  setCurrentThread(id);
  return thread;
}

export function currentThreadId() {
  return localStorage.getItem(CURRENT) || '';
}

export function setCurrentThread(id) {
  localStorage.setItem(CURRENT, id);
}

export function addTurn(id, turn) {
  const threads = load();
  const thread = threads.find((t) => t.id === id);
  if (!thread) return;
  if (thread.turns.length === 0) thread.title = turn.question.slice(0, 60);
  thread.turns = [...thread.turns, turn].slice(-MAX_TURNS);
  save([thread, ...threads.filter((t) => t.id !== id)]);
}

export function removeThread(id) {
  save(load().filter((thread) => thread.id !== id));
  if (currentThreadId() === id) localStorage.removeItem(CURRENT);
}
