(function () {
  'use strict';
  // Courier's report view: reads the JSON Lines history and the diagnosis embedded in this page and draws one
  // lane per endpoint. Only what is in view is drawn; the overview bar aggregates the whole history.
  var errors = [];
  var consoleError = console.error;
  console.error = function () {
    errors.push(Array.prototype.join.call(arguments, ' '));
    consoleError.apply(console, arguments);
    publishErrors();
  };
  window.addEventListener('error', function (event) {
    errors.push(String(event.message));
    publishErrors();
  });
  function publishErrors() {
    document.body.setAttribute('data-errors', String(errors.length));
    var list = document.getElementById('courier-errors');
    list.innerHTML = errors.map(function (text) { return '<li>' + esc(text) + '</li>'; }).join('');
  }
  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function byId(id) { return document.getElementById(id); }

  var LABEL_W = 190, LANE_H = 46, TOP = 22, PAD = 14;
  var MESSAGE_KINDS = { SENT: 1, CLONE_FAILED: 1, ENQUEUED: 1, DELIVERED: 1, HANDLED: 1, DROPPED: 1,
    MESSAGE_ERROR: 1, MUTATED_IN_FLIGHT: 1 };
  var CATEGORIES = ['delivered', 'dropped', 'pending', 'handled', 'clone failure', 'message error', 'lifecycle'];

  // ---- the data -------------------------------------------------------------------------------------------
  var source = byId('courier-events');
  var text = source.textContent.trim();
  source.remove(); // the parsed events live in memory; the DOM stays small
  var events = text ? JSON.parse('[' + text.replace(/\n/g, ',') + ']') : [];
  text = null;
  var diagnosis = JSON.parse(byId('courier-diagnosis').textContent);
  if (diagnosis.verdict) {
    byId('verdict').textContent = diagnosis.verdict;
    byId('verdict').hidden = false;
  }
  var t0 = events.length ? events[0].timeNanos : 0;

  var lanes = [], laneOf = {};
  function lane(label) {
    if (label == null) { return -1; }
    if (!(label in laneOf)) { laneOf[label] = lanes.length; lanes.push(label); }
    return laneOf[label];
  }
  if (events.some(function (e) { return e.sender === 'main' || e.receiver === 'main'; })) { lane('main'); }

  var messages = {};
  var items = [];
  function message(e) {
    var m = messages[e.messageId];
    if (!m) {
      m = messages[e.messageId] = { id: e.messageId, sender: e.sender, receiver: e.receiver, sequence: e.sequence,
        events: [], sent: -1, delivered: 0, dropped: false, payload: null };
    }
    m.events.push(e.index);
    if (e.payload && !m.payload) { m.payload = e.payload; }
    return m;
  }
  events.forEach(function (e) {
    var from = lane(e.sender), to = lane(e.receiver);
    if (!MESSAGE_KINDS[e.kind]) {
      items.push({ cat: 'lifecycle', cls: 'life ' + e.kind, a: e.index, b: e.index, from: to, to: to, msg: 0, ev: e.index });
      return;
    }
    var m = message(e);
    switch (e.kind) {
      case 'SENT': m.sent = e.index; break;
      case 'DELIVERED':
        m.delivered++;
        items.push({ cat: 'delivered', cls: 'arrow' + (m.delivered > 1 ? ' duplicate' : ''), a: m.sent < 0 ? e.index : m.sent,
          b: e.index, from: from, to: to, msg: m.id, ev: e.index });
        break;
      case 'DROPPED':
        m.dropped = true;
        items.push({ cat: 'dropped', cls: 'drop', a: m.sent < 0 ? e.index : m.sent, b: e.index, from: from, to: to,
          msg: m.id, ev: e.index, cause: e.cause || 'NO CAUSE' });
        break;
      case 'HANDLED':
        items.push({ cat: 'handled', cls: 'handled ' + (e.outcome === 'THREW' ? 'threw' : 'ok'), a: e.index, b: e.index,
          from: to, to: to, msg: m.id, ev: e.index });
        break;
      case 'CLONE_FAILED':
        items.push({ cat: 'clone failure', cls: 'clone', a: e.index, b: e.index, from: from, to: from, msg: m.id, ev: e.index });
        break;
      case 'MESSAGE_ERROR':
        items.push({ cat: 'message error', cls: 'merr', a: e.index, b: e.index, from: to, to: to, msg: m.id, ev: e.index });
        break;
      default:
        break;
    }
  });
  var last = events.length ? events.length - 1 : 0;
  Object.keys(messages).forEach(function (id) {
    var m = messages[id];
    if (m.sent >= 0 && m.delivered === 0 && !m.dropped) {
      items.push({ cat: 'pending', cls: 'pending', a: m.sent, b: Math.max(m.sent, last), from: lane(m.sender),
        to: lane(m.receiver), msg: m.id, ev: m.sent });
    }
  });

  var anomalousMessages = {}, anomalousLanes = {};
  diagnosis.anomalies.forEach(function (anomaly, n) {
    anomaly.messageIds.forEach(function (id) { (anomalousMessages[id] = anomalousMessages[id] || []).push(n); });
    if (anomaly.endpoint != null && anomaly.failure) { anomalousLanes[anomaly.endpoint] = true; }
  });

  // ---- filters ------------------------------------------------------------------------------------------
  var hiddenLanes = {}, hiddenCats = {}, onlyIds = null, onlyAnomalous = false, selected = null;
  function checkbox(parent, value, label, onChange) {
    var wrap = document.createElement('label');
    wrap.innerHTML = '<input type="checkbox" checked> ' + esc(label);
    wrap.firstChild.value = value;
    wrap.firstChild.addEventListener('change', function (event) { onChange(value, !event.target.checked); render(); });
    parent.appendChild(wrap);
  }
  lanes.forEach(function (label, n) {
    checkbox(byId('filter-endpoints'), n, label, function (value, hidden) { hiddenLanes[value] = hidden; });
  });
  CATEGORIES.forEach(function (cat) {
    checkbox(byId('filter-kinds'), cat, cat, function (value, hidden) { hiddenCats[value] = hidden; });
  });
  byId('filter-ids').addEventListener('input', function (event) { setIds(event.target.value); render(); });
  byId('filter-anomalous').addEventListener('change', function (event) { onlyAnomalous = event.target.checked; render(); });
  byId('filter-reset').addEventListener('click', function () {
    byId('filters').reset(); hiddenLanes = {}; hiddenCats = {}; onlyIds = null; onlyAnomalous = false; render();
  });
  function setIds(value) {
    var ids = String(value).split(/[^0-9]+/).filter(Boolean);
    onlyIds = ids.length ? {} : null;
    ids.forEach(function (id) { onlyIds[id] = true; });
  }
  function visible(item) {
    if (hiddenCats[item.cat] || hiddenLanes[item.from] || hiddenLanes[item.to]) { return false; }
    if (onlyIds && !onlyIds[item.msg]) { return false; }
    return !(onlyAnomalous && !anomalousMessages[item.msg]);
  }

  // ---- layout and drawing -------------------------------------------------------------------------------
  var chart = byId('chart'), scroller = byId('scroller'), overview = byId('overview');
  var width = Math.max(400, chart.getBoundingClientRect().width);
  var plotW = width - LABEL_W - PAD;
  var colW = Math.min(28, Math.max(4, plotW / Math.max(1, events.length)));
  var totalW = colW * Math.max(1, events.length);
  byId('spacer').style.width = (LABEL_W + totalW + PAD) + 'px';
  function laneY(n) {
    var row = 0;
    for (var i = 0; i < n; i++) { if (!hiddenLanes[i]) { row++; } }
    return TOP + row * LANE_H + LANE_H / 2;
  }
  function x(index) { return LABEL_W + index * colW + colW / 2 - scroller.scrollLeft; }

  function drawItem(item, out) {
    var y1 = laneY(item.from), y2 = laneY(item.to), x1 = x(item.a), x2 = x(item.b);
    var cls = item.cls + (anomalousMessages[item.msg] ? ' anomalous' : '') + (selected === item ? ' selected' : '');
    var attrs = ' class="item ' + cls + '" data-item="' + item.n + '" data-message="' + item.msg + '" data-index="' +
      item.ev + '"';
    switch (item.cat) {
      case 'delivered':
        out.push('<line' + attrs + ' x1="' + x1 + '" y1="' + y1 + '" x2="' + x2 + '" y2="' + y2 + '"/>');
        break;
      case 'pending':
        out.push('<line' + attrs + ' x1="' + x1 + '" y1="' + y1 + '" x2="' + x2 + '" y2="' + y2 + '"/>');
        break;
      case 'dropped':
        out.push('<g' + attrs + ' data-cause="' + esc(item.cause) + '"><line class="' + cls + '" x1="' + x1 + '" y1="' + y1 +
          '" x2="' + x2 + '" y2="' + y2 + '"/><path class="drop-x" d="M' + (x2 - 5) + ',' + (y2 - 5) + ' l10,10 m0,-10 l-10,10"/>' +
          '<text class="cause" x="' + (x2 + 7) + '" y="' + (y2 - 7 - 11 * (item.n % 2)) + '">' + esc(item.cause) + '</text></g>');
        break;
      case 'handled':
        out.push('<circle' + attrs + ' cx="' + x1 + '" cy="' + (y1 + 9) + '" r="3.5"/>');
        break;
      case 'clone failure':
        out.push('<rect' + attrs + ' x="' + (x1 - 5) + '" y="' + (y1 - 5) + '" width="10" height="10" transform="rotate(45 ' +
          x1 + ' ' + y1 + ')"/>');
        break;
      case 'message error':
        out.push('<path' + attrs + ' d="M' + (x1 - 6) + ',' + (y1 + 6) + ' l6,-12 l6,12 z"/>');
        break;
      default:
        out.push('<rect' + attrs + ' x="' + (x1 - 1.5) + '" y="' + (y1 - 9) + '" width="3" height="18"/>');
    }
  }
  items.forEach(function (item, n) { item.n = n; item.lo = Math.min(item.a, item.b); item.hi = Math.max(item.a, item.b); });

  var drawn = 0;
  function render() {
    var shownLanes = lanes.filter(function (label, n) { return !hiddenLanes[n]; }).length;
    var height = TOP + Math.max(1, shownLanes) * LANE_H + 6;
    chart.setAttribute('height', height);
    var lo = Math.max(0, Math.floor(scroller.scrollLeft / colW) - 1);
    var hi = Math.ceil((scroller.scrollLeft + plotW) / colW) + 1;
    var out = ['<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" ' +
      'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#2b6cb0"/></marker>' +
      '<clipPath id="plot"><rect x="' + LABEL_W + '" y="0" width="' + plotW + '" height="' + height + '"/></clipPath></defs>'];
    var step = Math.max(1, Math.round(110 / colW));
    for (var tick = lo - lo % step; tick <= Math.min(hi, last); tick += step) {
      if (tick >= lo && events[tick]) {
        out.push('<text class="axis" x="' + x(tick) + '" y="12">#' + tick + ' +' +
          ((events[tick].timeNanos - t0) / 1e6).toFixed(3) + ' ms</text>');
      }
    }
    lanes.forEach(function (label, n) {
      if (hiddenLanes[n]) { return; }
      var y = laneY(n);
      out.push('<g class="lane' + (anomalousLanes[label] ? ' anomalous' : '') + '" data-endpoint="' + esc(label) +
        '"><line class="lane-line" x1="' + LABEL_W + '" y1="' + y + '" x2="' + width + '" y2="' + y + '"/></g>');
    });
    out.push('<g clip-path="url(#plot)">');
    drawn = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (item.hi >= lo && item.lo <= hi && visible(item)) { drawItem(item, out); drawn++; }
    }
    out.push('</g><rect class="lane-bg" x="0" y="0" width="' + (LABEL_W - 4) + '" height="' + height + '"/>');
    lanes.forEach(function (label, n) {
      if (!hiddenLanes[n]) {
        out.push('<text class="lane-label' + (anomalousLanes[label] ? ' anomalous' : '') + '" x="6" y="' + (laneY(n) + 4) + '">' + esc(label.length > 26 ?
          label.slice(0, 25) + '\u2026' : label) + '<title>' + esc(label) + '</title></text>');
      }
    });
    chart.innerHTML = out.join('');
    chart.setAttribute('data-window', lo + '-' + Math.min(hi, last));
    chart.setAttribute('data-drawn', String(drawn));
    renderOverview(lo, Math.min(hi, last));
  }

  // The overview: every event counted into at most 300 buckets, problems in red, the drawn window outlined.
  var BUCKETS = Math.max(1, Math.min(300, events.length));
  var counts = new Array(BUCKETS).fill(0), bad = new Array(BUCKETS).fill(0), maxCount = 1;
  function bucket(index) { return Math.min(BUCKETS - 1, Math.floor(index * BUCKETS / Math.max(1, events.length))); }
  events.forEach(function (e) {
    var b = bucket(e.index);
    counts[b]++;
    if (e.kind === 'DROPPED' || e.kind === 'CLONE_FAILED' || e.kind === 'MESSAGE_ERROR' || e.kind === 'WORKER_ERROR' ||
        (e.messageId && anomalousMessages[e.messageId])) { bad[b]++; }
  });
  counts.forEach(function (c) { maxCount = Math.max(maxCount, c); });
  function renderOverview(lo, hi) {
    var w = (width - LABEL_W) / BUCKETS, out = [];
    out.push('<text class="axis" x="6" y="20">' + events.length + ' events</text>');
    for (var b = 0; b < BUCKETS; b++) {
      var h = 4 + 26 * counts[b] / maxCount;
      out.push('<rect class="bar' + (bad[b] ? ' bad' : '') + '" x="' + (LABEL_W + b * w) + '" y="' + (32 - h) + '" width="' +
        Math.max(1, w - 0.5) + '" height="' + h + '"/>');
    }
    var scale = (width - LABEL_W) / Math.max(1, events.length);
    out.push('<rect class="window" x="' + (LABEL_W + lo * scale) + '" y="1" width="' + Math.max(3, (hi - lo + 1) * scale) +
      '" height="32"/>');
    overview.innerHTML = out.join('');
  }
  overview.addEventListener('click', function (event) {
    var at = (event.clientX - overview.getBoundingClientRect().left - LABEL_W) / (width - LABEL_W);
    scrollToIndex(Math.max(0, Math.round(at * events.length)));
  });
  function scrollToIndex(index) { scroller.scrollLeft = Math.max(0, index * colW - plotW / 3); render(); }
  scroller.addEventListener('scroll', function () { window.requestAnimationFrame(render); });
  chart.addEventListener('wheel', function (event) {
    scroller.scrollLeft += event.deltaX || event.deltaY;
    event.preventDefault();
  }, { passive: false });

  // ---- details, hover and the anomaly list --------------------------------------------------------------
  function eventRow(e) {
    return '<tr><td>#' + e.index + '</td><td>' + e.kind + '</td><td>+' + ((e.timeNanos - t0) / 1e6).toFixed(3) +
      ' ms</td><td>' + esc([e.receiver, e.number != null ? 'n=' + e.number : null, e.cause, e.outcome, e.detail,
        e.error].filter(function (v) { return v != null; }).join(' \u00b7 ')) + '</td></tr>';
  }
  function describe(item) {
    if (!item.msg) {
      return '<p><b>' + events[item.ev].kind + '</b> at <code>' + esc(events[item.ev].receiver) + '</code></p><table>' +
        eventRow(events[item.ev]) + '</table>';
    }
    var m = messages[item.msg];
    var html = '<p><b>message ' + m.id + '</b> from <code>' + esc(m.sender) + '</code> to <code>' + esc(m.receiver) +
      '</code> (seq ' + m.sequence + ')</p><p>payload: ' + (m.payload ? esc(m.payload) : '<i>not retained</i>') + '</p>';
    (anomalousMessages[m.id] || []).forEach(function (n) {
      html += '<p class="anomaly-ref">in <b>' + diagnosis.anomalies[n].kind + '</b></p>';
    });
    return html + '<table>' + m.events.map(function (index) { return eventRow(events[index]); }).join('') + '</table>';
  }
  function itemOf(target) {
    var node = target.closest ? target.closest('[data-item]') : null;
    return node ? items[Number(node.getAttribute('data-item'))] : null;
  }
  function select(item) {
    selected = item;
    byId('detail-body').innerHTML = describe(item);
  }
  chart.addEventListener('click', function (event) {
    var item = itemOf(event.target);
    if (item) { select(item); render(); }
  });
  var tooltip = byId('tooltip');
  chart.addEventListener('mousemove', function (event) {
    var item = itemOf(event.target);
    if (!item) { tooltip.hidden = true; return; }
    var e = events[item.ev];
    tooltip.innerHTML = esc(item.msg ? 'message ' + item.msg + ' ' + messages[item.msg].sender + ' \u2192 ' +
      messages[item.msg].receiver + ': ' + messages[item.msg].events.map(function (i) { return events[i].kind; })
      .join(', ') : e.kind + ' ' + (e.receiver || '') + (e.detail ? ' (' + e.detail + ')' : ''));
    tooltip.style.left = (event.clientX + 12) + 'px';
    tooltip.style.top = (event.clientY + 12) + 'px';
    tooltip.hidden = false;
  });
  chart.addEventListener('mouseleave', function () { tooltip.hidden = true; });

  byId('anomaly-list').innerHTML = diagnosis.anomalies.length ? diagnosis.anomalies.map(function (a, n) {
    return '<li class="anomaly ' + (a.failure ? 'failure' : 'info') + '" data-anomaly="' + n + '" data-kind="' + a.kind +
      '" data-endpoint="' + esc(a.endpoint == null ? '' : a.endpoint) + '" data-messages="' + a.messageIds.join(',') +
      '"><span class="kind">' + a.kind + '</span>' + (a.endpoint == null ? '' : ' at <code>' + esc(a.endpoint) +
      '</code>') + ': ' + esc(a.explanation) + '. <span class="fix">Fix: ' + esc(a.fix) + '.</span></li>';
  }).join('') : '<li class="clean">no anomalies</li>';
  byId('anomaly-list').addEventListener('click', function (event) {
    var node = event.target.closest('[data-anomaly]');
    if (!node) { return; }
    var anomaly = diagnosis.anomalies[Number(node.getAttribute('data-anomaly'))];
    Array.prototype.forEach.call(document.querySelectorAll('.anomaly.active'), function (n) { n.classList.remove('active'); });
    node.classList.add('active');
    byId('filter-ids').value = anomaly.messageIds.join(', ');
    setIds(byId('filter-ids').value);
    var first = anomaly.messageIds.length ? messages[anomaly.messageIds[0]] : null;
    scrollToIndex(first ? first.events[0] : 0);
  });

  // The first view can be set in the address, each value URL-encoded:
  // #endpoints=main,echo%231&kinds=dropped,delivered&ids=3,7&select=7
  function applyAddress() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) { params[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1)); }
    });
    function only(list, values, hidden, fieldset) {
      var shown = {};
      list.split(',').forEach(function (value) { shown[value.trim()] = true; });
      values.forEach(function (value, n) { hidden[fieldset === 'filter-kinds' ? value : n] = !shown[value]; });
      Array.prototype.forEach.call(byId(fieldset).querySelectorAll('input'), function (box) {
        box.checked = !hidden[box.value];
      });
    }
    if (params.endpoints) { only(params.endpoints, lanes, hiddenLanes, 'filter-endpoints'); }
    if (params.kinds) { only(params.kinds, CATEGORIES, hiddenCats, 'filter-kinds'); }
    if (params.ids) { byId('filter-ids').value = params.ids; setIds(params.ids); }
    if (params.select) {
      var chosen = items.filter(function (item) { return String(item.msg) === params.select; })[0];
      if (chosen) { select(chosen); }
    }
  }
  applyAddress();
  render();
  document.body.getBoundingClientRect();
  var ms = performance.now();
  document.body.setAttribute('data-events', String(events.length));
  document.body.setAttribute('data-lanes', String(lanes.length));
  document.body.setAttribute('data-render-ms', ms.toFixed(1));
  document.body.setAttribute('data-errors', String(errors.length));
  document.body.setAttribute('data-state', 'rendered');
  byId('courier-status').textContent = events.length + ' events, ' + lanes.length + ' endpoints, ' +
    diagnosis.anomalies.length + ' anomalies; drawn in ' + ms.toFixed(0) + ' ms';
}());
