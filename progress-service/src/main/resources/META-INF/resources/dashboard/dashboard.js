// Coach dashboard: roster, athlete charts and live updates from the progress-service API.
(function () {
  'use strict';

  var TOKEN_KEY = 'medius.token';
  var state = { athlete: null, stream: null, charts: {}, refreshing: null, updates: 0 };

  function $(id) { return document.getElementById(id); }
  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function show(view) {
    ['sign-in-view', 'roster-view', 'athlete-view'].forEach(function (id) { $(id).hidden = id !== view; });
    $('session-bar').hidden = view === 'sign-in-view';
  }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) { signOut('Your token was refused or has expired.'); throw new Error('unauthorised'); }
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            throw new Error(problem.detail || problem.title || ('HTTP ' + response.status));
          });
        }
        return response.json();
      });
  }

  function text(el, value) { el.textContent = value == null ? '–' : value; return el; }
  function cell(row, value, cls) { var td = document.createElement('td'); text(td, value); if (cls) td.className = cls; row.appendChild(td); return td; }
  function percent(w) { return w && w.percent != null ? w.percent + '%' : '–'; }
  function date(value) { return value ? value.substring(0, 10) : null; }
  function arrow(trend) { return { rising: '↑', falling: '↓', steady: '→' }[trend.direction] || ''; }

  function flagBadges(container, flags) {
    container.textContent = '';
    flags.forEach(function (f) {
      var badge = document.createElement('span');
      badge.className = 'flag ' + f.severity;
      badge.dataset.kind = f.kind;
      badge.title = f.reason;
      badge.textContent = f.kind;
      container.appendChild(badge);
    });
  }

  function trendCell(row, trend) {
    var td = cell(row, trend.latest == null ? '–' : trend.latest + ' ' + arrow(trend), 'trend ' + trend.direction);
    td.title = trend.points.map(function (p) { return p.date + ': ' + p.value; }).join('\n');
  }

  function loadRoster() {
    return api('/api/v1/dashboard').then(function (dashboard) {
      text($('today'), 'today ' + dashboard.today);
      var body = document.querySelector('#roster tbody');
      body.textContent = '';
      $('roster-empty').hidden = dashboard.athletes.length > 0;
      dashboard.athletes.forEach(function (a) {
        var row = document.createElement('tr');
        row.dataset.athlete = a.athleteId;
        row.tabIndex = 0;
        cell(row, a.athleteId, 'athlete');
        flagBadges(cell(row, '', 'flags'), a.flags);
        cell(row, percent(a.adherence.days7) + ' / ' + percent(a.adherence.days30) + ' / ' + percent(a.adherence.days90), 'adherence');
        cell(row, a.streak, 'streak');
        cell(row, a.lastActivity ? date(a.lastActivity) + ' (' + a.daysSinceActivity + ' d)' : null, 'last-activity');
        cell(row, a.weeklyVolume.sessions + ' sessions · ' + a.weeklyVolume.reps + ' reps · ' + a.weeklyVolume.holdSeconds + ' s', 'volume');
        trendCell(row, a.rpe);
        trendCell(row, a.pain);
        row.addEventListener('click', function () { openAthlete(a.athleteId); });
        row.addEventListener('keydown', function (e) { if (e.key === 'Enter') openAthlete(a.athleteId); });
        body.appendChild(row);
      });
      stamp();
    });
  }

  function chart(id) {
    if (!state.charts[id]) { state.charts[id] = echarts.init($(id)); }
    return state.charts[id];
  }

  function seriesChart(id, groups) {
    var weeks = groups.length ? groups[0].weeks.map(function (w) { return w.weekStart.substring(5); }) : [];
    chart(id).setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 10, top: 10, bottom: 50 },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value' },
      series: groups.map(function (g) {
        return { name: g.name, type: 'line', data: g.weeks.map(function (w) { return w.reps || w.holdSeconds; }) };
      })
    }, true);
  }

  function loadAthlete(id) {
    return api('/api/v1/athletes/' + encodeURIComponent(id) + '/progress').then(function (p) {
      var s = p.summary;
      text($('athlete-name'), s.athleteId);
      flagBadges($('athlete-flags'), s.flags);
      text($('athlete-adherence-7'), percent(s.adherence.days7));
      text($('athlete-completed-7'), s.adherence.days7.completed + ' of ' + s.adherence.days7.scheduled);
      text($('athlete-adherence-30'), percent(s.adherence.days30));
      text($('athlete-streak'), s.streak);
      text($('athlete-last-activity'), date(s.lastActivity));
      var weeks = p.weeks.map(function (w) { return w.weekStart.substring(5); });
      chart('chart-weeks').setOption({
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 10, top: 10, bottom: 50 },
        xAxis: { type: 'category', data: weeks },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: 'scheduled', type: 'bar', data: p.weeks.map(function (w) { return w.scheduled; }) },
          { name: 'completed', type: 'bar', data: p.weeks.map(function (w) { return w.completed; }) }
        ]
      }, true);
      chart('chart-trends').setOption({
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 10, top: 10, bottom: 50 },
        xAxis: { type: 'category', data: s.rpe.points.map(function (x) { return x.date.substring(5); }) },
        yAxis: { type: 'value', min: 0, max: 10 },
        series: [
          { name: 'session RPE', type: 'line', data: s.rpe.points.map(function (x) { return x.value; }) },
          { name: 'pain', type: 'line', data: s.pain.points.map(function (x) { return x.value; }) }
        ]
      }, true);
      seriesChart('chart-muscles', p.muscles);
      seriesChart('chart-exercises', p.exercises);
      $('athlete-view').dataset.loaded = s.athleteId;
      stamp();
    });
  }

  function openAthlete(id) {
    state.athlete = id;
    show('athlete-view');
    loadAthlete(id).then(function () { Object.keys(state.charts).forEach(function (k) { state.charts[k].resize(); }); });
  }

  function stamp() {
    state.updates++;
    document.body.dataset.updates = state.updates;
    text($('updated'), 'updated ' + new Date().toLocaleTimeString());
  }

  // Many changes can arrive at once (a batch of completions): refresh once for them.
  function refreshSoon(athleteId) {
    if (state.refreshing) { return; }
    state.refreshing = setTimeout(function () {
      state.refreshing = null;
      loadRoster().catch(function () {});
      if (state.athlete && !$('athlete-view').hidden) { loadAthlete(state.athlete).catch(function () {}); }
    }, 250);
  }

  function connect() {
    if (state.stream) { state.stream.close(); }
    var stream = new EventSource('/api/v1/dashboard/stream?access_token=' + encodeURIComponent(token()));
    state.stream = stream;
    state.streamLost = false;
    stream.onmessage = function (message) {
      var event = JSON.parse(message.data);
      if (event.type === 'ready') {
        live(true);
        // after a reconnect, changes may have been missed while the stream was down
        if (state.streamLost) { state.streamLost = false; refreshSoon(); }
      }
      if (event.type === 'athlete') { refreshSoon(event.athleteId); }
    };
    stream.onerror = function () { state.streamLost = true; live(false); };
  }

  function live(on) {
    var el = $('live-status');
    el.className = 'live ' + (on ? 'on' : 'off');
    el.textContent = on ? 'live' : 'reconnecting…';
  }

  function signIn(value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
    return api('/api/v1/me').then(function (me) {
      text($('who'), me.subject + ' · ' + me.tenant);
      show('roster-view');
      connect();
      return loadRoster();
    });
  }

  function signOut(reason) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (state.stream) { state.stream.close(); state.stream = null; }
    state.athlete = null;
    text($('sign-in-error'), reason || '');
    show('sign-in-view');
  }

  $('sign-in-form').addEventListener('submit', function (e) {
    e.preventDefault();
    text($('sign-in-error'), '');
    signIn($('token').value).catch(function (err) {
      if (err.message !== 'unauthorised') { text($('sign-in-error'), err.message); }
    });
  });
  $('sign-out').addEventListener('click', function () { signOut(); });
  $('back').addEventListener('click', function () { state.athlete = null; show('roster-view'); loadRoster(); });
  window.addEventListener('resize', function () { Object.keys(state.charts).forEach(function (k) { state.charts[k].resize(); }); });

  if (token()) { signIn(token()).catch(function () {}); } else { show('sign-in-view'); }
})();
