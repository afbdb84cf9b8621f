// KaTeX as a plain custom element: renders its `tex` attribute, inline or (with `display-mode`) as a block.
// KaTeX emits MathML next to the visual HTML, so screen readers read the formula.
import katex from 'katex';
import 'katex/dist/katex.min.css';

class GradlabFormula extends HTMLElement {
  static get observedAttributes() {
    return ['tex', 'display-mode'];
  }

  connectedCallback() {
    this._render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this._render();
  }

  _render() {
    const displayMode = this.hasAttribute('display-mode');
    katex.render(this.getAttribute('tex') || '', this, { throwOnError: false, displayMode });
  }
}

if (!customElements.get('gradlab-formula')) {
  customElements.define('gradlab-formula', GradlabFormula);
}
