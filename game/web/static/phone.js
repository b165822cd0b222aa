/* Bridges on a phone: join a team, see the open decision, answer it.
   Served by the game itself; talks only to the page's own server (WebSocket, with HTTP as the fallback). */
"use strict";
(function () {
  var STORE = "bridges-token";
  var main = document.getElementById("main");
  var words = {};
  var token = null;
  var view = null;
  var ws = null;
  var retry = 0;
  var pollTimer = null;
  var draft = null;      // what the team is putting together for the open decision
  var draftFor = null;   // the decision number the draft belongs to
  var sending = false;
  var replaced = false;  // the trainer gave this team a new link: this phone no longer answers for it

  function w(key, values) {
    var text = words[key] || key;
    if (values) { Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); }); }
    return text;
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; }
      else if (k === "on") { node.addEventListener("click", attrs[k]); }
      else if (k === "class") { node.className = attrs[k]; }
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  function show(nodes) {
    while (main.firstChild) { main.removeChild(main.firstChild); }
    nodes.forEach(function (n) { if (n) { main.appendChild(n); } });
  }
  function linkState(text, lost) {
    var link = document.getElementById("link");
    link.textContent = text;
    link.className = lost ? "link lost" : "link";
  }
  function request(method, url, body) {
    return fetch(url, { method: method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
      cache: "no-store", credentials: "omit" }).then(function (r) { return r.json().then(function (d) { d.httpStatus = r.status; return d; }); });
  }
  function loadWords() {
    return request("GET", "/api/words").then(function (d) { if (d.words) { words = d.words; document.documentElement.lang = d.lang || "en"; } });
  }

  // ----- joining -------------------------------------------------------------------------------
  function askCode(problem) {
    var input = el("input", { type: "text", id: "code", maxlength: "12", autocomplete: "off", autocapitalize: "characters", "aria-label": w("code_label") });
    show([el("h1", { text: w("join_title") }), el("p", { text: w("code_label") }), input,
      problem ? el("p", { class: "status bad", text: problem }) : null,
      el("button", { class: "primary", id: "join", text: w("join"), on: function () { join(input.value, null); } })]);
  }
  function join(code, team) {
    request("POST", "/api/join", team === null ? { code: code } : { code: code, team: team }).then(function (d) {
      if (d.token) { remember(d.token); location.replace("/t/" + d.token); return; }
      if (d.teams) { chooseTeam(code, d.teams); return; }
      askCode(w({ code: "code_wrong", full: "full", slow: "slow" }[d.error] || "code_wrong"));
    }).catch(function () { askCode(w("lost")); });
  }
  function chooseTeam(code, teams) {
    show([el("h1", { text: w("choose_team") })].concat(teams.map(function (t) {
      return el("button", { class: "option", id: "team-" + t.index, text: t.name + (t.phones ? " (" + w("taken") + ")" : ""),
        on: function () { join(code, t.index); } });
    })));
  }
  function remember(value) { try { localStorage.setItem(STORE, value); } catch (e) { /* private mode: the link still works */ } }
  function forget() { try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ } }
  function remembered() { try { return localStorage.getItem(STORE); } catch (e) { return null; } }

  // ----- the live view ----------------------------------------------------------------------------
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    try { ws = new WebSocket(scheme + location.host + "/ws"); } catch (e) { ws = null; poll(); return; }
    ws.onopen = function () { retry = 0; ws.send(JSON.stringify({ type: "hello", token: token })); linkState(w("online"), false); };
    ws.onmessage = function (event) { var d; try { d = JSON.parse(event.data); } catch (e) { return; } receive(d); };
    ws.onclose = function () {
      ws = null;
      if (replaced || (view && view.state === "ended")) { return; }
      linkState(w("lost"), true);
      poll();
      retry = Math.min(retry + 1, 5);
      setTimeout(connect, 800 * retry);
    };
  }
  function poll() {
    if (pollTimer || replaced) { return; }
    pollTimer = setTimeout(function () {
      pollTimer = null;
      request("GET", "/api/view?token=" + encodeURIComponent(token)).then(receive).catch(function () {});
      if (!ws || ws.readyState !== 1) { poll(); }
    }, 2000);
  }
  function receive(d) {
    if (replaced) { return; }
    if (d.type === "view") {
      if (!view || d.version >= view.version || d.state !== view.state) { view = d; words = d.words || words; render(); }
    } else if (d.type === "error") {
      sending = false;
      if (d.error === "replaced") {
        replaced = true;
        forget();
        linkState("", false);
        show([el("h1", { class: "big", id: "replaced", text: w("replaced") })]);
      } else if (d.error === "token") { forget(); show([el("p", { class: "status bad", text: w("token") })]); }
      else { notice(w({ closed: "closed", team: "closed", slow: "slow", time: "late" }[d.error] || "refused"), true); }
    } else if (d.type === "ack") { notice(w("sending"), false); }
  }
  function notice(text, bad) {
    var old = document.getElementById("notice");
    if (old) { old.parentNode.removeChild(old); }
    main.insertBefore(el("p", { id: "notice", class: bad ? "status bad" : "status", text: text }), main.firstChild);
  }
  function send(answer) {
    if (!view || sending) { return; }
    sending = true;
    var message = { type: "answer", token: token, decision: view.decision, answer: answer };
    if (ws && ws.readyState === 1) { ws.send(JSON.stringify(message)); }
    else { request("POST", "/api/answer", message).then(receive).catch(function () { sending = false; notice(w("lost"), true); }); }
    notice(w("sending"), false);
    setTimeout(function () { sending = false; }, 1500);
  }

  function render() {
    var team = view.team;
    document.documentElement.lang = view.lang || "en";
    document.documentElement.style.setProperty("--team", team.colour || "#0072B2");
    document.getElementById("team").textContent = team.name;
    document.getElementById("symbol").className = team.symbol || "";
    document.title = team.name + " · Bridges";
    sending = false;
    var status = view.status || null;
    var said = null;
    if (status && status.state === "refused") { said = el("p", { class: "status bad", id: "status", text: w(status.reason === "time" ? "late" : "refused") }); }
    var late = timeUp(view.time_up);
    if (view.state === "ended") { show([el("h1", { text: w("ended") })]); return; }
    if (view.state === "paused") { show([el("h1", { text: w("paused") })]); return; }
    if (view.state === "wait") { show([late, late ? null : el("h1", { text: w("wait") }), el("p", { class: "note", text: w("watch") })]); return; }
    if (view.state === "answered") { show([late, el("p", { class: "status good", id: "status", text: w("answered") })].concat(sceneHead(view.scene))); return; }
    if (view.state === "locked") { show([late, said].concat(sceneHead(view.scene))); return; }  // no controls: the draft waits for more time
    if (draftFor !== view.decision) { draftFor = view.decision; draft = null; }
    var build = { choice: choice, event: choice, pick: pick, sequence: sequence, allocate: allocate, negotiate: negotiate }[view.kind];
    show([late, said].concat(sceneHead(view.scene), build ? build(view.scene) : [el("p", { text: w("watch") })]));
  }
  function timeUp(info) {  // "Time is up" in large type, and what happens now (the trainer's set-up choice)
    if (!info) { return null; }
    var line = info.locked ? w("locked") : (info.you ? w("missed_you") : w("missed_other", { team: info.team }));
    return el("div", { class: "timeup", id: "time-up", role: "alert" }, [el("p", { class: "big", text: w("time_up") }), el("p", { id: "time-up-line", text: line })]);
  }
  function sceneHead(scene) {
    return [scene.headline ? el("h1", { text: scene.headline }) : (scene.title ? el("h1", { text: scene.title }) : null),
      scene.text ? el("p", { id: "question", text: scene.text }) : null];
  }

  // ----- the decision kinds -------------------------------------------------------------------------
  function choice(scene) {
    if (draft === null) { draft = { choose: null }; }
    var buttons = scene.options.map(function (o, i) {
      return el("button", { class: "option", id: "option-" + o.id, "aria-pressed": draft.choose === o.id ? "true" : "false", text: (i + 1) + ". " + o.text,
        on: function () { draft.choose = o.id; render(); } });
    });
    return buttons.concat([el("button", { class: "primary", id: "send", text: w("send"), disabled: draft.choose ? false : "disabled",
      on: function () { send({ choose: draft.choose }); } })]);
  }
  function pick(scene) {
    if (draft === null) { draft = { pick: [] }; }
    var cards = scene.cards.map(function (c) {
      var on = draft.pick.indexOf(c.id) >= 0;
      var research = (c.research || []).map(function (r) {
        return el("button", { class: "small", id: "research-" + c.id + "-" + r.id, text: w("research") + ": " + r.label,
          on: function () { send({ research: { cast: c.id, action: r.id } }); } });
      });
      return el("div", { class: on ? "card on" : "card" }, [
        el("button", { class: "option", id: "card-" + c.id, "aria-pressed": on ? "true" : "false", text: c.name, on: function () {
          var at = draft.pick.indexOf(c.id);
          if (at >= 0) { draft.pick.splice(at, 1); } else if (draft.pick.length < scene.count) { draft.pick.push(c.id); }
          render();
        } }),
        c.traits.length ? el("p", { class: "traits", text: c.traits.join(" · ") }) : null,
        research.length ? el("div", { class: "row" }, research) : null]);
    });
    var refuse = scene.refuse ? el("button", { class: "option", id: "refuse", text: scene.refuse, on: function () { send({ pick: [] }); } }) : null;
    return [el("p", { class: "note", text: w("chosen", { n: draft.pick.length, count: scene.count }) })].concat(cards, [refuse,
      el("button", { class: "primary", id: "send", text: w("send"), disabled: draft.pick.length === scene.count ? false : "disabled",
        on: function () { send({ pick: draft.pick.slice() }); } })]);
  }
  function sequence(scene) {
    if (draft === null) { draft = { order: scene.steps.map(function (s) { return s.id; }) }; }
    var text = {};
    scene.steps.forEach(function (s) { text[s.id] = s.text; });
    function move(i, by) { var o = draft.order, j = i + by; if (j < 0 || j >= o.length) { return; } var t = o[i]; o[i] = o[j]; o[j] = t; render(); }
    var rows = draft.order.map(function (id, i) {
      return el("div", { class: "card step row", id: "step-" + id }, [el("span", { class: "num", text: (i + 1) + "." }), el("span", { class: "grow", text: text[id] }),
        el("button", { class: "small", id: "up-" + id, "aria-label": w("up"), text: "\u2191", disabled: i === 0 ? "disabled" : false, on: function () { move(i, -1); } }),
        el("button", { class: "small", id: "down-" + id, "aria-label": w("down"), text: "\u2193", disabled: i === draft.order.length - 1 ? "disabled" : false, on: function () { move(i, 1); } })]);
    });
    return rows.concat([el("button", { class: "primary", id: "send", text: w("send"), on: function () { send({ order: draft.order.slice() }); } })]);
  }
  function allocate(scene) {
    if (draft === null) { draft = { allocate: {} }; scene.options.forEach(function (o) { draft.allocate[o.id] = 0; }); }
    var spent = Object.keys(draft.allocate).reduce(function (s, k) { return s + draft.allocate[k]; }, 0);
    var left = scene.points - spent;
    var rows = scene.options.map(function (o) {
      var n = draft.allocate[o.id];
      return el("div", { class: "card" }, [el("p", { text: o.text }), el("div", { class: "row end" }, [
        el("button", { class: "small", id: "less-" + o.id, text: "\u2212", "aria-label": "-1", disabled: n === 0 ? "disabled" : false, on: function () { draft.allocate[o.id] -= 1; render(); } }),
        el("span", { class: "count", id: "points-" + o.id, text: String(n) }),
        el("button", { class: "small", id: "more-" + o.id, text: "+", "aria-label": "+1", disabled: left === 0 ? "disabled" : false, on: function () { draft.allocate[o.id] += 1; render(); } })])]);
    });
    var ready = scene.must_spend_all ? left === 0 : left >= 0;
    return [el("p", { class: "status", id: "left", text: w("points_left", { n: left }) })].concat(rows, [
      el("button", { class: "primary", id: "send", text: w("send"), disabled: ready ? false : "disabled", on: function () { send({ allocate: given(draft.allocate) }); } })]);
  }
  function given(points) {  // the options that got points, as the game's own screen sends them
    var out = {};
    Object.keys(points).forEach(function (k) { if (points[k] > 0) { out[k] = points[k]; } });
    return out;
  }
  function negotiate(scene) {
    if (draft === null) { draft = { propose: {} }; }
    var nodes = [el("p", { class: "note", text: w("counterpart", { name: scene.counterpart }) + " · " + w("patience", { n: scene.patience }) })];
    scene.clauses.forEach(function (c) {
      var children = [el("h2", { text: c.label })];
      if (c.agreed) {
        var term = c.terms.filter(function (t) { return t.id === c.agreed; })[0];
        children.push(el("p", { class: "agreed", text: w("agreed") + ": " + (term ? term.text : c.agreed) }));
      } else {
        c.terms.forEach(function (t) {
          children.push(el("button", { class: "option term", id: "term-" + c.element + "-" + t.id, "aria-pressed": draft.propose[c.element] === t.id ? "true" : "false", text: t.text,
            on: function () { if (draft.propose[c.element] === t.id) { delete draft.propose[c.element]; } else { draft.propose[c.element] = t.id; } render(); } }));
        });
        var row = [];
        if (c.counter) {
          var offer = c.terms.filter(function (t) { return t.id === c.counter; })[0];
          children.push(el("p", { class: "note", text: w("counter") + ": " + (offer ? offer.text : c.counter) }));
          row.push(el("button", { class: "small", id: "concede-" + c.element, text: w("accept"), on: function () { send({ concede: c.element }); } }));
        }
        if (!c.asked) { row.push(el("button", { class: "small", id: "ask-" + c.element, text: w("ask"), on: function () { send({ ask: c.element }); } })); }
        if (row.length) { children.push(el("div", { class: "row" }, row)); }
      }
      nodes.push(el("div", { class: "card" }, children));
    });
    var chosen = Object.keys(draft.propose).length;
    nodes.push(el("button", { class: "primary", id: "propose", text: w("propose"), disabled: chosen ? false : "disabled", on: function () { send({ propose: Object.assign({}, draft.propose) }); } }));
    nodes.push(el("div", { class: "row" }, [
      el("button", { class: "grow", id: "facilitator", text: w("facilitator"), on: function () { send({ facilitator: true }); } }),
      el("button", { class: "grow", id: "sign", text: w("sign"), disabled: scene.can_sign ? false : "disabled", on: function () { send({ sign: true }); } }),
      el("button", { class: "grow", id: "walk-away", text: w("walk_away"), on: function () { send({ walk_away: true }); } })]));
    return nodes;
  }

  // ----- start ---------------------------------------------------------------------------------------
  var parts = location.pathname.split("/");
  loadWords().catch(function () {}).then(function () {
    if (parts[1] === "t" && parts[2]) {
      token = parts[2];
      remember(token);
      show([el("p", { class: "note", text: w("online") })]);
      connect();
      poll();
    } else if (parts[1] === "r" && parts[2]) {
      var kept = remembered();
      if (kept) {
        request("GET", "/api/view?token=" + encodeURIComponent(kept)).then(function (d) {
          if (d.type === "view") { location.replace("/t/" + kept); } else { join(parts[2], null); }
        }).catch(function () { join(parts[2], null); });
      } else { join(parts[2], null); }
    } else { askCode(null); }
  });
})();
