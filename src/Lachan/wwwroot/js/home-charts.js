// Charts of the home page (Chart.js, vendored in /lib/chartjs). A file of its own, not an inline script: the
// Content-Security-Policy allows scripts from the app only. The data come from <script type="application/json">
// blocks and data-values attributes; every chart also has its table in a <details> next to it.
(function () {
    "use strict";
    if (typeof Chart === "undefined") return;
    var palette = ["#0b6e4f", "#c0392b", "#2e86c1", "#d68910", "#7d3c98", "#17a589", "#566573", "#a04000"];
    var small = window.matchMedia("(max-width: 600px)").matches;

    // vertical dashed lines on the marked days (lockdowns), drawn after the datasets
    var markers = {
        id: "lachanMarkers",
        afterDatasetsDraw: function (chart, args, options) {
            var list = options && options.list;
            if (!list || !list.length) return;
            var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
            ctx.save();
            ctx.strokeStyle = "#6b4b00";
            ctx.fillStyle = "#6b4b00";
            ctx.setLineDash([4, 3]);
            ctx.font = (small ? 10 : 12) + "px sans-serif";
            list.forEach(function (m) {
                if (m.index < 0) return;
                var px = x.getPixelForValue(m.index);
                ctx.beginPath();
                ctx.moveTo(px, area.top);
                ctx.lineTo(px, area.bottom);
                ctx.stroke();
                // on a phone the labels would overlap: the days are listed in words above the chart
                if (small) return;
                // right of its line, or left of it where the label would run past the plot's right edge
                var label = m.label.length > 28 ? m.label.slice(0, 27) + "…" : m.label;
                var width = ctx.measureText(label).width;
                ctx.fillText(label, px + 3 + width <= area.right ? px + 3 : Math.max(area.left, px - 3 - width), area.top + 12);
            });
            ctx.restore();
        }
    };

    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
        var source = document.getElementById(canvas.getAttribute("data-chart"));
        if (!source) return;
        var d = JSON.parse(source.textContent);
        var stacked = d.kind === "stacked";
        var type = d.kind === "line" ? "line" : "bar";
        new Chart(canvas, {
            type: type,
            data: {
                labels: d.labels,
                datasets: d.series.map(function (s, i) {
                    return { label: s.name, data: s.values, backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length], tension: 0.2,
                        cubicInterpolationMode: "monotone" };   // a smoothed line never bulges above or below its points (weekly points are far apart)
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: { stacked: stacked, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: small ? 6 : 14 } },
                    y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }
                },
                plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } }, lachanMarkers: { list: d.markers } }
            },
            plugins: [markers]
        });
    });

    document.querySelectorAll("canvas.sparkline[data-values]").forEach(function (canvas) {
        var values = canvas.getAttribute("data-values").split(",").map(Number);
        new Chart(canvas, {
            type: "line",
            data: { labels: values.map(function (_, i) { return i; }), datasets: [{ data: values, borderColor: "#0b6e4f", borderWidth: 1.5, pointRadius: 0, fill: false, tension: 0.25 }] },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false, events: [],
                scales: { x: { display: false }, y: { display: false, beginAtZero: true } },
                plugins: { legend: { display: false }, tooltip: { enabled: false } }
            }
        });
    });
})();
