// The Chat page (#/chat): conversation threads on the left, the current thread on the right. A question
// is sent to POST /api/v1/ask as server-sent events: the markdown is drawn as it streams, then replaced by
// the final answer with its charts, tables, sources and follow-ups. Enter sends, Shift+Enter adds a line,
// Stop aborts the request.

import { postStream } from '../api.js';
import { renderAnswer } from '../chat_answer.js';
import {
  addTurn, currentThreadId, getThread, listThreads, newThread, removeThread, setCurrentThread,
} from '../chat_threads.js';
import { clear, el } from '../dom.js';
import { renderMarkdown } from '../markdown.js';

const EXAMPLES = [
  'How does the pipeline look?',
  'Which deals are at risk?',
  'What is the win rate by product?',
  'Forecast revenue for next quarter',
  'Which sectors are growing?',
];

export async function render(root) {
  let thread = getThread(currentThreadId()) || listThreads()[0] || newThread();
  setCurrentThread(thread.id);
  let controller = null;

  const threadList = el('ul', { 'aria-label': 'Conversations' });
  const messages = el('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  const input = el('textarea', {
    id: 'chat-input', rows: 2, 'data-testid': 'chat-input',
    placeholder: 'Ask about your pipeline, deals, accounts or forecast…',
  });
  const send = el('button', { type: 'submit', class: 'button primary', 'data-testid': 'chat-send' }, 'Send');
  const stop = el('button', { type: 'button', class: 'button', 'data-testid': 'chat-stop', hidden: true,
    onclick: () => controller && controller.abort() }, 'Stop');
  const form = el('form', { class: 'composer' },
    el('label', { for: 'chat-input', class: 'visually-hidden' }, 'Question'), input, stop, send);

  //! The threads in the side bar, the current one marked.
  function drawThreads() {
    clear(threadList);
    for (const item of listThreads()) {
      threadList.appendChild(el('li', {}, el('button', {
        type: 'button', 'aria-current': item.id === thread.id ? 'true' : 'false', title: item.title,
        onclick: () => switchTo(item.id),
      }, item.title)));
    }
  }

  //! A question bubble and an empty answer article, appended to the conversation.
  function turnElements(question) {
    messages.appendChild(el('div', { class: 'message question' }, question));
    const article = el('article', { class: 'message answer', 'data-testid': 'chat-answer', 'aria-busy': 'false' });
    messages.appendChild(article);
    return article;
  }

  //! Draws a stored turn.
  function drawTurn(turn) {
    const article = turnElements(turn.question);
    if (turn.answer) {
      renderAnswer(article, turn.answer, { question: turn.question, onAsk: ask });
    } else if (turn.partial) {
      renderMarkdown(article, turn.partial);
      article.appendChild(el('p', { class: 'muted' }, turn.error || 'Stopped.'));
    } else {
      article.appendChild(el('p', { class: 'error' }, turn.error || 'No answer.'));
    }
  }

  //! Draws the whole current thread, or the examples when it is empty.
  function drawThread() {
    clear(messages);
    if (thread.turns.length === 0) {
      messages.appendChild(el('div', { class: 'welcome' },
        el('h1', {}, 'Ask about your CRM'),
        el('p', { class: 'muted' }, 'Answers come from your data, with their charts, tables and sources.'),
        el('div', { class: 'suggestions' }, EXAMPLES.map((text) => el('button', {
          type: 'button', class: 'chip', onclick: () => ask(text),
        }, text)))));
    }
    for (const turn of thread.turns) drawTurn(turn);
    messages.scrollTop = messages.scrollHeight;
  }

  function switchTo(id) {
    if (controller) controller.abort();
    thread = getThread(id) || newThread();
    setCurrentThread(thread.id);
    drawThreads();
    drawThread();
    input.focus();
  }

  function setBusy(busy) {
    send.disabled = busy;
    stop.hidden = !busy;
  }

  //! Asks `question` in the current thread, streaming the answer in.
  async function ask(question) {
    const text = question.trim();
    if (!text || controller) return;
    if (thread.turns.length === 0) clear(messages);
    input.value = '';
    const article = turnElements(text);
    const body = el('div', { class: 'answer-text typing' });
    article.appendChild(body);
    article.setAttribute('aria-busy', 'true');
    messages.scrollTop = messages.scrollHeight;
    const threadId = thread.id;
    controller = new AbortController();
    setBusy(true);
    let markdown = '';
    let final = null;
    let failure = '';
    let pending = false;
    const drawPartial = () => {
      pending = false;
      renderMarkdown(body, markdown);
      messages.scrollTop = messages.scrollHeight;
    };
    try {
      await postStream('/api/v1/ask', { question: text, session: thread.session }, {
        signal: controller.signal,
        onEvent(name, data) {
          if (name === 'delta' && typeof data.text === 'string') {
            markdown += data.text;
            if (!pending) {
              pending = true;
              requestAnimationFrame(drawPartial);
            }
          } else if (name === 'done') {
            final = data;
          } else if (name === 'error') {
            failure = data.error || 'the answer failed';
          }
        },
      });
      if (!final && !failure) failure = 'the answer stopped before it was complete';
    } catch (error) {
      failure = error.name === 'AbortError' ? 'Stopped.' : error.message;
    } finally {
      controller = null;
      setBusy(false);
      article.setAttribute('aria-busy', 'false');
    }
    const turn = final ? { question: text, answer: final } : { question: text, error: failure, partial: markdown };
    addTurn(threadId, turn);
    if (thread.id === threadId) {
      thread = getThread(threadId) || thread;
      clear(article);
      if (final) renderAnswer(article, final, { question: text, onAsk: ask });
      else {
        if (markdown) article.appendChild(renderMarkdown(el('div', { class: 'answer-text' }), markdown));
        article.appendChild(el('p', { class: markdown ? 'muted' : 'error', role: 'alert' }, failure));
      }
      messages.scrollTop = messages.scrollHeight;
    }
    drawThreads();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(input.value);
    }
  });

  root.appendChild(el('section', { class: 'chat' },
    el('aside', { class: 'threads', 'aria-label': 'Conversations' },
      el('button', { type: 'button', class: 'button', 'data-testid': 'chat-new-thread',
        onclick: () => switchTo(newThread().id) }, 'New conversation'),
      threadList,
      el('button', { type: 'button', class: 'button small', 'data-testid': 'chat-delete-thread',
        onclick: () => {
          removeThread(thread.id);
          switchTo((listThreads()[0] || newThread()).id);
        } }, 'Delete this conversation')),
    el('div', { class: 'conversation' }, messages, form)));
  drawThreads();
  drawThread();
  input.focus();
}
