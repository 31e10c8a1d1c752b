// The explorer: filter form ⇄ map ⇄ timeline ⇄ event list, all read from the JSON API.
// Scraped text only ever reaches the page through textContent, never as markup.
(function () {
  "use strict";
  var TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments"];
  var form = document.getElementById("filters");
  var countEl = document.getElementById("count");
  var mapEl = document.getElementById("map");
  var listBody = document.querySelector("#event-list tbody");
  var moreBtn = document.getElementById("more");
  var clearBrush = document.getElementById("clear-brush");
  var inView = document.getElementById("inview");
  var PAGE = 50;
  var shown = 0;
  // Each loader numbers its requests; a late answer never overwrites a newer one.
  var gens = { map: 0, list: 0, timeline: 0 };
  function next(kind) { gens[kind] += 1; return gens[kind]; }

  function typeClass(t) { var i = TYPES.indexOf(t); return "t" + (i < 0 ? 6 : i); }

  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined && text !== null) { n.textContent = String(text); }
    return n;
  }

  // The filter as URL parameters; blank fields are left out. `dates` false drops the date
  // range (the timeline always shows every date so the brush can widen again).
  function params(dates) {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value === "" || key === "inview") { return; }
      if (!dates && (key === "date_from" || key === "date_to")) { return; }
      p.append(key, value);
    });
    return p;
  }

  function getJSON(path, p) {
    return fetch(path + "?" + p.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
  }

  // -- map: an offline base map (country polygons) under the event markers -------------------
  var map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([34, 40], 5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth (world-atlas)");
  fetch(mapEl.dataset.atlas).then(function (r) { return r.json(); }).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, { interactive: false, style: function () {
      return { color: "#8a96a3", weight: 0.8, fillColor: "#eef0f2", fillOpacity: 1 };
    } }).addTo(map).bringToBack();
  });
  var cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false,
    maxClusterRadius: 40 });
  var coarse = L.layerGroup();
  map.addLayer(cluster);
  map.addLayer(coarse);

  function marker(p) {
    var icon = L.divIcon({ className: "mk " + typeClass(p.type) + " g-" + p.grade,
      iconSize: [14, 14] });
    var m = L.marker([p.lat, p.lon], { icon: icon,
      title: (p.date || "undated") + " · " + p.sub + " · " + p.grade.replace("_", " ") });
    m.on("click", function () { window.location.href = "/events/" + encodeURIComponent(p.id); });
    return m;
  }

  // Server-side grid clusters (only when the view holds thousands of events).
  function coarseMarker(c) {
    var size = 22 + 7 * String(c.count).length;  // room for the digits: 29 px for 5, 57 for 50000
    var icon = L.divIcon({ className: "srv-cluster " + typeClass(c.type), iconSize: [size, size],
      html: String(Number(c.count)) });
    var m = L.marker([c.lat, c.lon], { icon: icon, title: c.count + " events" });
    m.on("click", function () { map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 14)); });
    return m;
  }

  function bboxString() {
    var b = map.getBounds();
    function clamp(v, lim) { return Math.max(-lim, Math.min(lim, v)); }
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90)].map(function (v) { return v.toFixed(4); }).join(",");
  }

  function loadMap() {
    var gen = next("map");
    var p = params(true);
    p.set("zoom", String(map.getZoom()));
    p.set("view", bboxString());
    return getJSON("/api/map", p).then(function (data) {
      if (gen !== gens.map) { return; }
      cluster.clearLayers();
      coarse.clearLayers();
      cluster.addLayers(data.points.map(marker));
      data.clusters.forEach(function (c) { coarse.addLayer(coarseMarker(c)); });
      mapEl.dataset.points = String(data.points.length);
      mapEl.dataset.total = String(data.total);
      document.getElementById("unmapped").textContent = data.unmapped ?
        data.unmapped + " matching events have no coordinates and are listed but not mapped." : "";
    });
  }

  // -- timeline --------------------------------------------------------------------------------
  var timeline = new window.NewstraceTimeline(document.getElementById("timeline"),
    function (from, to) {
      form.elements.date_from.value = from;
      form.elements.date_to.value = to;
      clearBrush.hidden = false;
      refresh(false);
    });
  timeline.watchResize();
  clearBrush.addEventListener("click", function () {
    form.elements.date_from.value = "";
    form.elements.date_to.value = "";
    timeline.clear();
    clearBrush.hidden = true;
    refresh(false);
  });

  function loadTimeline() {
    var gen = next("timeline");
    return getJSON("/api/timeline", params(false)).then(function (data) {
      if (gen !== gens.timeline) { return; }
      timeline.render(data);
      timeline.select(form.elements.date_from.value, form.elements.date_to.value);
    });
  }

  // -- list ------------------------------------------------------------------------------------
  function row(e) {
    var tr = node("tr");
    tr.appendChild(node("td", "nowrap", e.event_date || "undated"));
    var type = node("td");
    type.appendChild(node("span", "swatch " + typeClass(e.event_type)));
    type.appendChild(document.createTextNode(e.sub_event_type));
    tr.appendChild(type);
    var where = [e.location, e.admin1, e.country].filter(function (v, i, all) {
      return v && all.indexOf(v) === i;  // "Iraq, Iraq" when the event is placed at country level
    });
    tr.appendChild(node("td", null, where.join(", ") || "—"));
    tr.appendChild(node("td", null, [e.actor1, e.actor2].filter(Boolean).join(" vs ") || "—"));
    tr.appendChild(node("td", "num", e.fatalities === null ? "—" : e.fatalities));
    var grade = node("td");
    grade.appendChild(node("span", "gradetag g-" + e.corroboration.grade,
      e.corroboration.grade.replace("_", " ")));
    tr.appendChild(grade);
    var notes = node("td");
    var a = node("a", null, e.notes || "(no summary)");
    a.href = "/events/" + encodeURIComponent(e.event_id);
    notes.appendChild(a);
    tr.appendChild(notes);
    return tr;
  }

  function listParams() {
    var p = params(true);
    if (inView.checked) { p.set("bbox", bboxString()); }
    return p;
  }

  function loadList(append) {
    var gen = append ? gens.list : next("list");
    var p = listParams();
    p.set("limit", String(PAGE));
    p.set("offset", String(append ? shown : 0));
    p.set("with_total", append ? "false" : "true");
    return getJSON("/api/events", p).then(function (data) {
      if (gen !== gens.list) { return; }
      if (!append) {
        listBody.replaceChildren();
        shown = 0;
        countEl.textContent = data.total + (data.total === 1 ? " event" : " events");
        countEl.dataset.total = String(data.total);
      }
      data.events.forEach(function (e) { listBody.appendChild(row(e)); });
      shown += data.events.length;
      moreBtn.hidden = data.events.length < PAGE;
    });
  }
  moreBtn.addEventListener("click", function () { loadList(true); });

  // -- wiring ----------------------------------------------------------------------------------
  // Downloads and the address bar always carry the current filter, so a view can be shared.
  function updateLinks() {
    var p = listParams();
    document.getElementById("csv").href = "/api/events.csv?" + p.toString();
    document.getElementById("geojson").href = "/api/events.geojson?" + p.toString();
    var here = params(true).toString();
    window.history.replaceState(null, "", here ? "?" + here : "/");
  }

  function refresh(withTimeline) {
    document.body.dataset.loading = "1";
    updateLinks();
    var jobs = [loadMap(), loadList(false)];
    if (withTimeline) { jobs.push(loadTimeline()); }
    Promise.all(jobs).then(function () {
      document.body.dataset.loading = "0";
    }, function () { countEl.textContent = "could not load events"; });
  }

  var pending = null;
  function soon(withTimeline) {
    clearTimeout(pending);
    pending = setTimeout(function () { refresh(withTimeline); }, 250);
  }
  form.addEventListener("change", function (ev) {
    var dateField = ev.target.name === "date_from" || ev.target.name === "date_to";
    if (dateField) {
      clearBrush.hidden = !(form.elements.date_from.value || form.elements.date_to.value);
      timeline.select(form.elements.date_from.value, form.elements.date_to.value);
    }
    if (ev.target.type !== "text") { soon(!dateField); }
  });
  form.addEventListener("input", function (ev) {
    if (ev.target.type === "text") { soon(true); }
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); refresh(true); });
  form.addEventListener("reset", function () {
    setTimeout(function () { timeline.clear(); clearBrush.hidden = true; refresh(true); }, 0);
  });
  map.on("moveend", function () {
    // Only the map (and an "in view" list) depend on the view; the timeline does not.
    updateLinks();
    loadMap();
    if (inView.checked) { loadList(false); }
  });
  clearBrush.hidden = !(form.elements.date_from.value || form.elements.date_to.value);
  refresh(true);
})();
