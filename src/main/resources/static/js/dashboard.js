// Draws the dashboard's charts with ECharts from the data the page carries in data-values (no inline script: the
// pages' content security policy allows scripts from the platform only). Charts follow the width of a phone.
(function () {
    function draw(element) {
        var values = JSON.parse(element.dataset.values);
        var chart = echarts.init(element, element.dataset.theme === 'dark' ? 'dark' : null, {renderer: 'svg'});
        var line = element.dataset.chart === 'line';
        chart.setOption({
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: 8, right: 8, bottom: 8, top: 32, containLabel: true},
            xAxis: {type: 'category', data: values.labels, axisLabel: {interval: 0, rotate: values.labels.length > 6 ? 40 : 0}},
            yAxis: {type: 'value'},
            series: values.series.map(function (series) {
                return {name: series.name, type: line ? 'line' : 'bar', smooth: line, data: series.data.map(Number)};
            })
        });
        window.addEventListener('resize', function () { chart.resize(); });
        element.dataset.drawn = 'true';
    }
    function drawAll() {
        document.querySelectorAll('[data-chart]').forEach(draw);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
})();
