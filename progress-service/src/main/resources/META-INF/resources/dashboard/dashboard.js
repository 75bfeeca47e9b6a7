// Coach dashboard: roster, athlete charts and live updates from the progress-service API.
(function () {
  'use strict';

  var TOKEN_KEY = 'medius.token';
  var LANGUAGE_KEY = 'medius.language';
  var MESSAGES = window.MediusMessages;
  var state = { athlete: null, stream: null, charts: {}, refreshing: null, updates: 0, language: 'en' };

  function $(id) { return document.getElementById(id); }

  // the coach's choice, else the browser's first language we speak, else English
  function language() {
    var chosen = localStorage.getItem(LANGUAGE_KEY);
    if (MESSAGES[chosen]) { return chosen; }
    var wanted = (navigator.languages || [navigator.language || 'en']).map(function (l) { return l.substring(0, 2); });
    return wanted.filter(function (l) { return MESSAGES[l]; })[0] || 'en';
  }

  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var message = MESSAGES[state.language][key] || MESSAGES.en[key] || key;
    return message.replace(/\{(\d)\}/g, function (m, i) { return args[i]; });
  }

  function translatePage() {
    document.documentElement.lang = state.language;
    $('language').value = state.language;
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) { el.textContent = t(el.dataset.i18n); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-placeholder]'), function (el) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
  }
  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function show(view) {
    ['sign-in-view', 'roster-view', 'athlete-view'].forEach(function (id) { $(id).hidden = id !== view; });
    $('session-bar').hidden = view === 'sign-in-view';
  }

  function api(path, body) {
    var request = { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } };
    if (body) {
      request.method = 'POST';
      request.headers['Content-Type'] = 'application/json';
      request.body = JSON.stringify(body);
    }
    return fetch(path, request)
      .then(function (response) {
        if (response.status === 401) { signOut(t('signIn.refused')); throw new Error('unauthorised'); }
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

  function name(a) { return a.profile ? a.profile.displayName : a.athleteId; }
  function team(a) { return a.profile && a.profile.teamId ? (a.profile.teamName || a.profile.teamId) : null; }
  // a flag a coach snoozed waits for its date: it is shown, but does not count as needing attention
  function open(flags) { return flags.filter(function (f) { return !f.snoozed; }); }

  // the flag's reason in the page's language, from the facts it cites; as the server wrote it when there are none
  function reason(f) {
    var facts = f.facts || {};
    var template = facts.message && (MESSAGES[state.language]['reason.' + facts.message] || MESSAGES.en['reason.' + facts.message]);
    if (!template) { return f.reason; }
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      if (name === 'area') { return facts.area ? ' (' + facts.area + ')' : ''; }
      if (name === 'cause') { return t('cause.' + facts.cause); }
      if (name === 'signals' && facts.lows) { return lows(facts.lows); }
      return facts[name] != null ? facts[name] : whole;
    });
  }

  // answers below the usual, 'energy:2:3.8,sleep-hours:5', in the page's language
  function lows(fact) {
    return fact.split(',').map(function (low) {
      var part = low.split(':');
      var answer = t(part[0] === 'sleep-hours' ? 'low.hours' : 'low.scale', t('signal.' + part[0]), part[1]);
      return part.length > 2 ? t('low.usual', answer, part[2]) : answer;
    }).join(', ');
  }

  function acknowledgedText(f) {
    var ack = f.acknowledgement;
    if (!ack) { return ''; }
    return t('flag.acknowledged', ack.acknowledgedBy, date(ack.acknowledgedAt))
      + (ack.snoozedUntil ? ' · ' + t('flag.snoozedUntil', ack.snoozedUntil) : '')
      + (ack.note ? ': ' + ack.note : '');
  }

  function flagBadges(container, flags) {
    container.textContent = '';
    flags.forEach(function (f) {
      var badge = document.createElement('span');
      badge.className = 'flag ' + f.severity + (f.snoozed ? ' snoozed' : '') + (f.acknowledgement ? ' acknowledged' : '');
      badge.dataset.kind = f.kind;
      badge.title = reason(f) + (f.raisedAt ? ' (' + t('flag.since', date(f.raisedAt)) + ')' : '')
        + (f.acknowledgement ? '\n' + acknowledgedText(f) : '');
      badge.textContent = t('flag.' + f.kind) + (f.acknowledgement ? ' ✓' : '');
      container.appendChild(badge);
    });
  }

  function trendCell(row, trend) {
    var td = cell(row, trend.latest == null ? '–' : trend.latest + ' ' + arrow(trend), 'trend ' + trend.direction);
    td.title = trend.points.map(function (p) { return p.date + ': ' + p.value; }).join('\n');
  }

  // a phone shows each row as a card: every value carries its column's name
  function labelCells(row) {
    var headings = document.querySelectorAll('#roster thead th');
    Array.prototype.forEach.call(row.cells, function (td, i) { if (headings[i]) td.dataset.label = headings[i].textContent; });
  }

  function loadRoster() {
    if (state.organisation) { return loadOrganisation(); }
    return api('/api/v1/dashboard').then(function (dashboard) {
      text($('today'), t('roster.today', dashboard.today));
      $('today').dataset.date = dashboard.today;
      state.roster = dashboard.athletes;
      summarise(dashboard.athletes);
      renderRoster();
      stamp();
    });
  }

  // a head coach's or an admin's whole organisation, a page at a time: the server filters, orders and counts
  function loadOrganisation() {
    var params = new URLSearchParams({ page: state.page || 0, size: 50, sort: $('sort').value === 'name' ? 'name' : 'urgency' });
    if ($('search').value.trim()) { params.set('q', $('search').value.trim()); }
    if ($('filter-team').value) { params.set('team', $('filter-team').value); }
    if ($('filter-flag').value) { params.set('flag', $('filter-flag').value); }
    return api('/api/v1/organisation/roster?' + params).then(function (o) {
      text($('today'), t('roster.today', o.today));
      $('today').dataset.date = o.today;
      state.roster = o.athletes;
      showAttention(o.attention.flagged, o.attention.athletes, o.attention.flags.map(function (f) {
        return { kind: f.kind, severity: f.severity, count: f.athletes };
      }));
      showTeams(o.teams.map(function (x) { return { id: x.teamId, name: x.teamName }; }));
      renderRoster();
      $('pager').hidden = o.totalPages <= 1;
      text($('page-of'), t('roster.pageOf', o.page + 1, Math.max(1, o.totalPages), o.total));
      $('page-prev').disabled = o.page <= 0;
      $('page-next').disabled = o.page + 1 >= o.totalPages;
      stamp();
    });
  }

  // a change of search, filter or order: the roster at hand is filtered here, an organisation's asked for again
  var reloadTimer = null;
  function rosterChanged() {
    if (!state.organisation) { renderRoster(); return; }
    state.page = 0;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(function () { loadRoster().catch(function () {}); }, 250);
  }

  // how many athletes each flag holds, most urgent kinds first; a kind is also a filter
  function summarise(athletes) {
    var counts = {}, severity = {}, order = [];
    athletes.forEach(function (a) {
      open(a.flags).forEach(function (f) {
        if (!counts[f.kind]) { counts[f.kind] = 0; severity[f.kind] = f.severity; order.push(f.kind); }
        counts[f.kind]++;
      });
    });
    var rank = { high: 0, medium: 1, low: 2 };
    order.sort(function (x, y) { return (rank[severity[x]] - rank[severity[y]]) || counts[y] - counts[x] || (x < y ? -1 : 1); });
    var flagged = athletes.filter(function (a) { return open(a.flags).length > 0; }).length;
    showAttention(flagged, athletes.length, order.map(function (kind) { return { kind: kind, severity: severity[kind], count: counts[kind] }; }));
    var names = {};
    athletes.forEach(function (a) { if (team(a)) { names[a.profile.teamId] = team(a); } });
    showTeams(Object.keys(names).map(function (id) { return { id: id, name: names[id] }; }));
  }

  function showAttention(flagged, total, kinds) {
    var counts = {}, order = [], severity = {};
    kinds.forEach(function (k) { counts[k.kind] = k.count; severity[k.kind] = k.severity; order.push(k.kind); });
    var summary = $('attention');
    summary.textContent = '';
    text(summary.appendChild(document.createElement('span')), t('roster.attention', flagged, total));
    order.forEach(function (kind) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'flag ' + severity[kind];
      button.dataset.kind = kind;
      button.textContent = t('flag.' + kind) + ' ' + counts[kind];
      button.setAttribute('aria-pressed', String($('filter-flag').value === kind));
      button.addEventListener('click', function () {
        $('filter-flag').value = $('filter-flag').value === kind ? '' : kind;
        Array.prototype.forEach.call(summary.querySelectorAll('button'), function (b) {
          b.setAttribute('aria-pressed', String($('filter-flag').value === b.dataset.kind));
        });
        rosterChanged();
      });
      summary.appendChild(button);
    });
    var select = $('filter-flag'), chosen = select.value;
    while (select.options.length > 2) { select.remove(2); }
    order.forEach(function (kind) { select.add(new Option(t('flag.' + kind) + ' (' + counts[kind] + ')', kind)); });
    select.value = chosen && (chosen === '*' || counts[chosen]) ? chosen : '';
  }

  // the teams of the roster, for the team filter
  function showTeams(teams) {
    var select = $('filter-team'), chosen = select.value, known = {};
    while (select.options.length > 1) { select.remove(1); }
    teams.sort(function (x, y) { return x.name.localeCompare(y.name); })
      .forEach(function (x) { known[x.id] = true; select.add(new Option(x.name, x.id)); });
    select.value = known[chosen] ? chosen : '';
    $('team-control').hidden = teams.length === 0;
  }

  var ORDERS = {
    urgency: function () { return 0; },
    name: function (x, y) { return name(x).localeCompare(name(y)); },
    adherence: function (x, y) { return last(x.adherence.days30.percent, y.adherence.days30.percent, 1); },
    pain: function (x, y) { return last(x.pain.latest, y.pain.latest, -1); },
    activity: function (x, y) { return last(x.daysSinceActivity, y.daysSinceActivity, -1, true); }
  };

  // ascending (1) or descending (-1), athletes without a value last, or first when they are the most urgent
  function last(x, y, direction, missingFirst) {
    if (x == null && y == null) { return 0; }
    if (x == null) { return missingFirst ? -1 : 1; }
    if (y == null) { return missingFirst ? 1 : -1; }
    return direction * (x - y);
  }

  function renderRoster() {
    var query = $('search').value.trim().toLowerCase();
    var flag = $('filter-flag').value;
    var teamId = $('filter-team').value;
    var order = ORDERS[$('sort').value] || ORDERS.urgency;
    var shown = (state.roster || []).map(function (a, i) { return { athlete: a, urgency: i }; })
      .filter(function (x) {
        var a = x.athlete;
        var words = [a.athleteId, name(a), team(a) || ''].join(' ').toLowerCase();
        return (!query || words.indexOf(query) >= 0)
          && (!teamId || (a.profile && a.profile.teamId === teamId))
          && (!flag || (flag === '*' ? open(a.flags).length > 0 : open(a.flags).some(function (f) { return f.kind === flag; })));
      })
      .sort(function (x, y) { return order(x.athlete, y.athlete) || x.urgency - y.urgency; });
    var body = document.querySelector('#roster tbody');
    body.textContent = '';
    $('roster-empty').hidden = (state.roster || []).length > 0;
    $('roster-none-match').hidden = shown.length > 0 || !(state.roster || []).length;
    shown.forEach(function (x) {
      var a = x.athlete;
      var row = document.createElement('tr');
      row.dataset.athlete = a.athleteId;
      row.tabIndex = 0;
      var who = cell(row, name(a), 'athlete');
      if (team(a)) { text(who.appendChild(document.createElement('small')), team(a)); }
      flagBadges(cell(row, '', 'flags'), a.flags);
      cell(row, percent(a.adherence.days7) + ' / ' + percent(a.adherence.days30) + ' / ' + percent(a.adherence.days90), 'adherence');
      cell(row, a.streak, 'streak');
      cell(row, a.lastActivity ? t('days.ago', date(a.lastActivity), a.daysSinceActivity) : null, 'last-activity');
      morningCell(row, a.checkIn);
      cell(row, t('week.volume', a.weeklyVolume.sessions, a.weeklyVolume.reps, a.weeklyVolume.holdSeconds), 'volume');
      trendCell(row, a.rpe);
      trendCell(row, a.pain);
      labelCells(row);
      row.addEventListener('click', function () { openAthlete(a.athleteId); });
      row.addEventListener('keydown', function (e) { if (e.key === 'Enter') openAthlete(a.athleteId); });
      body.appendChild(row);
    });
    text($('roster-count'), t('roster.shown', shown.length));
  }

  // the latest check-in since yesterday: when, what it made of the day's session, and pain or a red flag
  function morningCell(row, c) {
    var td = cell(row, null, 'check-in');
    if (!c) { return; }
    var parts = [t(c.date === $('today').dataset.date ? 'checkIn.today' : 'checkIn.yesterday')];
    if (c.adjustment) { parts.push(t('adjust.' + c.adjustment)); td.dataset.adjustment = c.adjustment; }
    if (c.pain) { parts.push(t('checkIn.pain', c.pain)); }
    if (c.redFlag) { parts.push(t('checkIn.redFlag')); }
    text(td, parts.join(' · '));
  }

  function chart(id) {
    if (!state.charts[id]) { state.charts[id] = echarts.init($(id)); }
    return state.charts[id];
  }

  // reps and hold seconds are different quantities: each has its own axis and its own series, never summed
  function seriesChart(id, groups) {
    var weeks = groups.length ? groups[0].weeks.map(function (w) { return w.weekStart.substring(5); }) : [];
    var series = [];
    groups.forEach(function (g) {
      [['reps', 0, ' (' + t('series.reps') + ')'], ['holdSeconds', 1, ' (' + t('series.hold') + ')']].forEach(function (kind) {
        var values = g.weeks.map(function (w) { return w[kind[0]] || 0; });
        if (values.some(function (v) { return v > 0; })) {
          series.push({ name: g.name + kind[2], type: 'line', yAxisIndex: kind[1], data: values });
        }
      });
    });
    chart(id).setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 45, right: 45, top: 25, bottom: 50 },
      xAxis: { type: 'category', data: weeks },
      yAxis: [{ type: 'value', name: t('series.reps'), minInterval: 1 }, { type: 'value', name: t('series.hold'), minInterval: 1 }],
      series: series
    }, true);
  }

  function loadAthlete(id) {
    return api('/api/v1/athletes/' + encodeURIComponent(id) + '/progress').then(function (p) {
      var s = p.summary;
      text($('athlete-name'), name(s));
      text($('athlete-about'), [team(s), s.profile && s.profile.sport, s.athleteId].filter(Boolean).join(' · '));
      flagCards(s.athleteId, s.flags);
      text($('athlete-adherence-7'), percent(s.adherence.days7));
      text($('athlete-completed-7'), t('athlete.completedOf', s.adherence.days7.completed, s.adherence.days7.scheduled));
      text($('athlete-adherence-30'), percent(s.adherence.days30));
      text($('athlete-streak'), s.streak);
      text($('athlete-last-activity'), date(s.lastActivity));
      var weeks = p.weeks.map(function (w) { return w.weekStart.substring(5); });
      chart('chart-weeks').setOption({
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 10, top: 10, bottom: 50 },
        xAxis: { type: 'category', data: weeks },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('series.scheduled'), type: 'bar', data: p.weeks.map(function (w) { return w.scheduled; }) },
          { name: t('series.completed'), type: 'bar', data: p.weeks.map(function (w) { return w.completed; }) }
        ]
      }, true);
      chart('chart-trends').setOption({
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 10, top: 10, bottom: 50 },
        // one time axis: a pain report and a session RPE of different days stay on their own dates
        xAxis: { type: 'time' },
        yAxis: { type: 'value', min: 0, max: 10 },
        // the flag thresholds the points are judged against, each on its own series
        series: [
          { name: t('series.rpe'), type: 'line', data: s.rpe.points.map(function (x) { return [x.date, x.value]; }),
            markLine: threshold(p.thresholds.effortRpe, t('threshold.effort', p.thresholds.effortRpe, p.thresholds.effortSessions)) },
          { name: t('series.pain'), type: 'line', data: s.pain.points.map(function (x) { return [x.date, x.value]; }),
            markLine: threshold(p.thresholds.painCeiling, t('threshold.pain', p.thresholds.painCeiling)) }
        ]
      }, true);
      calendar(p.days, p.weeks.length ? p.weeks[0].weekStart : null);
      notes(p.notes);
      readiness(p.readiness ? p.readiness.checkIns : []);
      tests(p.tests || []);
      plan(p.plan, p.planLink);
      seriesChart('chart-muscles', p.muscles);
      seriesChart('chart-exercises', p.exercises);
      $('athlete-view').dataset.loaded = s.athleteId;
      stamp();
      return api('/api/v1/athletes/' + encodeURIComponent(id) + '/load?weeks=8').then(load).catch(function () {});
    });
  }

  // each morning's answers and what they made of the day's sessions, newest first
  function readiness(list) {
    var ul = $('athlete-readiness');
    ul.textContent = '';
    $('readiness-empty').hidden = list.length > 0;
    list.forEach(function (c) {
      var li = ul.appendChild(document.createElement('li'));
      li.className = 'check-in';
      text(li.appendChild(document.createElement('strong')), c.date);
      var answers = ['sleepQuality', 'energy', 'soreness', 'stress', 'mood'].filter(function (k) { return c[k] != null; })
        .map(function (k) { return t('readiness.' + k) + ' ' + c[k] + '/5'; });
      if (c.sleepHours != null) { answers.push(t('readiness.sleepHours', c.sleepHours)); }
      (c.pain || []).filter(function (x) { return x.score > 0; }).forEach(function (x) {
        answers.push(t('readiness.pain', x.area, x.score));
      });
      (c.redFlags || []).forEach(function (f) { answers.push(t('readiness.redFlag', f)); });
      text(li.appendChild(document.createElement('span')), answers.join(' · ') || t('readiness.nothing'));
      (c.adjustments || []).forEach(function (a) {
        var adjusted = li.appendChild(document.createElement('p'));
        adjusted.className = 'adjustment';
        adjusted.dataset.kind = a.kind;
        text(adjusted, t('adjust.' + a.kind) + ': ' + a.reason);
      });
    });
  }

  // each test with its figures per side, the symmetry and what it showed, newest first
  function tests(list) {
    var ul = $('athlete-tests');
    ul.textContent = '';
    $('tests-empty').hidden = list.length > 0;
    list.forEach(function (x) {
      var li = ul.appendChild(document.createElement('li'));
      li.className = 'test';
      li.dataset.kind = x.kind;
      text(li.appendChild(document.createElement('strong')), x.testedOn + ' · ' + t('tests.' + x.kind));
      var figures = x.left != null
        ? t('tests.sides', x.left, x.right, x.unit) + (x.symmetryPercent != null ? ' · ' + t('tests.symmetry', x.symmetryPercent) : '')
        : t('tests.ratings', t('tests.rating.' + x.leftRating), t('tests.rating.' + x.rightRating));
      if (x.pain != null) { figures += ' · ' + t('tests.pain', x.pain); }
      text(li.appendChild(document.createElement('span')), figures);
      (x.findings || []).forEach(function (f) { text(li.appendChild(document.createElement('p')), f); });
    });
  }

  function load(l) {
    var latest = l.latest;
    text($('load-latest'), latest.ratio == null ? t('load.noRatio')
      : t('load.ratio', latest.ratio.toFixed(2), t('load.' + latest.signal)));
    $('load-latest').dataset.signal = latest.signal;
    var body = document.querySelector('#load tbody');
    body.textContent = '';
    l.weeks.slice().reverse().forEach(function (w) {
      var row = body.appendChild(document.createElement('tr'));
      cell(row, w.weekStart.substring(5));
      cell(row, Math.round(w.load));
      cell(row, w.monotony == null ? null : w.monotony.toFixed(2));
      cell(row, w.strain == null ? null : Math.round(w.strain));
    });
  }

  // each raised flag with why, since when, who saw it, and a form to acknowledge or snooze it with a note
  function flagCards(athleteId, flags) {
    var container = $('athlete-flags');
    container.textContent = '';
    flags.forEach(function (f) {
      var card = document.createElement('article');
      card.className = 'flag-card';
      card.dataset.kind = f.kind;
      var title = card.appendChild(document.createElement('h3'));
      flagBadges(title, [f]);
      text(card.appendChild(document.createElement('p')), reason(f) + ' (' + t('flag.since', date(f.raisedAt)) + ')');
      if (f.acknowledgement) {
        var seen = card.appendChild(document.createElement('p'));
        seen.className = 'acknowledgement';
        text(seen, acknowledgedText(f));
      }
      if (state.mayAcknowledge) { card.appendChild(acknowledgeForm(athleteId, f)); }
      container.appendChild(card);
    });
  }

  function acknowledgeForm(athleteId, f) {
    var form = document.createElement('form');
    form.className = 'acknowledge';
    var noteId = 'note-' + f.flagId, snoozeId = 'snooze-' + f.flagId;
    var noteLabel = form.appendChild(document.createElement('label'));
    noteLabel.htmlFor = noteId;
    text(noteLabel, t('ack.note'));
    var note = form.appendChild(document.createElement('textarea'));
    note.id = noteId;
    note.rows = 2;
    note.maxLength = 500;
    var snoozeLabel = form.appendChild(document.createElement('label'));
    snoozeLabel.htmlFor = snoozeId;
    text(snoozeLabel, t('ack.snooze'));
    var snooze = form.appendChild(document.createElement('select'));
    snooze.id = snoozeId;
    [0, 1, 3, 7, 14].forEach(function (days) { snooze.add(new Option(days ? t('ack.days', days) : t('ack.noSnooze'), days)); });
    var button = form.appendChild(document.createElement('button'));
    button.type = 'submit';
    text(button, t('ack.submit'));
    var error = form.appendChild(document.createElement('p'));
    error.className = 'error';
    error.setAttribute('role', 'alert');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      button.disabled = true;
      api('/api/v1/athletes/' + encodeURIComponent(athleteId) + '/flags/' + f.flagId + '/acknowledgement',
        { note: note.value, snoozeDays: Number(snooze.value) })
        .then(function () { return loadAthlete(athleteId); })
        .catch(function (err) { button.disabled = false; text(error, err.message); });
    });
    return form;
  }

  function threshold(value, label) {
    return { symbol: 'none', silent: true, lineStyle: { type: 'dashed' }, label: { formatter: label, position: 'insideEndTop' },
      data: [{ yAxis: value }] };
  }

  // weeks as rows, Monday first: each day says whether its sessions were done, missed or skipped
  function calendar(days, firstWeek) {
    var head = document.querySelector('#calendar thead tr'), body = document.querySelector('#calendar tbody');
    head.textContent = '';
    body.textContent = '';
    text(head.appendChild(document.createElement('th')), t('calendar.week'));
    t('calendar.weekdays').split(' ').forEach(function (d) { text(head.appendChild(document.createElement('th')), d); });
    if (!firstWeek) { return; }
    var byDate = {};
    days.forEach(function (d) { byDate[d.date] = d; });
    var today = $('today').dataset.date || new Date().toISOString().substring(0, 10);
    for (var week = new Date(firstWeek + 'T00:00:00Z'); week.toISOString().substring(0, 10) <= today;
      week.setUTCDate(week.getUTCDate() + 7)) {
      var row = body.appendChild(document.createElement('tr'));
      text(row.appendChild(document.createElement('th')), week.toISOString().substring(5, 10));
      for (var i = 0; i < 7; i++) {
        var day = new Date(week.getTime() + i * 86400000).toISOString().substring(0, 10);
        var td = row.appendChild(document.createElement('td'));
        var d = byDate[day];
        if (day > today || !d) { td.className = 'day rest'; td.title = day; continue; }
        var status = d.scheduled > 0 ? (d.completed >= d.scheduled ? 'done' : d.skipped > 0 ? 'skipped' : day < today ? 'missed' : 'due')
          : 'extra';
        td.className = 'day ' + status;
        td.dataset.date = day;
        td.title = day + ': ' + t('calendar.' + status) + (d.scheduled ? ' · ' + t('athlete.completedOf', d.completed, d.scheduled) : '');
        text(td, { done: '✓', missed: '✗', skipped: '–', due: '·', extra: '+' }[status]);
      }
    }
  }

  function plan(sessions, link) {
    $('plan-link').hidden = !link;
    if (link) { $('plan-link').href = link; }
    $('plan-empty').hidden = sessions.length > 0;
    var body = document.querySelector('#plan tbody');
    body.textContent = '';
    sessions.forEach(function (s) {
      var row = body.appendChild(document.createElement('tr'));
      row.dataset.session = s.sessionId;
      row.dataset.status = s.status;
      text(row.appendChild(document.createElement('td')), s.date);
      text(row.appendChild(document.createElement('td')), s.title);
      var status = row.appendChild(document.createElement('td'));
      status.className = 'status ' + s.status;
      text(status, t('plan.' + s.status));
    });
  }

  function notes(list) {
    var ul = $('athlete-notes');
    ul.textContent = '';
    $('notes-empty').hidden = list.length > 0;
    list.forEach(function (n) {
      var li = ul.appendChild(document.createElement('li'));
      text(li.appendChild(document.createElement('strong')), n.date + ' · ' + t('notes.' + n.status));
      text(li.appendChild(document.createElement('span')), n.text);
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
    text($('updated'), t('updated', new Date().toLocaleTimeString(state.language)));
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
    el.textContent = on ? t('live.on') : t('live.off');
  }

  function signIn(value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
    return api('/api/v1/me').then(function (me) {
      text($('who'), me.subject + ' · ' + me.tenant);
      state.mayAcknowledge = (me.roles || []).some(function (r) { return ['coach', 'head-coach', 'admin'].indexOf(r) >= 0; });
      state.organisation = (me.roles || []).some(function (r) { return r === 'head-coach' || r === 'admin'; });
      state.page = 0;
      // the organisation is ordered by the server, by urgency or by name
      Array.prototype.forEach.call($('sort').options, function (o) {
        o.hidden = o.disabled = state.organisation && ['urgency', 'name'].indexOf(o.value) < 0;
      });
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
  $('search').addEventListener('input', rosterChanged);
  $('language').addEventListener('change', function () {
    localStorage.setItem(LANGUAGE_KEY, $('language').value);
    state.language = language();
    translatePage();
    if (state.roster) { loadRoster().catch(function () {}); }
    if (state.athlete && !$('athlete-view').hidden) { loadAthlete(state.athlete).catch(function () {}); }
  });
  $('filter-flag').addEventListener('change', function () {
    if (!state.organisation) { summarise(state.roster || []); }
    rosterChanged();
  });
  $('sort').addEventListener('change', rosterChanged);
  $('filter-team').addEventListener('change', rosterChanged);
  $('page-prev').addEventListener('click', function () { state.page = Math.max(0, state.page - 1); loadRoster(); });
  $('page-next').addEventListener('click', function () { state.page++; loadRoster(); });
  $('back').addEventListener('click', function () { state.athlete = null; show('roster-view'); loadRoster(); });
  window.addEventListener('resize', function () { Object.keys(state.charts).forEach(function (k) { state.charts[k].resize(); }); });

  state.language = language();
  translatePage();
  if (token()) { signIn(token()).catch(function () {}); } else { show('sign-in-view'); }
})();
