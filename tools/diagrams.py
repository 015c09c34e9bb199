"""The lectures' diagrams: SVG files in notebooks/figures/, drawn by this script from a few shapes.

    python tools/diagrams.py           # (re)write notebooks/figures/*.svg
    python tools/diagrams.py --check   # exit 1 if a file differs from what this script draws, or if a
                                       # diagram breaks the rules below (run by ./course test)

A lecture shows a diagram as a markdown image, `![what it shows](figures/NAME.svg)`: JupyterLab and RISE
load the file next to the notebook, the HTML export, the course site and its decks embed it
(tools/course_site.py, nbconvert's embed_images), so it renders the same everywhere, offline.

The rules a diagram keeps (checked): it parses as XML; it has a <title> and a <desc> (what a screen reader
announces); no text is smaller than 16 px at the drawing's natural size, runs past its edge or overlaps another
text (estimated from the font's advances); the drawing is at most 1180 px wide and
560 px tall, so that it fits a 1280 x 720 slide without shrinking; every notebook image of figures/ exists,
and every diagram is used by a lecture. Labels are English with the glossary's Korean term beside them.
"""
import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "notebooks" / "figures"
MAX_W, MAX_H, MIN_FONT = 1180, 560, 16
FONT = "DejaVu Sans, Noto Sans CJK KR, sans-serif"
INK, BLUE, RED, GREEN, GREY, FILL = "#222222", "#1f5fa8", "#b3261e", "#2e7d32", "#6b6b6b", "#f3f3f3"


def esc(t):
    return str(t).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Svg:
    def __init__(self, w, h, title, desc):
        self.w, self.h, self.title, self.desc, self.parts = w, h, title, desc, []

    def text(self, x, y, s, size=17, anchor="start", weight="normal", fill=INK, italic=False):
        style = ' font-style="italic"' if italic else ""
        self.parts.append(f'<text x="{x:g}" y="{y:g}" font-size="{size}" text-anchor="{anchor}" '
                          f'font-weight="{weight}" fill="{fill}"{style}>{esc(s)}</text>')

    def rect(self, x, y, w, h, fill="white", stroke=INK, width=1.5, rx=0, dash=None):
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{rx}" fill="{fill}" '
                          f'stroke="{stroke}" stroke-width="{width}"{d}/>')

    def circle(self, x, y, r, fill="white", stroke=INK, width=1.5):
        self.parts.append(f'<circle cx="{x:g}" cy="{y:g}" r="{r:g}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>')

    def arrow(self, x1, y1, x2, y2, color=INK, width=1.6, dash=None, head=True):
        d = f' stroke-dasharray="{dash}"' if dash else ""
        m = f' marker-end="url(#head-{color[1:]})"' if head else ""
        self.parts.append(f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="{color}" '
                          f'stroke-width="{width}"{d}{m}/>')

    def path(self, d, color=INK, width=1.6, fill="none", head=False, dash=None):
        m = f' marker-end="url(#head-{color[1:]})"' if head else ""
        ds = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<path d="{d}" fill="{fill}" stroke="{color}" stroke-width="{width}"{ds}{m}/>')

    def grid(self, x, y, rows, cols, cell, fill=lambda r, c: "white", label=lambda r, c: None, size=16):
        for r in range(rows):
            for c in range(cols):
                self.rect(x + c * cell, y + r * cell, cell, cell, fill=fill(r, c), stroke=GREY, width=1)
                t = label(r, c)
                if t is not None:
                    self.text(x + c * cell + cell / 2, y + r * cell + cell / 2 + size * 0.36, t, size, "middle")

    def node(self, x, y, w, h, label, fill=FILL, size=17, stroke=INK, weight="normal"):
        """A box with centred text (several lines separated by \\n)."""
        self.rect(x, y, w, h, fill=fill, stroke=stroke, rx=8)
        lines = label.split("\n")
        top = y + h / 2 - (len(lines) - 1) * size * 0.62 + size * 0.36
        for i, ln in enumerate(lines):
            self.text(x + w / 2, top + i * size * 1.24, ln, size, "middle", weight)

    def render(self):
        colors = sorted({m for m in re.findall(r"url\(#head-([0-9a-f]{6})\)", "".join(self.parts))})
        markers = "".join(
            f'<marker id="head-{c}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#{c}"/></marker>' for c in colors)
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" height="{self.h}" '
                f'viewBox="0 0 {self.w} {self.h}" font-family="{FONT}" role="img">\n'
                f'<title>{esc(self.title)}</title>\n<desc>{esc(self.desc)}</desc>\n'
                f'<defs>{markers}</defs>\n<rect width="{self.w}" height="{self.h}" fill="white"/>\n')
        return head + "\n".join(self.parts) + "\n</svg>\n"


# --------------------------------------------------------------------------------------------- diagrams

def neuron():
    s = Svg(1080, 410, "A biological neuron and the artificial neuron modelled on it",
            "Left: a nerve cell with dendrites that receive signals, a cell body that adds them up and an axon that "
            "fires. Right: the artificial neuron: inputs x1, x2, x3 are multiplied by weights w1, w2, w3, summed with "
            "the bias b into z, and the activation function phi turns z into the output y.")
    s.text(20, 32, "The neuron (뉴런) and the artificial neuron (인공 뉴런)", 21, weight="bold")
    # biological: dendrites -> soma -> axon -> terminals
    cx, cy = 170, 210
    for dx, dy in ((-110, -80), (-125, 0), (-110, 80), (-60, -110), (-60, 110)):
        s.path(f"M{cx + dx:g},{cy + dy:g} Q{cx + dx / 2:g},{cy + dy / 2 + 12:g} {cx:g},{cy:g}", GREY, 3)
    s.circle(cx, cy, 42, fill="#fdf1d8", stroke=INK, width=2)
    s.circle(cx, cy, 12, fill="#e0b45a", stroke="none" if False else INK, width=1)
    s.path(f"M{cx + 42},{cy} L{cx + 190},{cy}", INK, 5)
    for dy in (-26, 0, 26):
        s.path(f"M{cx + 190},{cy} L{cx + 215},{cy + dy:g}", INK, 3)
    s.text(cx - 120, cy - 125, "dendrites: signals in", 17)
    s.text(cx + 20, cy + 66, "cell body: adds them up", 17)
    s.text(cx + 120, cy - 16, "axon: fires", 17, "middle")
    s.text(cx + 40, 392, "biological neuron", 18, "middle", "bold", GREY)
    # artificial
    ox = 520
    ys = (110, 210, 310)
    for i, y in enumerate(ys):
        s.circle(ox, y, 24, fill=FILL)
        s.text(ox, y + 6, f"x{i + 1}", 18, "middle")
        s.arrow(ox + 24, y, ox + 196, 210 + (y - 210) * 0.25, BLUE)
        s.text(ox + 96, (y + 210 + (y - 210) * 0.25) / 2 - 14, f"w{i + 1}", 18, "middle", fill=BLUE)
    s.circle(ox + 230, 210, 34, fill="#fdf1d8", width=2)
    s.text(ox + 230, 218, "Σ", 24, "middle")
    s.text(ox + 230, 282, "z = Σ wᵢxᵢ + b", 17, "middle")
    s.arrow(ox + 230, 152, ox + 230, 176, INK)
    s.text(ox + 230, 144, "bias b (편향)", 17, "middle")
    s.arrow(ox + 264, 210, ox + 318, 210)
    s.node(ox + 320, 180, 60, 60, "φ", fill="#e3edf9", size=22)
    s.text(ox + 350, 266, "activation", 17, "middle")
    s.text(ox + 350, 288, "(활성화 함수)", 17, "middle")
    s.arrow(ox + 380, 210, ox + 440, 210)
    s.text(ox + 446, 216, "y = φ(z)", 18)
    s.text(ox + 230, 392, "artificial neuron", 18, "middle", "bold", GREY)
    s.text(ox + 110, 350, "weights (가중치)", 17, "middle", fill=BLUE)
    return s


def mlp():
    s = Svg(1000, 440, "A multi-layer perceptron with 3 inputs, 3 hidden units and 2 outputs",
            "Three layers of circles joined by lines: the input layer x1 to x3, a hidden layer h1 to h3 and the "
            "output layer y1, y2. Every unit of one layer is connected to every unit of the next; the first set of "
            "connections is the weight matrix W1 of shape 3 by 3 with bias b1, the second W2, 3 by 2, with b2.")
    s.text(20, 32, "A multi-layer perceptron (다층 퍼셉트론): every unit feeds every unit of the next layer", 20, weight="bold")
    layers = [("input", "x", 3), ("hidden layer (은닉층)", "h", 3), ("output", "y", 2)]
    xs = (150, 450, 750)
    top, bottom = 90, 380
    pos = []
    for (name, sym, n), x in zip(layers, xs):
        gap = (bottom - top) / (n + 1) if n < 4 else (bottom - top) / 4
        ys = [top + (bottom - top) / 2 + (i - (n - 1) / 2) * min(gap, 80) for i in range(n)]
        pos.append([(x, y) for y in ys])
    for a, b, color in ((pos[0], pos[1], BLUE), (pos[1], pos[2], GREEN)):
        for (x1, y1) in a:
            for (x2, y2) in b:
                s.arrow(x1 + 26, y1, x2 - 26, y2, color, 1.3, head=False)
    for (name, sym, n), layer in zip(layers, pos):
        for i, (x, y) in enumerate(layer):
            s.circle(x, y, 26, fill=FILL)
            s.text(x, y + 6, f"{sym}{i + 1}", 18, "middle")
        s.text(layer[0][0], 376, name, 18, "middle", "bold")
    s.text(300, 80, "W⁽¹⁾: 3 × 3, b⁽¹⁾: 1 × 3", 17, "middle", fill=BLUE)
    s.text(600, 80, "W⁽²⁾: 3 × 2, b⁽²⁾: 1 × 2", 17, "middle", fill=GREEN)
    s.text(450, 414, "parameters (파라미터): 3·3 + 3 + 3·2 + 2 = 20; values flow left to right (순전파)", 17, "middle")
    return s


def conv_window():
    cell = 38
    s = Svg(960, 520, "A 3 by 3 filter slides over a zero-padded 5 by 5 input with stride 2",
            "The 5 by 5 input is surrounded by one ring of zeros (padding 1), making 7 by 7. A 3 by 3 window, drawn in "
            "blue, covers the top-left corner; a dashed window two columns to the right shows the next position "
            "(stride 2). Each window's products with the 3 by 3 filter are summed into one entry of the 3 by 3 "
            "output: floor((5 + 2 - 3) / 2) + 1 = 3.")
    s.text(20, 32, "Convolution (합성곱): a 3 × 3 filter slides over the padded input, 2 cells at a time", 20, weight="bold")
    x0, y0 = 40, 112
    s.grid(x0, y0, 7, 7, cell, fill=lambda r, c: "#e6e6e6" if r in (0, 6) or c in (0, 6) else "white",
           label=lambda r, c: "0" if r in (0, 6) or c in (0, 6) else None)
    s.rect(x0, y0, 3 * cell, 3 * cell, fill="none", stroke=BLUE, width=4)
    s.rect(x0 + 2 * cell, y0, 3 * cell, 3 * cell, fill="none", stroke=BLUE, width=3, dash="8 5")
    s.path(f"M{x0 + 1.5 * cell},{y0 - 8} Q{x0 + 2.5 * cell},{y0 - 38} {x0 + 3.5 * cell},{y0 - 8}", BLUE, 2, head=True)
    s.text(x0 + 2.5 * cell, y0 - 34, "stride S = 2 (스트라이드)", 17, "middle", fill=BLUE)
    s.text(x0 + 3.5 * cell, y0 + 7 * cell + 30, "input 5 × 5, zero padding P = 1 (패딩)", 17, "middle")
    s.text(x0 + 3.5 * cell, y0 + 7 * cell + 54, "grey: the padding's zeros", 17, "middle", fill=GREY)
    # filter
    fx = 420
    s.text(fx - 30, y0 + 1.5 * cell + 8, "⊙", 26, "middle")
    s.grid(fx, y0 + 0 * cell, 3, 3, cell + 8, fill=lambda r, c: "#e3edf9", label=lambda r, c: f"w{r}{c}", size=16)
    cell_f = cell + 8
    s.text(fx + 1.5 * cell_f, y0 + 3 * cell_f + 30, "filter F = 3 (필터)", 17, "middle")
    s.text(fx + 1.5 * cell_f, y0 + 3 * cell_f + 54, "the same 9 weights", 17, "middle", fill=GREY)
    s.text(fx + 1.5 * cell_f, y0 + 3 * cell_f + 78, "at every position", 17, "middle", fill=GREY)
    # sum -> output
    s.arrow(fx + 3 * cell_f + 14, y0 + 1.5 * cell, fx + 3 * cell_f + 110, y0 + 1.5 * cell, INK)
    s.text(fx + 3 * cell_f + 62, y0 + 1.5 * cell - 12, "Σ + b", 17, "middle")
    ox = fx + 3 * cell_f + 130
    s.grid(ox, y0, 3, 3, cell, fill=lambda r, c: "#c9dcf2" if (r, c) == (0, 0) else "white")
    s.rect(ox + cell, y0, cell, cell, fill="none", stroke=BLUE, width=3, dash="6 4")
    s.rect(ox, y0, cell, cell, fill="none", stroke=BLUE, width=4)
    s.text(ox + 1.5 * cell, y0 + 3 * cell + 30, "output 3 × 3", 17, "middle")
    s.text(ox + 1.5 * cell, y0 + 3 * cell + 54, "(특징 맵, feature map)", 17, "middle")
    s.text(480, 470, "output size = ⌊(H + 2P − F) / S⌋ + 1 = ⌊(5 + 2 − 3) / 2⌋ + 1 = 3", 19, "middle")
    s.text(480, 502, "Like every deep-learning library, this is cross-correlation: the filter is not flipped.", 17,
           "middle", fill=GREY)
    return s


def im2col():
    cell = 36
    s = Svg(1100, 460, "im2col turns convolution into one matrix product",
            "A 4 by 4 input with a 3 by 3 window and stride 1 has four window positions. im2col copies each window into "
            "one row of a 4 by 9 matrix; the filter becomes a 9 by 1 column. Their product is a 4 by 1 column: the four "
            "outputs, reshaped to 2 by 2.")
    s.text(20, 32, "im2col: every window becomes a row, and the convolution one matrix product", 20, weight="bold")
    x0, y0 = 40, 150
    shade = ["#c9dcf2", "#f6d5d2", "#d4ead5", "#f8e6b8"]
    s.grid(x0, y0, 4, 4, cell, label=lambda r, c: str(4 * r + c + 1))
    s.rect(x0 + 2, y0 + 2, 3 * cell - 4, 3 * cell - 4, fill="none", stroke=BLUE, width=3)           # window 1
    s.rect(x0 + cell + 2, y0 + cell + 2, 3 * cell - 4, 3 * cell - 4, fill="none", stroke="#a07000", width=3,
           dash="7 4")                                                                              # window 4
    s.text(x0 + 2 * cell, y0 + 4 * cell + 30, "input 4 × 4,", 17, "middle")
    s.text(x0 + 2 * cell, y0 + 4 * cell + 54, "4 windows of 3 × 3", 17, "middle")
    s.text(x0 + 2 * cell, y0 + 4 * cell + 78, "(first and last framed)", 17, "middle", fill=GREY)
    s.arrow(x0 + 4 * cell + 20, y0 + 2 * cell, x0 + 4 * cell + 90, y0 + 2 * cell)
    s.text(x0 + 4 * cell + 55, y0 + 2 * cell - 12, "im2col", 17, "middle")
    mx, w = x0 + 4 * cell + 110, 30
    for k, (r, c) in enumerate(((0, 0), (0, 1), (1, 0), (1, 1))):
        vals = [4 * (r + i) + (c + j) + 1 for i in range(3) for j in range(3)]
        for q, v in enumerate(vals):
            s.rect(mx + q * w, y0 + k * cell, w, cell, fill=shade[k], stroke=GREY, width=1)
            s.text(mx + q * w + w / 2, y0 + k * cell + cell / 2 + 6, str(v), 16, "middle")
    s.text(mx + 4.5 * w, y0 + 4 * cell + 30, "4 × 9: one row per window", 17, "middle")
    s.text(mx + 9 * w + 22, y0 + 2 * cell + 8, "·", 30, "middle")
    fx = mx + 9 * w + 44
    for q in range(9):
        s.rect(fx, y0 - 60 + q * 28, 46, 28, fill="#e3edf9", stroke=GREY, width=1)
        s.text(fx + 23, y0 - 60 + q * 28 + 20, f"w{q // 3}{q % 3}", 16, "middle")
    s.text(fx + 23, y0 - 60 + 9 * 28 + 26, "filter 9 × 1", 17, "middle")
    s.text(fx + 78, y0 + 2 * cell + 8, "=", 26, "middle")
    ox = fx + 104
    for k in range(4):
        s.rect(ox, y0 + k * cell, 46, cell, fill=shade[k], stroke=GREY, width=1)
        s.text(ox + 23, y0 + k * cell + cell / 2 + 6, f"o{k + 1}", 16, "middle")
    s.text(ox + 23, y0 + 4 * cell + 30, "4 × 1", 17, "middle")
    s.arrow(ox + 62, y0 + 2 * cell, ox + 120, y0 + 2 * cell)
    s.text(ox + 91, y0 + 2 * cell - 12, "reshape", 17, "middle")
    gx = ox + 136
    s.grid(gx, y0 + cell, 2, 2, cell, fill=lambda r, c: shade[2 * r + c], label=lambda r, c: f"o{2 * r + c + 1}")
    s.text(gx + cell, y0 + 4 * cell + 30, "output 2 × 2", 17, "middle")
    s.text(550, 440, "With C channels and K filters: (N·OH·OW) × (C·F·F) times (C·F·F) × K — one large product the BLAS runs fast.",
           17, "middle", fill=GREY)
    return s


def max_pooling():
    cell = 46
    s = Svg(860, 400, "Max pooling with a 2 by 2 window and stride 2",
            "A 4 by 4 feature map split into four 2 by 2 blocks of different colours; each block's largest value is "
            "copied into a 2 by 2 output: 6, 8, 3 and 4. In the backward pass the gradient goes only to the position "
            "that held the maximum.")
    s.text(20, 32, "Max pooling (최대 풀링): the largest value of each 2 × 2 window, stride 2", 20, weight="bold")
    vals = [[1, 3, 2, 1], [6, 2, 8, 4], [3, 1, 1, 0], [2, 2, 4, 3]]
    shade = [["#c9dcf2", "#f6d5d2"], ["#d4ead5", "#f8e6b8"]]
    x0, y0 = 60, 80
    s.grid(x0, y0, 4, 4, cell, fill=lambda r, c: shade[r // 2][c // 2], label=lambda r, c: str(vals[r][c]), size=19)
    for r in range(2):
        for c in range(2):
            block = [(vals[2 * r + i][2 * c + j], i, j) for i in range(2) for j in range(2)]
            v, i, j = max(block)
            s.rect(x0 + (2 * c + j) * cell + 4, y0 + (2 * r + i) * cell + 4, cell - 8, cell - 8, fill="none", stroke=INK, width=2.5)
    s.text(x0 + 2 * cell, y0 + 4 * cell + 32, "feature map 4 × 4", 17, "middle")
    s.arrow(x0 + 4 * cell + 24, y0 + 2 * cell, x0 + 4 * cell + 124, y0 + 2 * cell)
    s.text(x0 + 4 * cell + 74, y0 + 2 * cell - 12, "max", 17, "middle")
    ox = x0 + 4 * cell + 150
    out = [[6, 8], [3, 4]]
    s.grid(ox, y0 + cell, 2, 2, cell, fill=lambda r, c: shade[r][c], label=lambda r, c: str(out[r][c]), size=19)
    s.text(ox + cell, y0 + 4 * cell + 32, "output 2 × 2", 17, "middle")
    s.text(380, 340, "Backward: each output's gradient goes to the framed cell that held the maximum;", 17, "middle", fill=GREY)
    s.text(380, 366, "the other three cells of its window get 0. No weights to learn.", 17, "middle", fill=GREY)
    return s


def rnn_unrolled():
    s = Svg(1120, 490, "A recurrent network folded and unrolled over three time steps",
            "Left: one RNN cell with a loop: its hidden state feeds back into itself. Right: the same cell drawn three "
            "times, for time steps 1, 2 and 3: input x_t enters from below through W_x, the previous hidden state "
            "h_{t-1} enters from the left through W_h, and the new state h_t goes up and to the next step. The same "
            "weights are used at every step. Red dashed arrows run backward: back-propagation through time.")
    s.text(20, 32, "An RNN (순환 신경망) unrolled in time: the same weights at every time step (타임 스텝)", 20, weight="bold")
    # folded: the state leaves on the right and comes back in at the top
    s.node(70, 200, 110, 70, "tanh", fill="#fdf1d8", size=19)
    s.path("M180,235 C270,235 270,140 125,140 L125,198", INK, 1.8, head=True)
    s.text(262, 150, "hₜ", 18, "middle")
    s.arrow(125, 340, 125, 272)
    s.text(125, 362, "xₜ", 18, "middle")
    s.text(125, 396, "folded", 18, "middle", "bold", GREY)
    s.text(310, 240, "=", 30, "middle")
    # unrolled
    xs = (420, 640, 860)
    s.text(355, 242, "h₀", 18, "middle")
    s.arrow(372, 235, xs[0] - 2, 235)
    for t, x in enumerate(xs, 1):
        s.node(x, 200, 120, 70, "tanh", fill="#fdf1d8", size=19)
        s.arrow(x + 60, 342, x + 60, 272)
        s.text(x + 60, 364, f"x{'₁₂₃'[t - 1]}", 18, "middle")
        s.text(x + 74, 315, "Wₓ", 17, fill=BLUE)
        s.arrow(x + 60, 200, x + 60, 142)
        s.text(x + 60, 130, f"h{'₁₂₃'[t - 1]}", 18, "middle")
        if t < 3:
            s.arrow(x + 120, 235, xs[t] - 2, 235)
            s.text(x + 160, 226, "Wₕ", 17, "middle", fill=BLUE)
            s.path(f"M{xs[t] - 4},262 L{x + 124},262", RED, 2, head=True, dash="7 5")
    s.text(860 + 60, 96, "loss L(h₃)", 17, "middle", fill=RED)
    s.text(560, 436, "unrolled: hₜ = tanh(xₜWₓ + hₜ₋₁Wₕ + b), the same Wₓ, Wₕ, b at every step", 17, "middle")
    s.text(560, 466, "red, dashed: back-propagation through time (시간에 따른 역전파) sums each weight's gradient over the steps",
           17, "middle", fill=RED)
    return s


def lstm_cell():
    s = Svg(1060, 550, "An LSTM cell with its forget, input and output gates",
            "The memory cell state runs along the top from c_{t-1} to c_t: it is multiplied by the forget gate f and "
            "the product of the input gate i and the candidate g is added. Below, x_t and h_{t-1} feed four blocks: "
            "sigma for f, sigma for i, tanh for g and sigma for o. The new hidden state h_t is o times tanh of c_t.")
    s.text(20, 32, "An LSTM cell (장단기 메모리): the memory cell (기억 셀) is changed only by × f and + i·g", 20, weight="bold")
    top = 110
    s.rect(140, 70, 760, 420, fill="#fafafa", stroke=GREY, rx=18, width=1.5)
    s.text(60, top + 6, "cₜ₋₁", 19, "middle")
    s.arrow(84, top, 296, top, INK, 3)
    s.circle(320, top, 24, fill="white", width=2)
    s.text(320, top + 8, "×", 24, "middle")
    s.arrow(344, top, 516, top, INK, 3)
    s.circle(540, top, 24, fill="white", width=2)
    s.text(540, top + 8, "+", 24, "middle")
    s.arrow(564, top, 980, top, INK, 3)
    s.text(1010, top + 6, "cₜ", 19, "middle")
    gates = [(250, "σ", "forget f", "(망각 게이트)", 320, top + 24), (410, "σ", "input i", "(입력 게이트)", 540, None),
             (530, "tanh", "candidate g", "", 540, None), (690, "σ", "output o", "(출력 게이트)", 760, None)]
    gy = 320
    for x, fn, name, ko, tx, ty in gates:
        s.node(x - 40, gy, 80, 48, fn, fill="#e3edf9", size=19)
        s.text(x, gy + 116, name, 17, "middle")
        if ko:
            s.text(x, gy + 138, ko, 17, "middle")
    s.path(f"M250,{gy} L250,{top + 60} L320,{top + 60} L320,{top + 26}", BLUE, 2, head=True)
    s.circle(470, 210, 22, fill="white", width=2)
    s.text(470, 218, "×", 22, "middle")
    s.path(f"M410,{gy} L410,210 L446,210", BLUE, 2, head=True)
    s.path(f"M530,{gy} L530,210 L494,210", BLUE, 2, head=True)
    s.path(f"M470,188 L470,160 L540,160 L540,{top + 26}", INK, 2, head=True)
    # output path: c_t -> tanh -> x o -> h_t
    s.path(f"M760,{top} L760,168", INK, 2, head=True)
    s.node(720, 170, 80, 44, "tanh", fill="#fdf1d8", size=18)
    s.circle(760, 262, 22, fill="white", width=2)
    s.text(760, 270, "×", 22, "middle")
    s.arrow(760, 214, 760, 238)
    s.path(f"M690,{gy} L690,262 L736,262", BLUE, 2, head=True)
    s.path("M782,262 L980,262", INK, 3, head=True)
    s.text(1010, 268, "hₜ", 19, "middle")
    # inputs: one bus below the gates, labels under it
    s.text(24, gy + 72, "hₜ₋₁, xₜ", 18)
    s.path(f"M24,{gy + 80} L690,{gy + 80}", INK, 1.6)
    for x, *_ in gates:
        s.arrow(x, gy + 80, x, gy + 50, INK, 1.4)
    s.text(520, 530, "cₜ = f ⊙ cₜ₋₁ + i ⊙ g,   hₜ = o ⊙ tanh(cₜ);   f, i, o ∈ (0, 1) open or close each unit's path", 17,
           "middle")
    return s


def dropout():
    s = Svg(1000, 450, "Dropout: a random half of the hidden units is switched off at every training step",
            "Two copies of a network with four inputs, two hidden layers of five units and two outputs. Left, the full "
            "network. Right, one training step with dropout: crossed-out hidden units and their connections are "
            "removed; at test time every unit is used.")
    s.text(20, 32, "Dropout (드롭아웃): each training step drops a random set of hidden units", 20, weight="bold")

    def net(x0, drop, title):
        cols = [(x0, 4), (x0 + 140, 5), (x0 + 280, 5), (x0 + 420, 2)]
        pos = []
        for x, n in cols:
            pos.append([(x, 250 + (i - (n - 1) / 2) * 56) for i in range(n)])
        for a, b, la, lb in ((pos[0], pos[1], 0, 1), (pos[1], pos[2], 1, 2), (pos[2], pos[3], 2, 3)):
            for ia, (x1, y1) in enumerate(a):
                for ib, (x2, y2) in enumerate(b):
                    if (la, ia) in drop or (lb, ib) in drop:
                        continue
                    s.arrow(x1 + 18, y1, x2 - 18, y2, GREY, 1, head=False)
        for li, layer in enumerate(pos):
            for ui, (x, y) in enumerate(layer):
                off = (li, ui) in drop
                s.circle(x, y, 18, fill="white" if off else FILL, stroke=GREY if off else INK, width=1.5)
                if off:
                    s.arrow(x - 13, y - 13, x + 13, y + 13, RED, 2.5, head=False)
                    s.arrow(x - 13, y + 13, x + 13, y - 13, RED, 2.5, head=False)
        s.text(x0 + 210, 420, title, 18, "middle", "bold", GREY)

    net(40, set(), "test time: every unit")
    net(540, {(1, 1), (1, 3), (1, 4), (2, 0), (2, 2)}, "one training step, rate 0.5")
    s.text(500, 80, "kept units are scaled by 1/(1 − p) in training (inverted dropout), so test time needs no change", 17,
           "middle", fill=GREY)
    return s


def batch_norm():
    s = Svg(1120, 400, "Batch normalization: normalise each unit over the mini-batch, then scale and shift",
            "Four boxes in a row. The pre-activations z of one unit over a mini-batch enter; their mean mu and "
            "variance sigma squared are computed; z is normalised to z hat with mean 0 and variance 1; then scaled by "
            "the learned gamma and shifted by the learned beta to give y, which goes on to the activation.")
    s.text(20, 32, "Batch normalization (배치 정규화): normalise, then scale and shift (learned γ, β)", 20, weight="bold")
    boxes = [("z of one unit\nover a mini-batch", "zᵢ, i = 1 … m"),
             ("batch statistics", "μ = mean zᵢ,  σ² = mean (zᵢ − μ)²"),
             ("normalise", "ẑᵢ = (zᵢ − μ) / √(σ² + ε)"),
             ("scale and shift", "yᵢ = γ ẑᵢ + β")]
    x, w, gap = 24, 222, 42
    for k, (head, formula) in enumerate(boxes):
        bx = x + k * (w + gap)
        s.node(bx, 90, w, 100, head, fill="#e3edf9" if k == 3 else FILL, size=18)
        s.text(bx + w / 2, 226, formula, 17, "middle")
        if k < 3:
            s.arrow(bx + w + 4, 140, bx + w + gap - 4, 140)
    s.arrow(x + 4 * (w + gap) - gap + 4, 140, x + 4 * (w + gap) - gap + 40, 140)
    s.text(x + 4 * (w + gap) - gap + 44, 146, "φ", 20)
    # little histograms: spread and off-centre, centred at 0, rescaled
    def hist(bx, centre, width, color):
        heights = [8, 22, 40, 52, 40, 22, 8]
        for j, hh in enumerate(heights):
            s.rect(bx + centre + (j - 3) * width, 330 - hh, width, hh, fill=color, stroke="white", width=0.5)
        s.arrow(bx, 330, bx + w, 330, GREY, 1, head=False)
    hist(x, 150, 14, "#b9b9b9")
    hist(x + 2 * (w + gap), w / 2, 8, "#8fb3dd")
    hist(x + 3 * (w + gap), w / 2 + 30, 11, "#1f5fa8")
    s.text(x + w / 2, 358, "any mean and spread", 17, "middle", fill=GREY)
    s.text(x + 2 * (w + gap) + w / 2, 358, "mean 0, variance 1", 17, "middle", fill=GREY)
    s.text(x + 3 * (w + gap) + w / 2, 358, "mean β, spread γ", 17, "middle", fill=GREY)
    s.text(x + (w + gap) + w / 2, 290, "at test time: running", 17, "middle", fill=GREY)
    s.text(x + (w + gap) + w / 2, 312, "averages of μ and σ²", 17, "middle", fill=GREY)
    return s


def data_split():
    s = Svg(1000, 330, "Training, validation and test data",
            "A bar split into three parts: the training data, used to fit the weights; the validation data, used to "
            "choose hyperparameters and when to stop; and the test data, used once at the end to report the result.")
    s.text(20, 32, "Three parts of the data, three jobs", 20, weight="bold")
    parts = [("training data", "(훈련 데이터)", ["fits the weights"], 480, "#c9dcf2"),
             ("validation data", "(검증 데이터)", ["chooses settings", "and when to stop"], 260, "#f8e6b8"),
             ("test data", "(시험 데이터)", ["used once,", "at the end"], 180, "#d4ead5")]
    x = 40
    for name, ko, job, w, color in parts:
        s.rect(x, 70, w, 84, fill=color, stroke=INK)
        s.text(x + w / 2, 106, name, 18, "middle", "bold")
        s.text(x + w / 2, 134, ko, 17, "middle")
        for k, line in enumerate(job):
            s.text(x + w / 2, 186 + 24 * k, line, 17, "middle")
        x += w
    s.text(500, 280, "A setting chosen by looking at the test data makes the test score optimistic:", 17, "middle", fill=GREY)
    s.text(500, 304, "the test data is no longer unseen.", 17, "middle", fill=GREY)
    return s


DIAGRAMS = {
    "neuron": neuron, "mlp": mlp, "conv-window": conv_window, "im2col": im2col, "max-pooling": max_pooling,
    "rnn-unrolled": rnn_unrolled, "lstm-cell": lstm_cell, "dropout": dropout, "batch-norm": batch_norm,
    "data-split": data_split,
}


# ------------------------------------------------------------------------------------------------ checks

def text_extent(t, x, size, anchor, bold):
    """Where a line of text starts and ends, estimated a little wide from DejaVu Sans's advances as Chromium
    draws them here (about 0.5 em per Latin character, 0.54 bold; a Hangul syllable of Noto Sans CJK 0.85 em)."""
    em = sum(0.9 if "\uac00" <= ch <= "\ud7a3" else (0.56 if bold else 0.52) for ch in t) * size
    start = {"start": x, "middle": x - em / 2, "end": x - em}[anchor]
    return start, start + em


def problems(name, text):
    """What breaks the rules in one SVG document."""
    found = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"{name}: not valid XML ({e})"]
    ns = "{http://www.w3.org/2000/svg}"
    w, h = float(root.get("width", 0)), float(root.get("height", 0))
    if not (0 < w <= MAX_W and 0 < h <= MAX_H):
        found.append(f"{name}: {w:g} × {h:g} px; a diagram is at most {MAX_W} × {MAX_H} so it fits a slide unshrunk")
    for tag in ("title", "desc"):
        el = root.find(ns + tag)
        if el is None or not (el.text or "").strip():
            found.append(f"{name}: no <{tag}> (a screen reader's text for the diagram)")
    boxes = []
    for el in root.iter(ns + "text"):
        size = float(el.get("font-size", 0))
        if size < MIN_FONT:
            found.append(f"{name}: text {el.text!r} is {size:g} px, below {MIN_FONT} px")
        left, right = text_extent(el.text or "", float(el.get("x", 0)), size, el.get("text-anchor", "start"),
                                  el.get("font-weight") == "bold")
        if left < 0 or right > w:
            found.append(f"{name}: text {el.text!r} runs past the drawing's edge ({left:.0f}..{right:.0f} of 0..{w:g} px)")
        y = float(el.get("y", 0))
        boxes.append((el.text or "", left, right, y - 0.8 * size, y + 0.25 * size))
    for i, (t1, l1, r1, top1, bot1) in enumerate(boxes):
        for t2, l2, r2, top2, bot2 in boxes[i + 1:]:
            if min(r1, r2) - max(l1, l2) > 2 and min(bot1, bot2) - max(top1, top2) > 2:
                found.append(f"{name}: texts {t1!r} and {t2!r} overlap")
    return found


def used_images():
    """{figure file name: [lecture notebooks that show it]} from the lectures' markdown images."""
    import json
    used = {}
    for nb_path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        cells = json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
        for c in cells:
            if c["cell_type"] == "markdown":
                for ref in re.findall(r"!\[[^\]]*\]\((figures/[^)\s]+)\)", "".join(c["source"])):
                    used.setdefault(ref.split("/", 1)[1], []).append(nb_path.stem)
    return used


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    FIGURES.mkdir(parents=True, exist_ok=True)
    failed = []
    # the rule checks must see what they are for: a fixture with each defect first
    fixture = ('<svg xmlns="http://www.w3.org/2000/svg" width="1300" height="200"><text font-size="12">x</text>'
               '<text x="1290" font-size="20">past the edge</text><text x="1280" font-size="20">overlap</text></svg>')
    if len(problems("fixture", fixture)) != 7:
        failed.append(f"self-test: the fixture should break 7 rules, found {problems('fixture', fixture)}")
    for name, draw in DIAGRAMS.items():
        path = FIGURES / f"{name}.svg"
        text = draw().render()
        failed += problems(path.name, text)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                failed.append(f"{path.relative_to(ROOT)} differs from what tools/diagrams.py draws: run it")
        elif not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    used = used_images()
    for ref, where in used.items():
        if not (FIGURES / ref).is_file():
            failed.append(f"{', '.join(where)}: shows figures/{ref}, which does not exist")
    for name in DIAGRAMS:
        if f"{name}.svg" not in used:
            failed.append(f"figures/{name}.svg is shown by no lecture")
    for f in failed:
        print("DIAGRAM:", f)
    print(f"diagrams: {len(DIAGRAMS)} drawn, {len(used)} shown by the lectures, {len(failed)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
