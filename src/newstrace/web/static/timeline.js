// Timeline histogram with a brush. Bars are SVG elements built through the DOM (no markup
// strings), sized with attributes because the CSP forbids inline styles.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var HEIGHT = 70;

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function addDays(iso, days) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function bucketEnd(start, bucket) {
    if (bucket === "week") { return addDays(start, 6); }
    if (bucket === "month") {
      var d = new Date(start + "T00:00:00Z");
      d.setUTCMonth(d.getUTCMonth() + 1);
      d.setUTCDate(0);
      return d.toISOString().slice(0, 10);
    }
    return start;
  }

  // onBrush(from, to) is called with ISO dates, or (null, null) when the brush is cleared.
  function Timeline(container, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.bins = [];
    this.bucket = "day";
    this.selection = null;
  }

  Timeline.prototype.render = function (data) {
    this.data = data;
    this.bins = data.bins;
    this.bucket = data.bucket;
    var width = Math.max(this.container.clientWidth, 300);
    this.width = width;
    var svg = el("svg", { width: width, height: HEIGHT + 16, role: "img", "class": "tl" });
    var max = 1;
    this.bins.forEach(function (b) { max = Math.max(max, b.count); });
    var step = width / Math.max(this.bins.length, 1);
    this.step = step;
    var self = this;
    this.bins.forEach(function (b, i) {
      var h = Math.max(1, Math.round(b.count / max * HEIGHT));
      var bar = el("rect", { x: i * step + 0.5, y: HEIGHT - h, width: Math.max(step - 1, 1),
        height: h, "class": "bar" });
      var tip = el("title", {});
      tip.textContent = b.start + (self.bucket === "day" ? "" : " (" + self.bucket + ")") +
        ": " + b.count + " events";
      bar.appendChild(tip);
      svg.appendChild(bar);
    });
    if (this.bins.length) {
      var first = el("text", { x: 2, y: HEIGHT + 13, "class": "axis" });
      first.textContent = this.bins[0].start;
      var last = el("text", { x: width - 2, y: HEIGHT + 13, "class": "axis end" });
      last.textContent = this.bins[this.bins.length - 1].start;
      svg.appendChild(first);
      svg.appendChild(last);
    }
    this.brush = el("rect", { x: 0, y: 0, width: 0, height: HEIGHT, "class": "brush" });
    svg.appendChild(this.brush);
    this.container.replaceChildren(svg);
    this.svg = svg;
    this.attach();
    this.drawSelection();
  };

  Timeline.prototype.indexAt = function (clientX) {
    var box = this.svg.getBoundingClientRect();
    var i = Math.floor((clientX - box.left) / this.step);
    return Math.min(Math.max(i, 0), this.bins.length - 1);
  };

  Timeline.prototype.attach = function () {
    var self = this;
    var start = null;
    this.svg.addEventListener("pointerdown", function (ev) {
      if (!self.bins.length) { return; }
      start = self.indexAt(ev.clientX);
      self.svg.setPointerCapture(ev.pointerId);
      self.selection = [start, start];
      self.drawSelection();
    });
    this.svg.addEventListener("pointermove", function (ev) {
      if (start === null) { return; }
      var i = self.indexAt(ev.clientX);
      self.selection = [Math.min(start, i), Math.max(start, i)];
      self.drawSelection();
    });
    this.svg.addEventListener("pointerup", function () {
      if (start === null) { return; }
      start = null;
      var a = self.bins[self.selection[0]], b = self.bins[self.selection[1]];
      self.onBrush(a.start, bucketEnd(b.start, self.bucket));
    });
  };

  Timeline.prototype.drawSelection = function () {
    if (!this.brush) { return; }
    if (!this.selection) { this.brush.setAttribute("width", "0"); return; }
    this.brush.setAttribute("x", String(this.selection[0] * this.step));
    this.brush.setAttribute("width",
      String((this.selection[1] - this.selection[0] + 1) * this.step));
  };

  // Keep the brush where the chosen dates are after the histogram is redrawn.
  Timeline.prototype.select = function (from, to) {
    if (!from && !to) { this.selection = null; this.drawSelection(); return; }
    var lo = 0, hi = this.bins.length - 1;
    for (var i = 0; i < this.bins.length; i++) {
      if (from && this.bins[i].start < from && bucketEnd(this.bins[i].start, this.bucket) < from) {
        lo = i + 1;
      }
      if (to && this.bins[i].start > to) { hi = Math.min(hi, i - 1); }
    }
    this.selection = lo <= hi ? [lo, hi] : null;
    this.drawSelection();
  };

  Timeline.prototype.clear = function () { this.selection = null; this.drawSelection(); };

  // Redraw at the new width when the window is resized (bars are laid out in pixels).
  Timeline.prototype.watchResize = function () {
    var self = this, pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { if (self.data) { self.render(self.data); } }, 150);
    });
  };

  window.NewstraceTimeline = Timeline;
})();
