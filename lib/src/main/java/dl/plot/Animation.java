package dl.plot;

import org.unbescape.html.HtmlEscape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The play/pause buttons and the slider that Plotly needs to animate a figure's frames, and the keyboard controls
 * beside them ({@link #controlsHtml}): Plotly draws its own buttons and slider inside its SVG, where the Tab key
 * never reaches them (WCAG 2.1.1).
 */
final class Animation {
    private Animation() {
    }

    /** The ▶ Play arguments: play every frame from the current one, redrawing each, at frameMillis per frame. */
    static List<Object> playArgs(int frameMillis) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("frame", Map.of("duration", frameMillis, "redraw", true));
        options.put("fromcurrent", true);
        options.put("transition", Map.of("duration", 0));
        options.put("mode", "immediate");
        List<Object> args = new ArrayList<>();
        args.add(null);                    // null = all frames, in order
        args.add(options);
        return args;
    }

    /** The ❚❚ Pause arguments: Plotly's idiom, an array holding null, with a zero-length frame. */
    static List<Object> pauseArgs() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("frame", Map.of("duration", 0, "redraw", false));
        options.put("transition", Map.of("duration", 0));
        options.put("mode", "immediate");
        List<Object> nullFrame = new ArrayList<>();
        nullFrame.add(null);
        return List.of(nullFrame, options);
    }

    static void addControls(Map<String, Object> layout, List<Map<String, Object>> frames) {
        addControls(layout, frames, 500, "");
    }

    /**
     * Adds the buttons and the slider below the plot: buttons on the left, the slider to their
     * right, the slider's current-value label at the slider's right end (clear of the buttons).
     */
    static void addControls(Map<String, Object> layout, List<Map<String, Object>> frames, int frameMillis,
                            String prefix) {
        Map<String, Object> menu = new LinkedHashMap<>();
        menu.put("type", "buttons");
        menu.put("showactive", false);
        menu.put("direction", "left");
        menu.put("x", 0.0);
        menu.put("xanchor", "left");
        menu.put("y", 0.0);
        menu.put("yanchor", "top");
        menu.put("pad", Map.of("t", 60, "r", 10));
        menu.put("buttons", List.of(
                Map.of("label", "▶ Play", "method", "animate", "args", playArgs(frameMillis)),
                Map.of("label", "❚❚ Pause", "method", "animate", "args", pauseArgs())));

        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> frame : frames) {
            Object name = frame.get("name");
            steps.add(Map.of("label", name, "method", "animate",
                    "args", List.of(List.of(name), Map.of("mode", "immediate",
                            "frame", Map.of("duration", 0, "redraw", true), "transition", Map.of("duration", 0)))));
        }
        Map<String, Object> slider = new LinkedHashMap<>();
        slider.put("active", 0);
        slider.put("x", 0.36);
        slider.put("len", 0.64);
        slider.put("xanchor", "left");
        slider.put("y", 0.0);
        slider.put("yanchor", "top");
        slider.put("pad", Map.of("t", 50, "b", 10));
        slider.put("currentvalue", Map.of("prefix", prefix, "xanchor", "right", "visible", true,
                "font", Map.of("size", 15)));
        slider.put("steps", steps);

        layout.put("updatemenus", List.of(menu));
        layout.put("sliders", List.of(slider));
        Map<String, Object> margin = Json.section(layout, "margin");
        Object b = margin.get("b");
        if (!(b instanceof Number n) || n.intValue() < 150) {
            margin.put("b", 150);
        }
    }

    /** The frame names of a Plotly figure {data, layout, frames?}, in order; empty if it is not animated. */
    static List<String> frameNames(Map<String, Object> plotly) {
        List<String> names = new ArrayList<>();
        if (plotly.get("frames") instanceof List<?> frames) {
            for (Object f : frames) {
                if (f instanceof Map<?, ?> m && m.get("name") != null) {
                    names.add(String.valueOf(m.get("name")));
                }
            }
        }
        return names;
    }

    /** The milliseconds per frame of the figure's ▶ Play button ({@link #addControls}), 500 if it has none. */
    static int frameMillis(Map<String, Object> plotly) {
        if (plotly.get("layout") instanceof Map<?, ?> layout && layout.get("updatemenus") instanceof List<?> menus
                && !menus.isEmpty() && menus.get(0) instanceof Map<?, ?> menu && menu.get("buttons") instanceof List<?> b
                && !b.isEmpty() && b.get(0) instanceof Map<?, ?> play && play.get("args") instanceof List<?> args
                && args.size() > 1 && args.get(1) instanceof Map<?, ?> options
                && options.get("frame") instanceof Map<?, ?> frame && frame.get("duration") instanceof Number n) {
            return n.intValue();
        }
        return 500;
    }

    /** The slider's label prefix ({@link #addControls}), "" if it has none. */
    static String sliderPrefix(Map<String, Object> plotly) {
        if (plotly.get("layout") instanceof Map<?, ?> layout && layout.get("sliders") instanceof List<?> sliders
                && !sliders.isEmpty() && sliders.get(0) instanceof Map<?, ?> slider
                && slider.get("currentvalue") instanceof Map<?, ?> current && current.get("prefix") instanceof String p) {
            return p;
        }
        return "";
    }

    /**
     * The controls' look: a focus ring of 3 px that the keyboard's focus always shows, text at 4.5 : 1 or more
     * and edges at 3 : 1 or more on the page's white; larger type on a slide.
     */
    static final String CONTROLS_CSS = """
            .dl-anim{display:flex;flex-wrap:wrap;align-items:center;gap:8px 14px;margin:6px 0;\
            font:16px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f1f1f}\
            .dl-anim button{font:inherit;min-width:8.5em;padding:4px 14px;color:#1f1f1f;background:#f2f2f2;\
            border:1px solid #595959;border-radius:4px;cursor:pointer}\
            .dl-anim button:hover{background:#e2e2e2}\
            .dl-anim button:disabled{cursor:default}\
            .dl-anim input[type=range]{flex:1 1 240px;max-width:520px;margin:0;accent-color:#1f5f99}\
            .dl-anim output{min-width:11em;font-variant-numeric:tabular-nums}\
            .dl-anim button:focus-visible,.dl-anim input:focus-visible{outline:3px solid #1f5f99;outline-offset:2px}\
            .reveal .dl-anim{font-size:22px}""";

    /**
     * The keyboard controls of an animated figure, for an output of their own just before the figure's: a script
     * that builds a ▶ Play / ❚❚ Pause {@code <button>} and a labelled {@code <input type="range">} over the
     * frames (the arrow keys, Home and End step through them; a screen reader reads the frame's name), and drives
     * the Plotly figure with Plotly.animate. The figure is the next Plotly plot in the same cell's output area
     * (JupyterLab draws it from the Plotly JSON, the HTML export and the site from the snippet) or, on a page
     * without output areas ({@link Plots#page}), the element {@code figureId}. Plotly's own buttons and slider
     * keep working, and the range follows them. With {@code prefers-reduced-motion: reduce} (read again when
     * it changes) nothing plays by itself: the button reads "Next step" and shows the next frame without a
     * transition, and Plotly's own ▶ Play is hidden. Without scripts (an untrusted notebook in JupyterLab) nothing is built, so no dead
     * controls show; the figure's own controls remain.
     *
     * @param plotly   the styled figure {data, layout, frames}
     * @param figureId the id of the figure's element in its HTML snippet
     * @param name     the figure's accessible name ({@link Plots#accessibleName}): the controls are named after it
     * @return the HTML, or null if the figure has no frames
     */
    static String controlsHtml(Map<String, Object> plotly, String figureId, String name) {
        List<String> names = frameNames(plotly);
        if (names.isEmpty()) {
            return null;
        }
        String id = figureId + "-controls";
        String title = name.replaceFirst("^Figure: ?", "").replaceFirst("\\. (Horizontal|Vertical) axis:.*$", "")
                .replaceFirst("\\. Series:.*$", "").replaceFirst("\\.$", "");
        return "<div id=\"" + id + "\" class=\"dl-anim\" role=\"group\" data-lm-suppress-shortcuts=\"true\" aria-label=\""
                + HtmlEscape.escapeHtml4Xml("Animation controls: " + (title.isEmpty() ? "figure" : title)) + "\"></div>\n"
                + "<script type=\"text/javascript\">(function () {\n"
                + "  var root = document.getElementById(" + js(id) + ");\n"
                + "  if (!root || root.childNodes.length) { return; }\n"
                + "  var names = " + js(names) + ", prefix = " + js(sliderPrefix(plotly))
                + ", ms = " + frameMillis(plotly) + ", figureId = " + js(figureId) + ";\n"
                + "  var css = " + js(CONTROLS_CSS) + ";\n"
                + CONTROLS_JS
                + "})();</script>";
    }

    /** A value as a JavaScript literal that is safe inside a script element. */
    private static String js(Object value) {
        return Json.write(value).replace("</", "<\\/");
    }

    /** The body of the controls' script ({@link #controlsHtml} defines root, names, prefix, ms, figureId, css). */
    private static final String CONTROLS_JS = """
              var motion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
              var reduce = !!(motion && motion.matches);
              if (!document.getElementById('dl-anim-style')) {
                var style = document.createElement('style');
                style.id = 'dl-anim-style'; style.textContent = css; document.head.appendChild(style);
              }
              var button = document.createElement('button'), label = document.createElement('label');
              var range = document.createElement('input'), out = document.createElement('output');
              button.type = 'button'; button.className = 'dl-anim-play';
              range.type = 'range'; range.min = 0; range.max = names.length - 1; range.step = 1; range.value = 0;
              range.id = root.id + '-range'; label.htmlFor = range.id;
              label.textContent = prefix.replace(/[\\s:=]+$/, '') || 'Frame';
              out.htmlFor = range.id; out.className = 'dl-anim-frame';
              [button, label, range, out].forEach(function (e) { root.appendChild(e); });
              var gd = null, index = 0, playing = false, runs = 0;
              function text(i) { return prefix + names[i] + ' (' + (i + 1) + ' of ' + names.length + ')'; }
              function face(sign, words) {
                button.textContent = '';
                var s = document.createElement('span'); s.setAttribute('aria-hidden', 'true'); s.textContent = sign + ' ';
                button.appendChild(s); button.appendChild(document.createTextNode(words));
              }
              function setPlaying(on) {
                playing = on;
                if (reduce) { face('\\u25B6', 'Next step'); } else if (on) { face('\\u275A\\u275A', 'Pause'); } else { face('\\u25B6', 'Play'); }
              }
              function sync(i) { index = i; range.value = i; range.setAttribute('aria-valuetext', text(i)); out.textContent = text(i); }
              function still(i) {   // one frame, at once, no transition; stops a running Play
                runs++; setPlaying(false); sync(i);
                return window.Plotly.animate(gd, [names[i]], {mode: 'immediate', frame: {duration: 0, redraw: true},
                  transition: {duration: 0}});
              }
              setPlaying(false); sync(0); button.disabled = true; range.disabled = true;
              button.addEventListener('click', function () {
                if (!gd) { return; }
                if (reduce) { still((index + 1) % names.length); return; }
                if (playing) {
                  runs++; setPlaying(false);
                  window.Plotly.animate(gd, [null], {mode: 'immediate', frame: {duration: 0, redraw: false}, transition: {duration: 0}});
                  return;
                }
                var run = ++runs, end = function () { if (run === runs) { setPlaying(false); } };
                setPlaying(true);
                window.Plotly.animate(gd, names.slice(index >= names.length - 1 ? 0 : index + 1),
                  {mode: 'immediate', frame: {duration: ms, redraw: true}, transition: {duration: 0}}).then(end, end);
              });
              range.addEventListener('input', function () { if (gd) { still(Number(range.value)); } });
              // the keys stay with the controls: not the deck's (Space: next slide) nor JupyterLab's (Enter: edit the cell)
              root.addEventListener('keydown', function (e) { e.stopPropagation(); });
              function plot() {
                var child = root.closest('.jp-OutputArea-child'), found = null;
                for (var s = child && child.nextElementSibling; s && !found; s = s.nextElementSibling) {
                  found = s.querySelector('.js-plotly-plot');
                }
                if (!child) { found = document.getElementById(figureId); }
                var frames = found && found._transitionData && found._transitionData._frames;
                return window.Plotly && found && found._fullLayout && frames && frames.length ? found : null;
              }
              function wire(el) {
                gd = el; gd.dlControls = root; button.disabled = false; range.disabled = false;
                gd.on('plotly_animatingframe', function (e) { var i = names.indexOf(String(e.name)); if (i >= 0) { sync(i); } });
                if (reduce) { window.Plotly.relayout(gd, {'updatemenus[0].visible': false}); }
              }
              // the setting may change while the page is open: a running Play stops, Plotly's own Play follows
              if (motion && motion.addEventListener) {
                motion.addEventListener('change', function (e) {
                  reduce = e.matches;
                  if (!gd) { setPlaying(false); return; }
                  if (playing) { still(index); } else { setPlaying(false); }
                  window.Plotly.relayout(gd, {'updatemenus[0].visible': !reduce});
                });
              }
              var tries = 0;
              (function find() { var el = plot(); if (el) { wire(el); } else if (++tries < 600) { setTimeout(find, 100); } })();
            """;
}
