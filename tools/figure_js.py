"""The JavaScript the figure test runs in the page, one function per measurement.

Everything here reads what plotly.js drew (the graph div `.js-plotly-plot`, its `_fullLayout`,
`_fullData` and the SVG it produced), so it does not matter how a figure was built: Tablesaw,
a hand-written map or anything else that ends up as a Plotly figure.
"""

# Shared helpers, prepended to every function below.
_HELPERS = r"""
const rect = el => { const r = el.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; };
const shown = r => r.w > 1 && r.h > 1;
const overlap = (a, b) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x))
                        * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
const axisName = id => id.charAt(0) + 'axis' + id.slice(1);
const text = el => (el ? el.textContent : '').replace(/\s+/g, ' ').trim();
// a title as drawn: plotly.js keeps a placeholder ("Click to enter Plot title") for a missing title,
// invisible unless the figure is editable, so only a non-placeholder text that is not transparent counts
const PLACEHOLDER = /^Click to enter .*title$/i;
function titleText(el, layoutTitle) {
    const t = String((layoutTitle && layoutTitle.text) || '').replace(/\s+/g, ' ').trim();
    if (!t || PLACEHOLDER.test(t)) return '';
    if (el && Number(getComputedStyle(el).opacity) === 0) return '';
    return t;
}
// an axis draws nothing at all: no tick labels, line, grid or zero line
const drawsNothing = ax => ax.visible === false
    || (!ax.showticklabels && !ax.showline && !ax.showgrid && !ax.zeroline && !ax.ticks);
function hasGeometry(g) {
    for (const p of g.querySelectorAll('path')) {
        const d = p.getAttribute('d') || '';
        if (d.length > 2 && d !== 'M0,0Z' && /\d/.test(d)) return true;
    }
    return g.querySelector('image, .point, .textpoint text, rect') !== null;
}
// A text's box as drawn, a quadrilateral in page coordinates: its glyph band (the middle 56 % of its line box,
// whose height is the font's ascent and descent: Noto Sans CJK's is 1.45 em, far taller than its digits),
// turned with the text (tick labels at an angle), so two slanted labels side by side do not count as touching.
function drawnBox(el, band) {
    const b = el.getBBox(), m = el.getScreenCTM();
    if (!m || b.width <= 1 || b.height <= 1) return null;
    const y0 = band ? b.y + 0.22 * b.height : b.y, y1 = band ? b.y + 0.78 * b.height : b.y + b.height;
    return [[b.x, y0], [b.x + b.width, y0], [b.x + b.width, y1], [b.x, y1]].map(([x, y]) => {
        const q = new DOMPoint(x, y).matrixTransform(m);
        return [q.x, q.y];
    });
}
// the area two convex polygons share (Sutherland-Hodgman clipping, then the shoelace formula)
function sharedArea(a, b) {
    const area = p => Math.abs(p.reduce((s, q, i) => { const r = p[(i + 1) % p.length];
                                                      return s + q[0] * r[1] - r[0] * q[1]; }, 0)) / 2;
    const orient = area(b) && b.reduce((s, q, i) => { const r = b[(i + 1) % b.length];
                                                      return s + q[0] * r[1] - r[0] * q[1]; }, 0) > 0 ? 1 : -1;
    let out = a;
    for (let i = 0; i < b.length && out.length; i++) {
        const p = b[i], q = b[(i + 1) % b.length];
        const inside = v => orient * ((q[0] - p[0]) * (v[1] - p[1]) - (q[1] - p[1]) * (v[0] - p[0])) >= 0;
        const cut = (u, v) => { const du = (q[0] - p[0]) * (u[1] - p[1]) - (q[1] - p[1]) * (u[0] - p[0]);
                                const dv = (q[0] - p[0]) * (v[1] - p[1]) - (q[1] - p[1]) * (v[0] - p[0]);
                                const t = du / (du - dv); return [u[0] + t * (v[0] - u[0]), u[1] + t * (v[1] - u[1])]; };
        const next = [];
        out.forEach((v, k) => {
            const u = out[(k + out.length - 1) % out.length];
            if (inside(v)) { if (!inside(u)) next.push(cut(u, v)); next.push(v); }
            else if (inside(u)) next.push(cut(u, v));
        });
        out = next;
    }
    return out.length > 2 ? area(out) : 0;
}
// what a text box is, for messages: "x tick '0'", "y title 'loss'", "legend"
function textBoxes(gd) {
    const boxes = [];
    const add = (el, what, owner) => {
        if (!el || Number(getComputedStyle(el).opacity) === 0) return;
        const t = text(el);
        if (!t || PLACEHOLDER.test(t) || !shown(rect(el))) return;
        const poly = drawnBox(el, true);
        if (poly) boxes.push({what: what + " '" + t.slice(0, 24) + "'", owner: owner, poly: poly});
    };
    gd.querySelectorAll('.xaxislayer-above > g, .yaxislayer-above > g').forEach(g => {
        const cls = [...g.classList].find(c => /^[xy]\d*tick$/.test(c));
        if (cls) add(g.querySelector('text'), cls.replace('tick', '') + ' tick', cls);
    });
    gd.querySelectorAll('.infolayer > g').forEach(g => {
        const m = [...g.classList].map(c => /^g-([xy]\d*)title$/.exec(c)).find(Boolean);
        if (m) g.querySelectorAll('text').forEach(t => add(t, m[1] + ' title', 'axis title ' + m[1]));
    });
    gd.querySelectorAll('.g-gtitle text').forEach(t => add(t, 'figure title', 'figure title'));
    gd.querySelectorAll('.colorbar').forEach((cb, i) => {
        cb.querySelectorAll('.cbtitle text').forEach(t => add(t, 'colour-bar title', 'colour-bar title ' + i));
        cb.querySelectorAll('.cbaxis text').forEach(t => add(t, 'colour-bar tick', 'colour-bar ticks ' + i));
    });
    gd.querySelectorAll('.infolayer .annotation').forEach((a, i) => {
        a.querySelectorAll('text').forEach(t => add(t, 'annotation', 'annotation ' + i));
    });
    gd.querySelectorAll('.infolayer .legend').forEach((l, i) => {
        const bg = l.querySelector('rect.bg');
        const poly = bg && shown(rect(bg)) ? drawnBox(bg, false) : null;
        if (poly) boxes.push({what: 'legend', owner: 'legend ' + i, poly: poly});
    });
    return boxes;
}
// pairs of boxes that share more than 1 px² (the legend's own texts are inside its box and not listed)
function overlappingText(boxes) {
    const found = [];
    for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
            const area = sharedArea(boxes[i].poly, boxes[j].poly);
            if (area > 1) found.push({a: boxes[i].what, b: boxes[j].what, px: Math.round(area)});
        }
    return found;
}
function drawnSignature(gd) {
    // what the SVG shows of the data: path shapes and point positions; 3-D scenes: the data itself
    const parts = [];
    gd.querySelectorAll('.cartesianlayer .trace, .heatmaplayer, .contourlayer').forEach(g => {
        g.querySelectorAll('path').forEach(p => parts.push(p.getAttribute('d') || ''));
        g.querySelectorAll('.point, .textpoint').forEach(p => parts.push(p.getAttribute('transform') || ''));
        g.querySelectorAll('image').forEach(p => parts.push((p.getAttribute('href') || '').length));
    });
    const gl = (gd._fullData || []).filter(t => t.visible === true && String(t.xaxis || '').length === 0)
        .map(t => JSON.stringify([t.x, t.y, t.z])).join('|');
    return {svg: parts.join(';'), gl: gl};
}
"""


def _fn(body):
    return "(gd) => {" + _HELPERS + body + "}"


ANALYZE = _fn(r"""
    const fl = gd._fullLayout, fd = gd._fullData || [];
    const sub = fl._subplots || {};
    const out = {title: titleText(gd.querySelector('.gtitle'), fl.title),
                 width: gd.clientWidth, height: gd.clientHeight};
    // --- traces -----------------------------------------------------------------------------
    const visible = fd.filter(t => t.visible === true);
    let drawn2d = 0;
    gd.querySelectorAll('.cartesianlayer .trace, .heatmaplayer .hm, .contourlayer .contour, .pielayer .trace, '
                        + '.barlayer .trace, .imagelayer .im')
      .forEach(g => { if (hasGeometry(g)) drawn2d++; });
    let drawn3d = 0;
    for (const id of (sub.gl3d || [])) {
        const scene = fl[id] && fl[id]._scene;
        if (!scene) continue;
        for (const t of visible) {
            if ((t.scene || 'scene') !== id) continue;
            const data = [t.x, t.y, t.z].filter(a => a && a.length);
            if (data.length && scene.traces && scene.traces[t.uid]) drawn3d++;
        }
    }
    out.traces = {declared: fd.length, visible: visible.length, drawn: drawn2d + drawn3d,
                  types: [...new Set(visible.map(t => t.type))]};
    // --- the smallest text drawn (tick labels, legend, titles, contour labels, annotations) ------------
    out.smallestText = null;
    gd.querySelectorAll('svg text').forEach(t => {
        if (!t.textContent.trim()) return;
        const r = t.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return;
        const px = parseFloat(t.style.fontSize || getComputedStyle(t).fontSize);
        if (out.smallestText === null || px < out.smallestText.px)
            out.smallestText = {px: px, text: t.textContent.trim().slice(0, 30)};
    });
    // --- the series in the legend, with the colours and second encodings plotly.js resolved ----------
    out.series = visible.filter(t => t.showlegend !== false && t.name
                                && ['scatter', 'scattergl', 'bar', 'histogram'].includes(t.type))
        .map(t => {
            const mode = t.mode || '';
            const lines = (t.type === 'scatter' || t.type === 'scattergl') && mode.includes('lines');
            const marker = t.marker || {};
            const colour = lines ? (t.line || {}).color : marker.color;
            return {name: t.name, colour: typeof colour === 'string' ? colour : null,
                    dash: lines ? String((t.line || {}).dash || 'solid') : null,
                    symbol: !lines && typeof marker.symbol === 'string' ? marker.symbol : null,
                    pattern: marker.pattern && typeof marker.pattern.shape === 'string' ? marker.pattern.shape : ''};
        });
    // --- axes ---------------------------------------------------------------------------------
    // rule: every visible 2-D axis and every visible 3-D scene axis needs a title, except that in a
    // grid of panels an axis counts as labelled when a titled axis of the same letter spans the same
    // domain below it (x) or to its left (y), or when it `matches` a titled axis.
    const axes = [];
    for (const id of [...(sub.xaxis || []), ...(sub.yaxis || [])]) {
        const ax = fl[axisName(id)];
        if (!ax) continue;
        const titleEl = gd.querySelector('.g-' + id + 'title');
        const label = titleText(titleEl, ax.title);
        const counter = ax.anchor && ax.anchor !== 'free' ? fl[axisName(ax.anchor)] : null;
        axes.push({id: id, letter: id.charAt(0), label: label, hidden: drawsNothing(ax),
                   domain: ax.domain || [0, 1], pos: counter ? counter.domain[0] : (ax.position || 0),
                   matches: ax.matches || null});
    }
    const unlabelled = [];
    for (const a of axes) {
        if (a.hidden || a.label) continue;
        const covered = axes.some(b => b !== a && b.letter === a.letter && b.label && !b.hidden && (
            b.id === a.matches
            || (Math.abs(b.domain[0] - a.domain[0]) < 0.02 && Math.abs(b.domain[1] - a.domain[1]) < 0.02
                && b.pos < a.pos)));
        if (!covered) unlabelled.push(a.id + ' axis');
    }
    for (const id of (sub.gl3d || [])) {
        // plotly.js titles a 3-D axis with its letter ('x', 'y', 'z') by default: only the figure's own
        // title counts
        const sc = fl[id], given = (gd.layout || {})[id] || {};
        for (const letter of ['x', 'y', 'z']) {
            const ax = sc[letter + 'axis'], own = given[letter + 'axis'] || {};
            if (!ax || drawsNothing(ax)) continue;
            const t = typeof own.title === 'string' ? {text: own.title} : own.title;
            if (!titleText(null, t)) unlabelled.push(id + ' ' + letter + ' axis');
        }
    }
    out.axes = axes.length + 3 * (sub.gl3d || []).length;
    out.unlabelled = unlabelled;
    // --- legend, colour bars and animation controls -------------------------------------------------
    const legends = [...gd.querySelectorAll('.legend')].map(l => l.querySelector('rect.bg') || l)
        .map(rect).filter(shown);
    const controls = [];
    gd.querySelectorAll('.updatemenu-container .updatemenu-button, .updatemenu-container .updatemenu-header')
      .forEach(b => { const r = rect(b); if (shown(r)) controls.push({kind: 'button', what: 'button "' + text(b) + '"', r: r}); });
    gd.querySelectorAll('.slider-container').forEach(s => {
        s.querySelectorAll('.slider-rail-rect, .slider-grip-rect, .slider-label, .slider-tick-rect').forEach(part => {
            const r = rect(part);
            if (shown(r)) controls.push({kind: 'slider', r: r, what: part.classList.contains('slider-label')
                ? 'slider label "' + text(part) + '"' : 'slider'});
        });
    });
    out.legendControl = [];
    legends.forEach(l => controls.forEach(c => {
        if (overlap(l, c.r) > 1) out.legendControl.push(c.kind === 'slider' ? 'slider' : c.what);
    }));
    out.legendControl = [...new Set(out.legendControl)];
    out.controlControl = [];
    controls.forEach((a, i) => controls.forEach((b, j) => {
        if (j > i && (a.kind !== b.kind || a.kind === 'button') && a.what !== b.what && overlap(a.r, b.r) > 1)
            out.controlControl.push(a.what + ' / ' + b.what);
    }));
    out.controlControl = [...new Set(out.controlControl)];
    const colorbars = [...gd.querySelectorAll('.colorbar')].map(rect).filter(shown);
    // a colour bar says what its colours measure
    out.untitledBars = [...gd.querySelectorAll('.colorbar')].filter(cb => shown(rect(cb))
        && ![...cb.querySelectorAll('.cbtitle text')].some(t => text(t) && Number(getComputedStyle(t).opacity) !== 0)).length;
    out.legendColorbar = legends.some(l => colorbars.some(c => overlap(l, c) > 1));
    out.hasLegend = legends.length > 0;
    out.hasControls = controls.length > 0;
    // --- text labels drawn on the data (mode 'text'): pairs that overlap by over 20 % of the smaller
    const labels = [...gd.querySelectorAll('.textpoint text')].map(rect).filter(shown);
    let pairs = 0;
    for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
            if (overlap(labels[i], labels[j]) > 0.2 * Math.min(labels[i].w * labels[i].h, labels[j].w * labels[j].h))
                pairs++;
    out.textLabels = labels.length;
    out.textOverlaps = pairs;
    // --- text boxes that overlap each other: tick labels, axis and figure titles, colour-bar titles and ticks,
    // annotations, the legend. Each text's box is its glyph band (the middle of the line box: a font's line box
    // is far taller than its digits, Noto Sans CJK's 1.45 em), a legend is its background box.
    out.textBoxes = textBoxes(gd).length;
    out.overlaps = overlappingText(textBoxes(gd));
    // --- animation ----------------------------------------------------------------------------------
    const frames = (gd._transitionData && gd._transitionData._frames) || [];
    out.frames = frames.length;
    out.play = null;
    out.pause = null;
    (fl.updatemenus || []).forEach(m => (m.buttons || []).forEach(b => {
        if (b.method !== 'animate') return;
        const label = String(b.label || '');
        const isPause = Array.isArray(b.args && b.args[0]) && b.args[0].length === 1 && b.args[0][0] === null
                        && !/play|▶/i.test(label);
        if (/pause|stop|⏸|❚❚/i.test(label)) { out.pause = label; return; }
        if (!out.play && (/play|▶/i.test(label) || !isPause)) out.play = label;
    }));
    return out;
""")

SIGNATURE = _fn(r"""
    const s = drawnSignature(gd);
    return {svg: s.svg, gl: s.gl,
            slider: ((gd._fullLayout.sliders || [])).map(x => x.active).join(','),
            frame: String((gd._fullLayout._currentFrame) || '')};
""")

# Finds the updatemenu button with the given label (d3 binds the button's options as __data__)
FIND_BUTTON = r"""(gd, label) => {
    for (const b of gd.querySelectorAll('.updatemenu-button')) {
        const d = b.__data__;
        if (d && String(d.label || '') === label) return b;
    }
    return null;
}"""

CLICK = r"""(el) => {
    // plotly.js listens with d3 for 'click' on the button group
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
}"""

READY = r"""(gd) => !!(gd._fullLayout && gd._fullLayout._subplots && gd.querySelector('svg.main-svg'))"""

# Counts distinct colours on a 4-px grid of a PNG (data URL): a blank or single-colour picture has ~1.
COLOURS = r"""async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth; c.height = img.naturalHeight;
    const g = c.getContext('2d', {willReadFrequently: true});
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let y = 0; y < c.height; y += 4)
        for (let x = 0; x < c.width; x += 4) {
            const i = 4 * (y * c.width + x);
            seen.add((d[i] >> 3) << 10 | (d[i + 1] >> 3) << 5 | (d[i + 2] >> 3));
        }
    return {colours: seen.size, width: c.width, height: c.height};
}"""

# Tofu check: draws each string alone on a canvas in the given font; tofu (no glyph in any installed
# font) draws every character as the same box, so distinct characters give identical pictures.
GLYPHS = r"""([font, chars]) => {
    const pics = chars.map(ch => {
        const c = document.createElement('canvas');
        c.width = 64; c.height = 64;
        const g = c.getContext('2d', {willReadFrequently: true});
        g.fillStyle = '#fff'; g.fillRect(0, 0, 64, 64);
        g.fillStyle = '#000'; g.font = '40px ' + font; g.textBaseline = 'middle';
        g.fillText(ch, 8, 32);
        const d = g.getImageData(0, 0, 64, 64).data;
        let s = 0, ink = 0;
        for (let i = 0; i < d.length; i += 4) { s = (s * 31 + d[i]) % 1000000007; if (d[i] < 128) ink++; }
        return {hash: s, ink: ink};
    });
    return {distinct: new Set(pics.map(p => p.hash)).size, ink: pics.map(p => p.ink)};
}"""
