// ApexCharts wrapped as a plain custom element (no shadow root: ApexCharts injects its own global styles).
// The server sets the whole options object as one JSON string property `options`; later sets call
// updateOptions() on the live chart instead of re-creating it. The chart follows Lumo dark/light on its own.
import ApexCharts from 'apexcharts';

const isDark = (el) => !!el.closest('[theme~="dark"]');

class GradlabApexChart extends HTMLElement {
  constructor() {
    super();
    this._options = '{}';
    this._chart = null;
  }

  set options(value) {
    this._options = value || '{}';
    this._update();
  }

  get options() {
    return this._options;
  }

  connectedCallback() {
    // Without display:block, an inner div and one frame of layout, ApexCharts measures 0x0 or overflows.
    this.style.display = 'block';
    if (!this._div) {
      this._div = document.createElement('div');
      this._div.style.height = '100%';
      this.appendChild(this._div);
    }
    this._themeObserver = new MutationObserver(() => this._update());
    for (const el of [document.documentElement, document.body]) {
      this._themeObserver.observe(el, { attributes: true, attributeFilter: ['theme'] });
    }
    this._frame = requestAnimationFrame(() => {
      this._frame = null;
      if (this.isConnected && !this._chart) {
        this._chart = new ApexCharts(this._div, this._build());
        this._chart.render();
      }
    });
  }

  disconnectedCallback() {
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = null;
    if (this._themeObserver) this._themeObserver.disconnect();
    if (this._chart) this._chart.destroy();
    this._chart = null;
  }

  _update() {
    if (this._chart) this._chart.updateOptions(this._build(), false, false);
  }

  _build() {
    const o = JSON.parse(this._options);
    const dark = isDark(this);
    const css = getComputedStyle(this);
    const text = css.getPropertyValue('--lumo-secondary-text-color').trim() || (dark ? '#ccc' : '#555');
    o.theme = Object.assign({}, o.theme, { mode: dark ? 'dark' : 'light' });
    o.chart = Object.assign({}, o.chart, { background: 'transparent', foreColor: text });
    o.grid = Object.assign({ borderColor: dark ? '#ffffff22' : '#00000018' }, o.grid);
    // Numbers on axes and in tooltips follow the page language (set by the server on <html lang>).
    const nf = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 4 });
    const fmt = (v) => (v === null || v === undefined || Number.isNaN(v) ? '' : nf.format(v));
    o.yaxis = Object.assign({}, o.yaxis);
    o.yaxis.labels = Object.assign({}, o.yaxis.labels, { formatter: fmt });
    o.xaxis = Object.assign({}, o.xaxis);
    o.xaxis.labels = Object.assign({}, o.xaxis.labels, { formatter: fmt });
    o.tooltip = Object.assign({}, o.tooltip, { theme: dark ? 'dark' : 'light', y: { formatter: fmt }, x: { formatter: fmt } });
    return o;
  }
}

if (!customElements.get('gradlab-apex-chart')) {
  customElements.define('gradlab-apex-chart', GradlabApexChart);
}
