// argmap's interactive page: what-if evaluation, marking, search, pan and zoom.
// A port of argmap's grounded labelling (argmap.semantics, argmap.cruxes), DF-QuAD
// (argmap.gradual, argmap.strengths) and explanation trace (argmap.explain); see the
// docstring of argmap/page.py. No library, no network.
"use strict";
(function () {
  var D = JSON.parse(document.getElementById("argmap-data").textContent);
  var ids = D.ids, NS = D.ns, NI = D.ni, E = D.evaluation;
  var IN = 0, OUT = 1, UNDEC = 2, UNSET = 3;
  var NAMES = ["in", "out", "undecided"];
  var position = new Array(NS).fill(0); // 0 open, 1 accept, 2 reject

  // ---------------------------------------------------------------- grounded labelling
  var targetsOf = null;
  if (E) {
    targetsOf = [];
    for (var i = 0; i < E.af.n; i++) targetsOf.push([]);
    E.af.att.forEach(function (atts, b) {
      atts.forEach(function (a) { targetsOf[a].push(b); });
    });
  }

  // The grounded labelling with clamps (argument -> IN or OUT): Modgil & Caminada's queue
  // algorithm, as argmap.cruxes relabels. Accepting a statement is clamping it IN,
  // rejecting it clamping it OUT (argmap.semantics.translate).
  function grounded(clamps) {
    var n = E.af.n, att = E.af.att;
    var labels = new Uint8Array(n).fill(UNSET);
    var count = new Int32Array(n);
    var queue = [];
    for (var v = 0; v < n; v++) {
      if (clamps.has(v)) { labels[v] = clamps.get(v); queue.push(v); continue; }
      count[v] = att[v].length;
      if (count[v] === 0) { labels[v] = IN; queue.push(v); }
    }
    for (var k = 0; k < queue.length; k++) {
      var x = queue[k], ts = targetsOf[x];
      if (labels[x] === IN) {
        for (var j = 0; j < ts.length; j++) {
          if (labels[ts[j]] === UNSET) { labels[ts[j]] = OUT; queue.push(ts[j]); }
        }
      } else if (labels[x] === OUT) {
        for (var j2 = 0; j2 < ts.length; j2++) {
          var t = ts[j2];
          if (labels[t] === UNSET) {
            count[t] -= 1;
            if (count[t] === 0) { labels[t] = IN; queue.push(t); }
          }
        }
      }
    }
    for (var w = 0; w < n; w++) if (labels[w] === UNSET) labels[w] = UNDEC;
    return labels;
  }

  function clampsOf(pos) {
    var clamps = new Map();
    for (var s = 0; s < NS; s++) {
      if (pos[s] === 1) clamps.set(E.arg[s], IN);
      else if (pos[s] === 2) clamps.set(E.arg[s], OUT);
    }
    return clamps;
  }

  // Labels of every map node (statements, inferences, conflicts) as argmap.evaluate
  // gives them: an unflattened conflict is labelled as its source.
  function nodeLabels(af) {
    var out = new Uint8Array(ids.length);
    for (var k = 0; k < ids.length; k++) {
      if (E.arg[k] >= 0) out[k] = af[E.arg[k]];
      else out[k] = af[E.arg[E.source[k - NS - NI]]];
    }
    return out;
  }

  // ---------------------------------------------------------------- DF-QuAD
  function peel(edges) {
    var pending = new Int32Array(edges.length);
    edges.forEach(function (ts) { ts.forEach(function (t) { pending[t] += 1; }); });
    var order = [];
    for (var v = 0; v < edges.length; v++) if (pending[v] === 0) order.push(v);
    for (var k = 0; k < order.length; k++) {
      var ts = edges[order[k]];
      for (var j = 0; j < ts.length; j++) {
        pending[ts[j]] -= 1;
        if (pending[ts[j]] === 0) order.push(ts[j]);
      }
    }
    var rest = [];
    for (var w = 0; w < edges.length; w++) if (pending[w] > 0) rest.push(w);
    return [order, rest];
  }

  function tarjan(edges, nodes) {
    var size = edges.length, index = new Int32Array(size).fill(-1), low = new Int32Array(size);
    var onStack = new Uint8Array(size), stack = [], found = [], counter = 0;
    nodes.forEach(function (root) {
      if (index[root] !== -1) return;
      index[root] = low[root] = counter++;
      stack.push(root); onStack[root] = 1;
      var work = [[root, 0]];
      while (work.length) {
        var top = work[work.length - 1], node = top[0], ts = edges[node], pushed = false;
        while (top[1] < ts.length) {
          var t = ts[top[1]++];
          if (index[t] === -1) {
            index[t] = low[t] = counter++;
            stack.push(t); onStack[t] = 1;
            work.push([t, 0]); pushed = true; break;
          }
          if (onStack[t]) low[node] = Math.min(low[node], index[t]);
        }
        if (pushed) continue;
        work.pop();
        if (work.length) {
          var parent = work[work.length - 1][0];
          low[parent] = Math.min(low[parent], low[node]);
        }
        if (low[node] === index[node]) {
          var comp = [];
          for (;;) {
            var m = stack.pop(); onStack[m] = 0; comp.push(m);
            if (m === node) break;
          }
          found.push(comp);
        }
      }
    });
    return found;
  }

  function probSum(ps, values) {
    var remaining = 1.0;
    for (var k = 0; k < ps.length; k++) remaining *= 1.0 - values[ps[k]];
    return 1.0 - remaining;
  }

  function dfquad(base, att, sup, values) {
    var a = probSum(att, values), s = probSum(sup, values);
    if (a >= s) return base - base * (a - s);
    return base + (1.0 - base) * (s - a);
  }

  // argmap.gradual.strengths(to_qbaf(map, fixed=...), semantics="df-quad"); null when a
  // cycle does not settle (Python raises ConvergenceError).
  function strengthsOf(pos) {
    var Q = E.qbaf, n = Q.base.length;
    var base = Q.base.slice(), att = Q.att, sup = Q.sup;
    var fixed = new Int8Array(n);
    for (var s = 0; s < NS; s++) {
      if (pos[s]) { var p = Q.pos[s]; fixed[p] = 1; base[p] = pos[s] === 1 ? 1.0 : 0.0; }
    }
    var A = [], S = [], depends = [], dependents = [];
    for (var v = 0; v < n; v++) {
      A.push(fixed[v] ? [] : att[v]); S.push(fixed[v] ? [] : sup[v]);
      depends.push(A[v].concat(S[v])); dependents.push([]);
    }
    for (var q = 0; q < n; q++) depends[q].forEach(function (src) { dependents[src].push(q); });
    var plan = peel(dependents), values = base.slice();
    function inOrder(ps) {
      for (var k = 0; k < ps.length; k++) values[ps[k]] = dfquad(base[ps[k]], A[ps[k]], S[ps[k]], values);
    }
    function slopes(ms) {
      return ms.map(function (m) { return dfquad(base[m], A[m], S[m], values) - values[m]; });
    }
    function move(ms, start, sl, step) {
      for (var k = 0; k < ms.length; k++) values[ms[k]] = Math.min(1.0, Math.max(0.0, start[k] + step * sl[k]));
    }
    function settle(ms, step) {
      var iterations = 0, end = 1024, least = Infinity, before = Infinity;
      for (;;) {
        var k1 = slopes(ms), change = 0;
        for (var k = 0; k < k1.length; k++) change = Math.max(change, Math.abs(k1[k]));
        if (change <= 1e-9) return true;
        if (iterations === 100000) return false;
        least = Math.min(least, change);
        if (iterations >= end) {
          var stalled = least > 0.9 * before;
          before = least; least = Infinity; end = 2 * end;
          if (stalled) return false;
        }
        var start = ms.map(function (m) { return values[m]; });
        move(ms, start, k1, step / 2.0);
        var k2 = slopes(ms);
        move(ms, start, k2, step / 2.0);
        var k3 = slopes(ms);
        move(ms, start, k3, step);
        var k4 = slopes(ms);
        var mean = k1.map(function (a, k) { return (a + 2.0 * k2[k] + 2.0 * k3[k] + k4[k]) / 6.0; });
        move(ms, start, mean, step);
        iterations += 1;
      }
    }
    inOrder(plan[0]);
    var comps = tarjan(depends, plan[1]);
    for (var c = 0; c < comps.length; c++) {
      var ms = comps[c];
      if (ms.length > 1 || depends[ms[0]].indexOf(ms[0]) >= 0) {
        var inside = new Set(ms), degree = 0;
        ms.forEach(function (m) {
          var d = 0;
          depends[m].forEach(function (src) { if (inside.has(src)) d += 1; });
          degree = Math.max(degree, d);
        });
        if (!settle(ms, Math.min(1.0, 2.0 / (1.0 + degree)))) return null;
      } else {
        inOrder(ms);
      }
    }
    return values;
  }

  // format(x, ".4f"): toFixed rounds exact ties up, Python to even. A double is a tie at
  // 4 decimals exactly when 32x is an odd integer (x = j/32, j odd).
  function fmt4(x) {
    var y = x * 32;
    if (Number.isInteger(y) && Math.abs(y % 2) === 1) {
      var scaled = x * 10000, down = Math.floor(scaled);
      var r = down % 2 === 0 ? down : down + 1;
      return (r / 10000).toFixed(4);
    }
    return x.toFixed(4);
  }

  // ---------------------------------------------------------------- explanation
  function sentence(st) {
    var q = E.q[st.node];
    if (st.kind === "accepted" || st.kind === "rejected") return q + " is " + st.kind + " in the position.";
    if (st.kind === "seen") {
      return q + " is " + NAMES[st.label] + " (" + (st.cycle ? "a cycle: it is one of its own grounds" : "see above") + ").";
    }
    var verb = E.verb[st.kind][NAMES[st.label]], head;
    if (st.kind === "reason") head = "The reason " + q + " " + verb;
    else if (st.kind === "attack") {
      var c = st.node - NS - NI;
      head = "The attack " + E.qid[c] + " from " + E.qsrc[c] + " " + verb;
    } else head = q + " " + verb;
    return st.note ? head + ": " + st.note + "." : head + ".";
  }

  function plan(k, L, pos) {
    var label = L[k], chosen, note;
    function pick(list, lab) { return list.filter(function (x) { return L[x] === lab; }); }
    var attacks = E.attacksOn[k];
    if (k < NS) {
      if (pos[k]) return ["", [], pos[k] === 1 ? "accepted" : "rejected"];
      var reasons = E.reasons[k];
      if (label === IN) {
        var carrying = pick(reasons, IN);
        if (!reasons.length) { note = "it is a starting point"; chosen = []; }
        else if (carrying.length) { note = "a reason for it applies"; chosen = carrying.slice(0, 1); }
        else {
          note = "in every extension one of its reasons applies, not always the same";
          chosen = reasons.filter(function (r) { return L[r] !== OUT; });
        }
        note += attacks.length ? " and every attack on it is defeated" : " and nothing attacks it";
        chosen = chosen.concat(attacks);
      } else if (label === OUT) {
        var winning = pick(attacks, IN);
        if (winning.length) { note = "an attack on it succeeds"; chosen = winning.slice(0, 1); }
        else if (reasons.length && reasons.every(function (r) { return L[r] === OUT; })) {
          note = "none of its reasons applies"; chosen = reasons.slice();
        } else {
          note = "every extension defeats it, not always in the same way";
          chosen = attacks.filter(function (a) { return L[a] !== OUT; })
            .concat(reasons.filter(function (r) { return L[r] !== IN; }));
        }
      } else {
        chosen = pick(attacks, UNDEC);
        if (!pick(reasons, IN).length) chosen = chosen.concat(pick(reasons, UNDEC));
        note = chosen.length ? "an attack or reason it depends on is undecided"
          : "the semantics decides nothing here (no extension)";
      }
      return [note, chosen, ""];
    }
    if (k < NS + NI) {
      var premises = E.premises[k - NS];
      if (label === IN) {
        chosen = premises.concat(attacks);
        note = "all its premises hold" + (attacks.length ? " and every undercut is defeated" : "");
      } else if (label === OUT) {
        var failing = pick(premises, OUT), win = pick(attacks, IN);
        if (failing.length) { note = "a premise does not hold"; chosen = failing.slice(0, 1); }
        else if (win.length) { note = "an undercut succeeds"; chosen = win.slice(0, 1); }
        else {
          note = "every extension defeats it, not always in the same way";
          chosen = premises.filter(function (p) { return L[p] !== IN; })
            .concat(attacks.filter(function (u) { return L[u] !== OUT; }));
        }
      } else {
        chosen = pick(premises, UNDEC).concat(pick(attacks, UNDEC));
        note = chosen.length ? "a premise or undercut is undecided" : "the semantics decides nothing here (no extension)";
      }
      return [note, chosen, ""];
    }
    var ci = k - NS - NI, source = E.source[ci];
    var counters = E.arg[k] >= 0 ? attacks : [];
    if (label === IN) {
      chosen = [source].concat(counters);
      note = "its source holds" + (counters.length ? " and every attack on it is defeated" : "");
    } else if (label === OUT) {
      var w2 = pick(counters, IN);
      if (L[source] === OUT) { note = "its source does not hold"; chosen = [source]; }
      else if (w2.length) { note = "an attack on it succeeds"; chosen = w2.slice(0, 1); }
      else {
        note = "every extension defeats it, not always in the same way";
        chosen = (L[source] !== IN ? [source] : []).concat(counters.filter(function (c) { return L[c] !== OUT; }));
      }
    } else {
      chosen = (L[source] === UNDEC ? [source] : []).concat(pick(counters, UNDEC));
      note = chosen.length ? "its source or an attack on it is undecided" : "the semantics decides nothing here (no extension)";
    }
    return [note, chosen, ""];
  }

  function kindOf(k) { return k < NS ? "statement" : k < NS + NI ? "reason" : "attack"; }

  // argmap.explain's trace: depth first, each node expanded at its first mention.
  function trace(root, L, pos) {
    var frames = [], done = new Set(), path = new Set(), result = null;
    function open(k) {
      if (done.has(k)) return { kind: "seen", node: k, label: L[k], cycle: path.has(k), because: [] };
      done.add(k); path.add(k);
      var p = plan(k, L, pos);
      frames.push({ node: k, note: p[0], chosen: p[1], built: [], verdict: p[2] });
      return null;
    }
    result = open(root);
    while (frames.length) {
      var f = frames[frames.length - 1];
      if (f.built.length < f.chosen.length) {
        var child = open(f.chosen[f.built.length]);
        if (child) f.built.push(child);
        continue;
      }
      frames.pop(); path.delete(f.node);
      if (f.verdict) f.built.push({ kind: f.verdict, node: f.node, label: L[f.node], because: [] });
      var step = { kind: kindOf(f.node), node: f.node, label: L[f.node], because: f.built, note: f.note };
      if (frames.length) frames[frames.length - 1].built.push(step); else result = step;
    }
    return result;
  }

  // The explanation as nested lists, built without recursion. Below MAX_NEST levels the
  // steps go on in the same list, in the same order: a browser lays out a few thousand
  // nested lists badly or not at all (a chain of a thousand reasons crashed Chromium).
  var MAX_NEST = 32;
  function stepLi(step, deep) {
    var li = document.createElement("li");
    if (deep) li.className = "deep";
    var span = document.createElement("span");
    span.className = "step argmap-" + NAMES[step.label];
    span.setAttribute("data-step-of", ids[step.node]);
    span.textContent = sentence(step);
    li.appendChild(span);
    return li;
  }
  function stepHtml(root) {
    var top = stepLi(root, false), stack = [];
    function grounds(step, li, list, depth) {
      if (!step.because.length) return;
      var ul = list;
      if (depth < MAX_NEST) {
        ul = document.createElement("ul");
        li.appendChild(ul);
      }
      for (var i = step.because.length - 1; i >= 0; i--) stack.push([step.because[i], ul, depth + 1]);
    }
    grounds(root, top, null, 0);
    while (stack.length) {
      var item = stack.pop(), li = stepLi(item[0], item[2] > MAX_NEST);
      item[1].appendChild(li);
      grounds(item[0], li, item[1], item[2]);
    }
    return top;
  }

  // ---------------------------------------------------------------- cruxes (size 1)
  function ancestors(t) {
    var seen = new Uint8Array(E.af.n), stack = [t];
    seen[t] = 1;
    while (stack.length) {
      E.af.att[stack.pop()].forEach(function (a) { if (!seen[a]) { seen[a] = 1; stack.push(a); } });
    }
    return seen;
  }

  // The minimal positions of one or two more statements (not the thesis, none already
  // in the position) that change the thesis' label, in argmap.cruxes' order: smaller
  // first, then by sorted ids, accepting before rejecting. At the open position these
  // are argmap.cruxes(map, max_size=2) (max_size=1 when more than PAIRS statements can
  // reach the thesis, where pairs would cost too much to recompute on every change).
  var PAIRS = 40;
  function cruxesOf(t, L, pos) {
    var ta = E.arg[t], before = L[ta], reach = ancestors(ta), found = [], single = new Set();
    var candidates = D.sorted.filter(function (c) { return c !== t && !pos[c] && reach[E.arg[c]]; });
    function changed(extra) {
      var p2 = pos.slice();
      extra.forEach(function (e) { p2[e[0]] = e[1]; });
      return grounded(clampsOf(p2))[ta];
    }
    candidates.forEach(function (c) {
      [1, 2].forEach(function (v) {
        if (L[E.arg[c]] === (v === 1 ? IN : OUT)) return; // clamped to its own label: no change
        var after = changed([[c, v]]);
        if (after !== before) { found.push({ position: [[c, v]], label: after }); single.add(c * 3 + v); }
      });
    });
    var size = candidates.length <= PAIRS ? 2 : 1;
    if (size === 2) {
      for (var i = 0; i < candidates.length; i++) {
        for (var j = i + 1; j < candidates.length; j++) {
          for (var v1 = 1; v1 <= 2; v1++) {
            if (single.has(candidates[i] * 3 + v1)) continue;
            for (var v2 = 1; v2 <= 2; v2++) {
              if (single.has(candidates[j] * 3 + v2)) continue;
              var after = changed([[candidates[i], v1], [candidates[j], v2]]);
              if (after !== before) found.push({ position: [[candidates[i], v1], [candidates[j], v2]], label: after });
            }
          }
        }
      }
    }
    return { size: size, found: found };
  }

  // ---------------------------------------------------------------- the DOM
  var nodes = new Map(), quotes = new Map(), rows = new Map(), selects = new Map(), junctions = new Map();
  document.querySelectorAll("[data-inference]").forEach(function (g) { junctions.set(g.getAttribute("data-inference"), g); });
  document.querySelectorAll("[data-id]").forEach(function (g) { nodes.set(g.getAttribute("data-id"), g); });
  document.querySelectorAll("[data-quote-of]").forEach(function (q) {
    var id = q.getAttribute("data-quote-of");
    if (!quotes.has(id)) quotes.set(id, []);
    quotes.get(id).push(q);
  });
  document.querySelectorAll("[data-statement]").forEach(function (r) { rows.set(r.getAttribute("data-statement"), r); });
  document.querySelectorAll("select[data-position-of]").forEach(function (s) { selects.set(s.getAttribute("data-position-of"), s); });

  function update() {
    if (!E) return;
    var af = grounded(clampsOf(position)), L = nodeLabels(af);
    var values = E.qbaf.failed ? null : strengthsOf(position);
    document.getElementById("no-strengths").hidden = !!(values || E.qbaf.failed);
    for (var s = 0; s < NS; s++) {
      var id = ids[s], label = NAMES[L[s]];
      var shown = values ? fmt4(values[E.qbaf.pos[s]]) : "";
      var g = nodes.get(id), row = rows.get(id);
      if (g) { g.setAttribute("data-label", label); g.setAttribute("data-strength", shown); }
      if (row) {
        row.setAttribute("data-label", label); row.setAttribute("data-strength", shown);
        row.querySelector(".lab").textContent = label;
        row.querySelector(".str").textContent = shown;
        row.setAttribute("data-position", ["open", "accept", "reject"][position[s]]);
      }
    }
    junctions.forEach(function (g, id) { g.setAttribute("data-label", NAMES[L[NS + D.inferenceIndex.get(id)]]); });
    D.theses.forEach(function (t) {
      var id = ids[t];
      var box = document.querySelector('[data-thesis="' + CSS.escape(id) + '"]');
      if (!box) return;
      var shown = values ? " (strength " + fmt4(values[E.qbaf.pos[t]]) + ")" : "";
      box.querySelector("[data-verdict-of]").textContent = NAMES[L[t]] + shown;
      box.setAttribute("data-label", NAMES[L[t]]);
      var ex = box.querySelector("[data-explanation-of]");
      ex.textContent = "";
      var ul = document.createElement("ul");
      ul.appendChild(stepHtml(trace(t, L, position)));
      ex.appendChild(ul);
      var list = box.querySelector("[data-cruxes-of]");
      list.textContent = "";
      var result = cruxesOf(t, af, position);
      list.setAttribute("data-max-size", String(result.size));
      if (!result.found.length) {
        var none = document.createElement("li");
        none.className = "none";
        none.textContent = "no position of up to " + result.size +
          (result.size === 1 ? " statement" : " statements") + " changes its label";
        list.appendChild(none);
      }
      result.found.forEach(function (f) {
        var li = document.createElement("li");
        var words = f.position.map(function (e) { return (e[1] === 1 ? "accept " : "reject ") + ids[e[0]]; });
        li.setAttribute("data-crux", words.join(" and "));
        li.setAttribute("data-crux-label", NAMES[f.label]);
        li.textContent = words.join(" and ") + ": " + NAMES[L[t]] + " \u2192 " + NAMES[f.label];
        list.appendChild(li);
      });
    });
    document.body.setAttribute("data-ready", "true");
  }

  D.inferenceIndex = new Map();
  for (var n = 0; n < NI; n++) D.inferenceIndex.set(ids[NS + n], n);

  selects.forEach(function (sel, id) {
    sel.addEventListener("change", function () {
      position[ids.indexOf(id)] = ["open", "accept", "reject"].indexOf(sel.value);
      update();
    });
  });
  var reset = document.getElementById("reset");
  reset.addEventListener("click", function () {
    position.fill(0);
    selects.forEach(function (sel) { sel.value = "open"; });
    update();
  });
  if (!E) reset.disabled = true;

  // ---------------------------------------------------------------- marking
  var marked = [];
  function mark(id, from) {
    marked.forEach(function (el) { el.removeAttribute("aria-current"); });
    marked = [];
    var g = nodes.get(id) || junctions.get(id), qs = quotes.get(id) || [], row = rows.get(id);
    [g].concat(qs, [row]).forEach(function (el) { if (el) { el.setAttribute("aria-current", "true"); marked.push(el); } });
    if (from !== "quote" && qs.length) qs[0].scrollIntoView({ block: "center" });
    if (from !== "node" && g) centre(g);
    if (from !== "row" && row && !qs.length) row.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var g = t.closest && t.closest("[data-id]");
    if (g) { mark(g.getAttribute("data-id"), "node"); return; }
    var q = t.closest && t.closest("[data-quote-of]");
    if (q) { mark(q.getAttribute("data-quote-of"), "quote"); return; }
    var a = t.closest && t.closest("[data-goto]");
    if (a) { ev.preventDefault(); mark(a.getAttribute("data-goto"), "link"); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var t = ev.target;
    if (!t.getAttribute) return;
    if (t.hasAttribute("data-id")) { ev.preventDefault(); mark(t.getAttribute("data-id"), "node"); }
    else if (t.hasAttribute("data-quote-of")) { ev.preventDefault(); mark(t.getAttribute("data-quote-of"), "quote"); }
  });

  // ---------------------------------------------------------------- search
  var search = document.getElementById("search"), count = document.getElementById("search-count");
  search.addEventListener("input", function () {
    var needle = search.value.trim().toLowerCase(), hits = 0;
    document.querySelectorAll("[data-match]").forEach(function (el) { el.removeAttribute("data-match"); });
    if (!needle) { count.textContent = ""; return; }
    rows.forEach(function (row, id) {
      var text = (id + " " + row.querySelector(".text").textContent).toLowerCase();
      if (text.indexOf(needle) >= 0) {
        hits += 1;
        row.setAttribute("data-match", "true");
        var g = nodes.get(id);
        if (g) g.setAttribute("data-match", "true");
      }
    });
    quotes.forEach(function (qs) {
      qs.forEach(function (q) { if (q.textContent.toLowerCase().indexOf(needle) >= 0) q.setAttribute("data-match", "true"); });
    });
    count.textContent = hits + (hits === 1 ? " statement" : " statements");
    var first = document.querySelector("li[data-match]");
    if (first) first.scrollIntoView({ block: "nearest" });
  });

  // ---------------------------------------------------------------- pan and zoom
  var svg = document.querySelector("svg.diagram"), home = null, view = null;
  function setView(v) { view = v; svg.setAttribute("viewBox", v.join(" ")); }
  function fit() { if (home) setView(home.slice()); }
  // Bring a node into view, centred, unless it is in view already.
  function centre(g) {
    if (!svg) return;
    var box = g.getBBox(), m = g.getCTM(), root = svg.getCTM();
    if (!m || !root) return;
    var t = root.inverse().multiply(m), a = svg.createSVGPoint(), b = svg.createSVGPoint();
    a.x = box.x; a.y = box.y; b.x = box.x + box.width; b.y = box.y + box.height;
    a = a.matrixTransform(t); b = b.matrixTransform(t);
    var inside = Math.min(a.x, b.x) >= view[0] && Math.max(a.x, b.x) <= view[0] + view[2] &&
      Math.min(a.y, b.y) >= view[1] && Math.max(a.y, b.y) <= view[1] + view[3];
    if (inside) return;
    var cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
    setView([cx - view[2] / 2, cy - view[3] / 2, view[2], view[3]]);
  }
  if (svg) {
    home = svg.getAttribute("viewBox").split(/[\s,]+/).map(Number);
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    setView(home.slice());
    var pane = document.getElementById("diagram");
    pane.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var r = svg.getBoundingClientRect(), f = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
      var scale = Math.max(view[2] / r.width, view[3] / r.height);
      var cx = view[0] + (ev.clientX - r.left - (r.width - view[2] / scale) / 2) * scale;
      var cy = view[1] + (ev.clientY - r.top - (r.height - view[3] / scale) / 2) * scale;
      setView([cx - (cx - view[0]) * f, cy - (cy - view[1]) * f, view[2] * f, view[3] * f]);
    }, { passive: false });
    var drag = null;
    pane.addEventListener("pointerdown", function (ev) {
      if (ev.target.closest("[data-id]")) return;
      drag = [ev.clientX, ev.clientY, view.slice()];
    });
    window.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var r = svg.getBoundingClientRect(), scale = Math.max(view[2] / r.width, view[3] / r.height);
      setView([drag[2][0] - (ev.clientX - drag[0]) * scale, drag[2][1] - (ev.clientY - drag[1]) * scale, view[2], view[3]]);
    });
    window.addEventListener("pointerup", function () { drag = null; });
    pane.addEventListener("keydown", function (ev) {
      if (ev.key === "+" || ev.key === "-") {
        var f = ev.key === "+" ? 1 / 1.25 : 1.25, cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2;
        setView([cx - view[2] * f / 2, cy - view[3] * f / 2, view[2] * f, view[3] * f]);
      }
    });
  }
  document.getElementById("fit").addEventListener("click", fit);

  // For tests and tools: the port, callable from outside.
  window.argmap = {
    grounded: function (pos) { return Array.from(nodeLabels(grounded(clampsOf(pos)))).map(function (l) { return NAMES[l]; }); },
    strengths: function (pos) { var v = strengthsOf(pos); return v && E.qbaf.pos.map(function (p) { return fmt4(v[p]); }); },
    fmt4: fmt4,
    setPosition: function (pos) {
      position = pos.slice();
      selects.forEach(function (sel, id) { sel.value = ["open", "accept", "reject"][position[ids.indexOf(id)]]; });
      update();
    },
  };
  update();
  if (!E) document.body.setAttribute("data-ready", "true");
})();
