package dl.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A drawing of the computational graph (계산 그래프) behind a {@link Value}, left to right like DLFS's
 * figures: one box per node (its operation or name, its forward value in black and, after a backward pass,
 * its gradient ∂output/∂node in red), one arrow per input of an operation, labelled in blue with the local
 * gradient (국소 기울기) ∂node/∂input. The drawing is an SVG string; {@link #show()} displays it in a notebook
 * ({@code image/svg+xml}, which JupyterLab, the HTML export and the course site draw offline). All text is at
 * least 16 px, and the drawing is drawn at its natural size (it does not shrink small graphs).
 */
public final class GraphSvg {
    private static final int FONT = 16;
    private static final double CHAR = 0.61 * FONT;  // DejaVu Sans Mono's advance, the node text's font
    private static final int LINE = 22;
    private static final int PAD = 10;
    private static final int GAP = 96;
    private static final int ROW_GAP = 34;
    private static final int MARGIN = 16;

    private final Value output;
    private final String title;
    private final List<Value> nodes;
    private final Map<Value, Integer> layer = new IdentityHashMap<>();
    private final Map<Value, double[]> box = new IdentityHashMap<>();  // x, y, w, h
    private int width;
    private int height;
    private int edges;
    private final String svg;

    private GraphSvg(Value output, String title) {
        this.output = output;
        this.title = title;
        this.nodes = output.topologicalOrder();
        layout();
        this.svg = draw();
    }

    /** The graph that computed {@code output}. */
    public static GraphSvg of(Value output) {
        return of(output, "Computational graph (계산 그래프)");
    }

    /** The graph that computed {@code output}, with a title. */
    public static GraphSvg of(Value output, String title) {
        return new GraphSvg(Objects.requireNonNull(output, "output"), Objects.requireNonNull(title, "title"));
    }

    private List<String> lines(Value v) {
        String head = v.isLeaf() ? (v.label().isEmpty() ? "input" : v.label())
                : v.op() + (v.label().isEmpty() ? "" : "  " + v.label());
        List<String> l = new ArrayList<>();
        l.add(head);
        l.add("value " + Value.fmt(v.value()));
        l.add("grad " + (v.hasGrad() ? Value.fmt(v.grad()) : "–"));
        return l;
    }

    private void layout() {
        Map<Value, List<Value>> children = new IdentityHashMap<>();
        for (Value v : nodes) children.put(v, new ArrayList<>());
        for (Value v : nodes) for (Value p : v.parents()) children.get(p).add(v);
        for (Value v : nodes) {   // parents come first: longest path from the inputs
            int l = 0;
            for (Value p : v.parents()) l = Math.max(l, (p.isLeaf() ? 0 : layer.get(p)) + 1);
            layer.put(v, l);
        }
        for (Value v : nodes) {   // an input sits just left of its first use
            if (v.isLeaf() && !children.get(v).isEmpty()) {
                int l = Integer.MAX_VALUE;
                for (Value c : children.get(v)) l = Math.min(l, layer.get(c) - 1);
                layer.put(v, l);
            }
        }
        int layers = 0;
        for (Value v : nodes) layers = Math.max(layers, layer.get(v) + 1);
        List<List<Value>> cols = new ArrayList<>();
        for (int i = 0; i < layers; i++) cols.add(new ArrayList<>());
        for (Value v : nodes) cols.get(layer.get(v)).add(v);
        Map<Value, Double> pos = new IdentityHashMap<>();
        for (List<Value> c : cols) for (int i = 0; i < c.size(); i++) pos.put(c.get(i), (double) i - (c.size() - 1) / 2.0);
        for (int sweep = 0; sweep < 4; sweep++) {   // barycentre ordering: a node near the nodes it is linked to
            for (List<Value> c : cols) {
                Map<Value, Double> key = new IdentityHashMap<>();
                for (Value v : c) {
                    double s = 0;
                    int n = 0;
                    for (Value p : v.parents()) { s += pos.get(p); n++; }
                    for (Value ch : children.get(v)) { s += pos.get(ch); n++; }
                    key.put(v, n == 0 ? pos.get(v) : s / n);
                }
                c.sort(Comparator.comparingDouble(key::get));
                for (int i = 0; i < c.size(); i++) pos.put(c.get(i), (double) i - (c.size() - 1) / 2.0);
            }
        }
        double h = 3 * LINE + 2 * PAD;
        int maxRows = 1;
        for (List<Value> c : cols) maxRows = Math.max(maxRows, c.size());
        double top = MARGIN + 34;
        double graphH = maxRows * h + (maxRows - 1) * ROW_GAP;
        double x = MARGIN;
        for (List<Value> c : cols) {
            double w = 0;
            for (Value v : c) for (String s : lines(v)) w = Math.max(w, s.length() * CHAR + 2 * PAD);
            for (Value v : c) {
                double y = top + graphH / 2 + pos.get(v) * (h + ROW_GAP) - h / 2;
                box.put(v, new double[] {x, y, w, h});
            }
            x += w + GAP;
        }
        String[] legend = legend();
        double legendW = 0;
        for (String s : legend) legendW = Math.max(legendW, s.length() * 0.56 * FONT);
        width = (int) Math.ceil(Math.max(x - GAP + MARGIN, Math.max(legendW, title.length() * 0.6 * 18) + 2 * MARGIN));
        height = (int) Math.ceil(top + graphH + 18 + legend.length * LINE + MARGIN);
    }

    private static String[] legend() {
        return new String[] {"black: value · red: grad = ∂output/∂node",
                "blue, on each arrow: local gradient ∂node/∂input (국소 기울기)"};
    }

    private String draw() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Noto Sans CJK KR, sans-serif\" font-size=\"%d\">%n",
                width, height, width, height, FONT));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"18\" font-weight=\"bold\">%s</text>%n",
                MARGIN, MARGIN + 18, escape(title)));
        StringBuilder labels = new StringBuilder();
        for (Value v : nodes) {
            List<Value> ps = v.parents();
            double[] local = v.localGradients();
            double[] b = box.get(v);
            for (int j = 0; j < ps.size(); j++) {
                double[] a = box.get(ps.get(j));
                double x1 = a[0] + a[2], y1 = a[1] + a[3] / 2;
                double x2 = b[0], y2 = b[1] + b[3] * (j + 1) / (ps.size() + 1);
                double mx = (x1 + x2) / 2;
                s.append(String.format(Locale.ROOT, "<g class=\"edge\"><path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" "
                        + "fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"/><polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
                        + "fill=\"#555\"/></g>%n", x1, y1, mx, y1, mx, y2, x2 - 7, y2, x2 - 7, y2 - 5, x2, y2, x2 - 7, y2 + 5));
                String t = Value.fmt(local[j]);
                double tw = t.length() * CHAR + 8;
                double lx = x2 - 14 - tw, ly = y2;   // near the arrow's head: the input it belongs to is unambiguous
                labels.append(String.format(Locale.ROOT, "<g class=\"local\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"20\" rx=\"4\" fill=\"white\" stroke=\"#1f5fbf\" stroke-width=\"0.8\"/><text x=\"%.1f\" y=\"%.1f\" "
                        + "font-family=\"DejaVu Sans Mono, monospace\" fill=\"#1f5fbf\">%s</text></g>%n",
                        lx, ly - 10, tw, lx + 4, ly + 5.5, escape(t)));
                edges++;
            }
        }
        s.append(labels);
        for (Value v : nodes) {
            double[] b = box.get(v);
            List<String> l = lines(v);
            boolean out = v == output;
            s.append(String.format(Locale.ROOT, "<g class=\"node\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "rx=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>", b[0], b[1], b[2], b[3], v.isLeaf() ? 4 : 14,
                    v.isLeaf() ? "#f3f3f3" : "#fffbe6", out ? "#000" : "#888", out ? "2.5" : "1.2"));
            String[] fill = {"#000", "#000", "#c0202a"};
            for (int i = 0; i < 3; i++) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-family=\"DejaVu Sans Mono, monospace\" "
                        + "fill=\"%s\"%s>%s</text>", b[0] + PAD, b[1] + PAD + LINE * i + 16, fill[i],
                        i == 0 ? " font-weight=\"bold\"" : "", escape(l.get(i))));
            }
            s.append(String.format("</g>%n"));
        }
        String[] legend = legend();
        for (int i = 0; i < legend.length; i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#333\">%s</text>%n", MARGIN,
                    height - MARGIN - (legend.length - 1 - i) * LINE, escape(legend[i])));
        }
        s.append("</svg>");
        return s.toString();
    }

    /** XML escaping of text: &amp; &lt; &gt; &quot; &#39;. */
    static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The SVG document. */
    public String svg() { return svg; }

    /** Number of nodes drawn (one per Value). */
    public int nodeCount() { return nodes.size(); }

    /** Number of arrows drawn (one per input of each operation). */
    public int edgeCount() { return edges; }

    public int width() { return width; }

    public int height() { return height; }

    /** The MIME bundle a notebook shows: {@code image/svg+xml} and a text fallback. */
    public Map<String, Object> displayBundle() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image/svg+xml", svg);
        m.put("text/plain", toString());
        return m;
    }

    /** Displays the drawing as an output of the running notebook cell. */
    public void show() {
        dl.notebook.Notebook.display(displayBundle());
    }

    /** One line per node: name, value, grad. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(title).append(": ").append(nodes.size()).append(" nodes, ").append(edges).append(" edges\n");
        for (Value v : nodes) b.append("  ").append(v).append('\n');
        return b.toString();
    }
}
