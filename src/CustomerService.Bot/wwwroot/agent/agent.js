// Agent console. Every value from the server is put on the page as text (textContent / text nodes), never as
// HTML: customer messages are hostile input. Live updates carry ids only; the page re-reads the API on each.
'use strict';

(function () {
  const VIEWS = ['pending', 'mine', 'resolved', 'dashboard'];
  const REASONS = {
    explicitRequest: 'The customer asked for a human.',
    lowConfidence: 'The bot did not understand the customer (low confidence).',
    outOfScope: 'The customer asked about things the bot does not handle.',
    escalateAlwaysIntent: 'This topic always goes to a human.',
    generatorFailure: 'The bot could not generate an answer.',
    turnError: 'The bot hit an error while answering.',
  };
  const STATE_LABELS = { pending: 'Pending', agent: 'Claimed', resolved: 'Resolved', bot: 'Bot' };

  const state = {
    session: null,
    view: 'pending',
    selectedId: null,
    conversation: null,
    queueTimer: 0,
    conversationTimer: 0,
    lowConfidence: 0.5,
  };

  const byId = (id) => document.getElementById(id);

  // Builds an element; string children become text nodes, so nothing passed here is ever parsed as markup.
  function el(tag, options, ...children) {
    const node = document.createElement(tag);
    const props = options || {};
    if (props.className) node.className = props.className;
    if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
    if (props.title) node.title = String(props.title);
    if (props.dataset) for (const [key, value] of Object.entries(props.dataset)) node.dataset[key] = String(value);
    if (props.onClick) node.addEventListener('click', props.onClick);
    if (props.href) node.setAttribute('href', props.href);
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    node.replaceChildren();
  }

  function percent(value) {
    return typeof value === 'number' && isFinite(value) ? `${Math.round(value * 100)}%` : '–';
  }

  function formatTime(value) {
    if (!value) return '';
    const date = new Date(value);
    return isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
  }

  function ago(value) {
    const date = new Date(value);
    if (!value || isNaN(date.getTime())) return '';
    const seconds = Math.max(0, Math.round((Date.now() - date.getTime()) / 1000));
    if (seconds < 60) return 'just now';
    if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
    if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
    return `${Math.floor(seconds / 86400)} d ago`;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `Request failed (${status}).`);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (state.session && state.session.antiforgeryToken) headers.RequestVerificationToken = state.session.antiforgeryToken;
    }

    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      goToLogin();
      throw new ApiError(401, { title: 'Signed out' });
    }

    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }

    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  function goToLogin() {
    const target = window.location.pathname;
    window.location.assign(`/agent/login?returnUrl=${encodeURIComponent(target)}`);
  }

  function showNotice(message, kind) {
    const notice = byId('conv-notice');
    notice.textContent = message;
    notice.dataset.kind = kind || 'info';
    notice.hidden = !message;
  }

  // ---- queues ----

  function selectView(view, push) {
    state.view = VIEWS.includes(view) ? view : 'pending';
    for (const tab of document.querySelectorAll('.tab')) {
      const active = tab.dataset.view === state.view;
      tab.classList.toggle('active', active);
      tab.setAttribute('aria-selected', active ? 'true' : 'false');
    }

    const dashboard = state.view === 'dashboard';
    byId('dashboard').hidden = !dashboard;
    byId('queue').hidden = dashboard;
    byId('queue-empty').hidden = true;
    if (dashboard) {
      byId('conversation').hidden = true;
      byId('placeholder').hidden = true;
      state.selectedId = null;
      if (push) history.pushState(null, '', '/agent');
      loadDashboard();
    } else if (!state.selectedId) {
      byId('placeholder').hidden = false;
    }

    loadQueue();
  }

  function scheduleQueue() {
    clearTimeout(state.queueTimer);
    state.queueTimer = setTimeout(loadQueue, 150);
  }

  async function loadQueue() {
    const view = state.view === 'dashboard' ? 'pending' : state.view;
    let data;
    try {
      data = await api('GET', `/api/agent/queue?view=${view}`);
    } catch (error) {
      if (error.status !== 401) byId('queue-empty').textContent = `Could not load the queue: ${error.message}`;
      return;
    }

    for (const key of ['pending', 'mine', 'resolved']) {
      byId(`count-${key}`).textContent = String((data.counts && data.counts[key]) || 0);
    }

    if (state.view === 'dashboard') return;
    const list = byId('queue');
    clear(list);
    for (const item of data.items || []) list.append(queueItem(item));
    const empty = byId('queue-empty');
    empty.textContent = 'Nothing here.';
    empty.hidden = (data.items || []).length > 0;
  }

  function queueItem(item) {
    const selected = item.conversationId === state.selectedId;
    const confidence = typeof item.confidence === 'number' ? ` · ${percent(item.confidence)}` : '';
    const owner = item.claimedBy ? `Claimed by ${item.claimedByName || item.claimedBy}` : '';
    const button = el('button', { className: 'queue-item' + (selected ? ' selected' : ''), dataset: { conversation: item.conversationId } },
      el('span', { className: 'qi-top' },
        el('span', { className: 'qi-name', text: item.customerName || 'Unknown customer' }),
        el('span', { className: 'qi-time', text: ago(item.updatedAt || item.createdAt), title: formatTime(item.updatedAt || item.createdAt) })),
      el('span', { className: 'qi-reason', text: REASONS[item.reason] || item.reason || '' }),
      el('span', { className: 'qi-meta' },
        el('span', { className: 'chip', text: `${item.intent || 'no intent'}${confidence}` }),
        el('span', { className: 'qi-channel', text: item.channelId || '' }),
        owner ? el('span', { className: 'qi-owner', text: owner }) : null));
    button.type = 'button';
    button.addEventListener('click', () => openConversation(item.conversationId, true));
    return el('li', null, button);
  }

  // ---- conversation ----

  function scheduleConversation() {
    clearTimeout(state.conversationTimer);
    state.conversationTimer = setTimeout(() => state.selectedId && loadConversation(state.selectedId), 150);
  }

  function openConversation(id, push) {
    if (state.view === 'dashboard') {
      state.view = 'pending';
      selectView('pending', false);
    }

    state.selectedId = id;
    showNotice('');
    byId('reply-text').value = '';
    updateReplyCount();
    if (push) history.pushState(null, '', `/agent/conversations/${encodeURIComponent(id)}`);
    for (const node of document.querySelectorAll('.queue-item')) {
      node.classList.toggle('selected', node.dataset.conversation === id);
    }

    loadConversation(id);
  }

  async function loadConversation(id) {
    let data;
    try {
      data = await api('GET', `/api/agent/conversations/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error.status === 401 || id !== state.selectedId) return;
      byId('placeholder').hidden = true;
      byId('conversation').hidden = false;
      byId('conv-title').textContent = 'Conversation unavailable';
      showNotice(error.message, 'error');
      return;
    }

    if (id !== state.selectedId) return;
    state.conversation = data;
    renderConversation(data);
  }

  function renderConversation(data) {
    byId('placeholder').hidden = true;
    byId('dashboard').hidden = true;
    byId('conversation').hidden = false;
    const customer = data.customer || {};
    byId('conv-title').textContent = customer.name || 'Unknown customer';
    const badge = byId('conv-state');
    badge.textContent = STATE_LABELS[data.state] || data.state || '';
    badge.dataset.state = data.state || '';
    byId('conv-channel').textContent = data.channelId ? `via ${data.channelId}` : '';
    byId('conv-owner').textContent = data.assignedAgent ? `· owner ${data.assignedAgentName || data.assignedAgent}` : '';

    const me = state.session && state.session.userName;
    const mine = data.state === 'agent' && data.assignedAgent && me && data.assignedAgent.toLowerCase() === me.toLowerCase();
    byId('claim').hidden = data.state !== 'pending';
    byId('resolve').hidden = !(data.state === 'pending' || mine);
    const text = byId('reply-text');
    text.disabled = !mine;
    text.placeholder = mine ? 'Write to the customer… (Enter sends, Shift+Enter for a new line)'
      : data.state === 'agent' ? `Only ${data.assignedAgentName || data.assignedAgent} can reply.`
      : data.state === 'resolved' ? 'This conversation is resolved.' : 'Claim the conversation to reply…';
    byId('reply-send').disabled = !mine;

    renderWhy(data.escalation);
    renderTranscript(data.transcript || []);
    renderProfile(customer);
  }

  function renderWhy(escalation) {
    const reason = byId('why-reason');
    const details = byId('why-details');
    clear(details);
    if (!escalation) {
      reason.textContent = 'No escalation record.';
      return;
    }

    reason.textContent = REASONS[escalation.reason] || escalation.reason || '';
    const add = (term, value) => {
      if (value === undefined || value === null || value === '') return;
      details.append(el('dt', { text: term }), el('dd', { text: value }));
    };
    add('Intent', escalation.intent ? `${escalation.intent} (${percent(escalation.confidence)})` : 'none');
    if (Array.isArray(escalation.alternatives) && escalation.alternatives.length) {
      add('Alternatives', escalation.alternatives.map((a) => `${a.intent} ${percent(a.confidence)}`).join(', '));
    }
    add('Escalated', formatTime(escalation.createdAt));
    if (escalation.claimedBy) add('Claimed', `${escalation.claimedByName || escalation.claimedBy}, ${formatTime(escalation.claimedAt)}`);
    if (escalation.resolvedBy) add('Resolved', `${escalation.resolvedByName || escalation.resolvedBy}, ${formatTime(escalation.resolvedAt)}`);
  }

  function renderTranscript(items) {
    const list = byId('transcript');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    clear(list);
    for (const item of items) list.append(transcriptItem(item));
    if (atBottom || list.dataset.conversation !== state.selectedId) list.scrollTop = list.scrollHeight;
    list.dataset.conversation = state.selectedId || '';
  }

  function transcriptItem(item) {
    if (item.type !== 'message') {
      const label = item.name ? `${item.name}${item.text ? `: ${item.text}` : ''}` : item.type;
      return el('li', { className: 'event', dataset: { sequence: item.sequence } }, el('span', { text: label }), ' ', el('time', { text: formatTime(item.timestamp) }));
    }

    const role = item.role === 'user' ? 'customer' : item.role === 'agent' ? 'agent' : 'bot';
    const who = role === 'customer' ? 'Customer' : role === 'agent' ? (item.fromName || 'Agent') : 'Bot';
    const bubble = el('div', { className: 'bubble' }, el('p', { className: 'text', text: item.text || '' }));
    if (Array.isArray(item.attachments) && item.attachments.length) {
      bubble.append(el('p', { className: 'attachments', text: `${item.attachments.length} attachment(s): ${item.attachments.join(', ')}` }));
    }

    const meta = el('div', { className: 'meta' }, el('span', { className: 'who', text: who }), el('time', { text: formatTime(item.timestamp) }));
    if (item.intent) {
      const low = typeof item.confidence === 'number' && item.confidence < state.lowConfidence;
      meta.append(el('span', { className: 'chip' + (low ? ' low' : ''), title: 'What the bot understood', text: `${item.intent} · ${percent(item.confidence)}` }));
    }

    return el('li', { className: `msg ${role}`, dataset: { sequence: item.sequence } }, meta, bubble);
  }

  function renderProfile(customer) {
    const facts = byId('profile-facts');
    clear(facts);
    const add = (term, value) => value && facts.append(el('dt', { text: term }), el('dd', { text: value }));
    add('Name', customer.name || 'unknown');
    add('Customer id', customer.id);
    add('Since', formatTime(customer.createdAt));
    for (const identity of customer.identities || []) add(identity.channelId, identity.userId);
    for (const fact of customer.facts || []) add(fact.key, fact.value);

    const orders = byId('profile-orders');
    clear(orders);
    for (const order of customer.orders || []) {
      orders.append(el('li', null,
        el('strong', { text: order.number }), ` · ${order.status} · ${order.total} ${order.currency}`,
        el('br'), el('small', { text: `${formatTime(order.placedAt)}${order.items && order.items.length ? ' · ' + order.items.join(', ') : ''}` })));
    }
    if (!orders.children.length) orders.append(el('li', { className: 'muted', text: 'No orders.' }));

    const history = byId('profile-history');
    clear(history);
    for (const past of customer.pastConversations || []) {
      const link = el('a', { href: `/agent/conversations/${encodeURIComponent(past.conversationId)}`, text: formatTime(past.startedAt) || past.conversationId });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openConversation(past.conversationId, true);
      });
      history.append(el('li', null, link, ` · ${past.lastIntent || 'no intent'}${past.escalated ? ' · escalated' : ''}`));
    }
    if (!history.children.length) history.append(el('li', { className: 'muted', text: 'No earlier conversations.' }));
  }

  async function act(action, body) {
    const id = state.selectedId;
    if (!id) return;
    showNotice('');
    try {
      await api('POST', `/api/agent/conversations/${encodeURIComponent(id)}/${action}`, body);
      return true;
    } catch (error) {
      if (error.status === 401) return false;
      const owner = error.problem.ownerName || error.problem.owner;
      showNotice(error.status === 409 && owner && action === 'claim' ? `Already claimed by ${owner}.` : error.message, 'error');
      return false;
    } finally {
      loadConversation(id);
      scheduleQueue();
    }
  }

  function updateReplyCount() {
    const text = byId('reply-text');
    const max = (state.session && state.session.maxReplyLength) || 4000;
    byId('reply-count').textContent = text.value.length ? `${text.value.length} / ${max}` : '';
    byId('reply-count').classList.toggle('over', text.value.length > max);
  }

  async function sendReply() {
    const text = byId('reply-text');
    const value = text.value.trim();
    if (!value) {
      showNotice('Write a message first.', 'error');
      return;
    }

    byId('reply-send').disabled = true;
    if (await act('reply', { text: value })) {
      text.value = '';
      updateReplyCount();
    }
  }

  // ---- dashboard ----

  async function loadDashboard() {
    const days = byId('dash-days').value;
    byId('export-csv').setAttribute('href', `/api/agent/dashboard/misunderstood?format=csv&days=${days}`);
    byId('export-json').setAttribute('href', `/api/agent/dashboard/misunderstood?format=json&days=${days}`);
    let data;
    try {
      data = await api('GET', `/api/agent/dashboard?days=${days}`);
    } catch {
      return;
    }

    byId('dash-conversations').textContent = String(data.conversations);
    byId('dash-escalations').textContent = String(data.escalations);
    byId('dash-containment').textContent = percent(data.containmentRate);
    byId('dash-escalation').textContent = percent(data.escalationRate);
    state.lowConfidence = typeof data.misunderstoodBelow === 'number' ? data.misunderstoodBelow : state.lowConfidence;

    const intents = byId('dash-intents');
    clear(intents);
    const top = Math.max(1, ...(data.topIntents || []).map((i) => i.count));
    for (const intent of data.topIntents || []) {
      const bar = el('progress');
      bar.max = top;
      bar.value = intent.count;
      intents.append(el('li', null, el('span', { className: 'bar-label', text: intent.intent }), bar, el('span', { className: 'bar-count', text: intent.count })));
    }
    if (!intents.children.length) intents.append(el('li', { className: 'muted', text: 'No classified messages yet.' }));

    const rows = byId('dash-misunderstood');
    clear(rows);
    for (const item of data.misunderstood || []) {
      const link = el('a', { href: `/agent/conversations/${encodeURIComponent(item.conversationId)}`, text: item.text || '' });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openConversation(item.conversationId, true);
      });
      rows.append(el('tr', null, el('td', { text: formatTime(item.timestamp) }), el('td', null, link), el('td', { text: item.intent }), el('td', { text: percent(item.confidence) })));
    }
    if (!rows.children.length) {
      const cell = el('td', { className: 'muted', text: 'Nothing misunderstood in this period.' });
      cell.colSpan = 4;
      rows.append(el('tr', null, cell));
    }
  }

  // ---- live updates ----

  function connectLive() {
    const live = byId('live');
    const source = new EventSource('/api/agent/events');
    const setState = (value, label) => {
      live.dataset.state = value;
      live.textContent = label;
    };
    source.addEventListener('open', () => setState('live', 'live'));
    source.addEventListener('resync', () => {
      setState('live', 'live');
      scheduleQueue();
      if (state.selectedId) scheduleConversation();
      if (state.view === 'dashboard') loadDashboard();
    });
    source.addEventListener('escalation', (event) => onEvent(event, true));
    source.addEventListener('activity', (event) => onEvent(event, false));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. the sign-in expired): check the session, then start again.
        setState('offline', 'offline');
        setTimeout(async () => {
          try {
            await api('GET', '/api/agent/session');
            connectLive();
          } catch {
            // api() already sent a signed-out agent to the login page.
          }
        }, 5000);
      } else {
        setState('connecting', 'reconnecting…');
      }
    });
  }

  function onEvent(event, queueChanged) {
    let data = null;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }

    if (queueChanged) scheduleQueue();
    if (data && data.conversationId && data.conversationId === state.selectedId) scheduleConversation();
  }

  // ---- start ----

  function routeFromLocation() {
    const match = /^\/agent\/conversations\/([^/]+)$/.exec(window.location.pathname);
    if (match) {
      openConversation(decodeURIComponent(match[1]), false);
    } else {
      state.selectedId = null;
      byId('conversation').hidden = true;
      byId('placeholder').hidden = state.view === 'dashboard';
    }
  }

  async function start() {
    try {
      state.session = await api('GET', '/api/agent/session');
    } catch {
      return;
    }

    byId('agent-name').textContent = state.session.displayName;
    byId('reply-text').maxLength = state.session.maxReplyLength;
    state.lowConfidence = state.session.misunderstoodBelow;
    for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => selectView(tab.dataset.view, true));
    byId('claim').addEventListener('click', () => act('claim'));
    byId('resolve').addEventListener('click', () => act('resolve'));
    byId('reply-form').addEventListener('submit', (event) => {
      event.preventDefault();
      sendReply();
    });
    byId('reply-text').addEventListener('input', updateReplyCount);
    byId('reply-text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendReply();
      }
    });
    byId('dash-days').addEventListener('change', loadDashboard);
    byId('logout').addEventListener('click', async () => {
      try {
        await api('POST', '/api/agent/logout');
      } finally {
        window.location.assign('/agent/login');
      }
    });
    window.addEventListener('popstate', routeFromLocation);

    selectView('pending', false);
    routeFromLocation();
    connectLive();

    // A safety net under the live stream: the queue is re-read every 30 s and an open conversation every 10 s,
    // so a missed event delays an update but never loses it.
    setInterval(loadQueue, 30000);
    setInterval(() => {
      if (state.selectedId && document.visibilityState === 'visible') scheduleConversation();
    }, 10000);
  }

  start();
})();
