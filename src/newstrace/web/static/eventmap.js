// The event page's small locator map: the same offline base map, one marker, no interaction
// beyond zoom. Coordinates come from data- attributes (the CSP forbids inline scripts).
(function () {
  "use strict";
  var el = document.getElementById("event-map");
  if (!el) { return; }
  var lat = Number(el.dataset.lat), lon = Number(el.dataset.lon);
  var map = L.map(el, { zoomControl: true, attributionControl: false, scrollWheelZoom: false })
    .setView([lat, lon], Number(el.dataset.zoom || 6));
  fetch(el.dataset.atlas).then(function (r) { return r.json(); }).then(function (topo) {
    L.geoJSON(topojson.feature(topo, topo.objects.countries), { interactive: false,
      style: function () {
        return { color: "#8a96a3", weight: 0.8, fillColor: "#eef0f2", fillOpacity: 1 };
      } }).addTo(map).bringToBack();
  });
  var icon = L.divIcon({ className: "mk " + el.dataset.type + " g-" + el.dataset.grade,
    iconSize: [16, 16] });
  L.marker([lat, lon], { icon: icon, interactive: false }).addTo(map);
})();
