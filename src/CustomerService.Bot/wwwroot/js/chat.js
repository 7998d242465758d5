// The customer chat page. It asks our own backend for a Direct Line token (the secret stays on the server),
// remembers the conversation in localStorage so a reload resumes it with its history, and says "webchat/join"
// on connect so the bot can greet (it greets once per conversation, however often the page connects).
(function () {
  'use strict';

  const storageKey = 'customerservice.webchat';
  const statusElement = document.getElementById('status');

  function showStatus(text, isError) {
    statusElement.textContent = text;
    statusElement.classList.toggle('error', Boolean(isError));
    statusElement.hidden = !text;
  }

  function remembered() {
    try {
      const value = JSON.parse(window.localStorage.getItem(storageKey) || 'null');
      return value && typeof value.conversationId === 'string' && typeof value.userId === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  async function startSession() {
    const previous = remembered();
    const demoUser = new URLSearchParams(window.location.search).get('user');
    const response = await fetch('/api/webchat/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        conversationId: previous ? previous.conversationId : null,
        userId: previous ? previous.userId : null,
        demoUser: demoUser || null
      })
    });
    if (!response.ok) {
      let message = 'The chat could not start (' + response.status + ').';
      try {
        const problem = await response.json();
        if (problem && typeof problem.message === 'string') {
          message = problem.message;
        }
      } catch {
        // Keep the generic message.
      }
      throw new Error(message);
    }

    const session = await response.json();
    window.localStorage.setItem(storageKey, JSON.stringify({ conversationId: session.conversationId, userId: session.userId }));
    return session;
  }

  function joinMiddleware() {
    return function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            store.dispatch({
              type: 'WEB_CHAT/SEND_EVENT',
              payload: { name: 'webchat/join', value: { language: window.navigator.language } }
            });
          } else if (action.type === 'DIRECT_LINE/CONNECTION_STATUS_UPDATE') {
            // 2 = online; anything else after a connection is a reconnect or a failure worth telling.
            const status = action.payload && action.payload.connectionStatus;
            showStatus(status === 2 ? '' : status === 1 ? 'Connecting…' : status === 4 ? 'Connection lost. Reload the page to try again.' : '', status === 4);
          }

          return next(action);
        };
      };
    };
  }

  async function main() {
    document.getElementById('new-conversation').addEventListener('click', function () {
      window.localStorage.removeItem(storageKey);
      window.location.reload();
    });

    let session;
    try {
      session = await startSession();
    } catch (error) {
      showStatus(error.message, true);
      return;
    }

    if (session.userName) {
      const who = document.getElementById('who');
      who.textContent = (session.demo ? 'Demo customer: ' : 'Signed in as ') + session.userName;
      who.hidden = false;
    }

    // A resumed conversation reconnects with "watermark=" (empty), which replays its whole history (directline.md §5, §12).
    const directLine = window.WebChat.createDirectLine({
      domain: window.location.origin + '/v3/directline',
      token: session.token,
      conversationId: session.resumed ? session.conversationId : undefined
    });

    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: window.WebChat.createStore({}, joinMiddleware()),
        userID: session.userId,
        username: session.userName || undefined,
        locale: window.navigator.language,
        styleOptions: {
          botAvatarInitials: 'CS',
          userAvatarInitials: session.userName ? session.userName.slice(0, 2).toUpperCase() : 'Me',
          hideUploadButton: true,
          sendTypingIndicator: false
        }
      },
      document.getElementById('webchat')
    );
    document.querySelector('#webchat input, #webchat textarea')?.focus();
  }

  main();
}());
