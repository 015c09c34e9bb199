"""Colour checks of the figure test (issues 25 and 34), on the series a drawn figure shows in its legend.

* Colour-blind safety: for every pair of series in one figure that nothing but colour tells apart (the same
  line dash, marker symbol and bar pattern), the CIELAB distance (ΔE*ab) of their colours as seen with
  protanopia, deuteranopia and tritanopia — simulated with the matrices of Machado, Oliveira and Fernandes
  (2009) at severity 1, in linear RGB — must be at least MIN_DELTA_E. Plotly's default palette (tab10) fails:
  its orange and green are 4.6 apart for protanopia; the course's Palette (Okabe–Ito) keeps at least 16.1.
* One series, one colour: within a notebook a legend name is drawn in one colour in every figure.
"""
import itertools
import math
import re

MIN_DELTA_E = 15.0

MACHADO = {   # linear-RGB simulation matrices, severity 1.0 (Machado et al. 2009, table 1)
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def parse(colour):
    """'#rrggbb', '#rgb', 'rgb(r, g, b)' or 'rgba(r, g, b, a)' as (r, g, b) in 0…1; None for anything else."""
    c = str(colour).strip().lower()
    if re.fullmatch(r"#[0-9a-f]{6}", c):
        return tuple(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5))
    if re.fullmatch(r"#[0-9a-f]{3}", c):
        return tuple(int(ch * 2, 16) / 255 for ch in c[1:])
    m = re.fullmatch(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*[\d.]+\s*)?\)", c)
    if m:
        return tuple(float(v) / 255 for v in m.groups())
    return None


def _linear(v):
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _lab(rgb):
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def seen_as(rgb, vision):
    """CIELAB of an sRGB colour as seen with `vision` (None: normal vision)."""
    lin = [_linear(v) for v in rgb]
    if vision:
        m = MACHADO[vision]
        lin = [min(1.0, max(0.0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3)]
    return _lab(lin)


def closest_pair(series):
    """Of the series (dicts: name, colour, dash, symbol, pattern) that only colour tells apart, the pair closest
    under any of the three simulations: (ΔE, vision, name a, name b), or None when there is no such pair."""
    unique = {}
    for s in series:
        rgb = parse(s.get("colour"))
        if rgb is not None and s.get("name"):
            unique.setdefault(s["name"], (rgb, (s.get("dash"), s.get("symbol"), s.get("pattern") or "")))
    worst = None
    for (na, (ca, ea)), (nb, (cb, eb)) in itertools.combinations(unique.items(), 2):
        if ea != eb:
            continue          # a second encoding tells them apart
        for vision in MACHADO:
            d = math.dist(seen_as(ca, vision), seen_as(cb, vision))
            if worst is None or d < worst[0]:
                worst = (d, vision, na, nb)
    return worst


def colour_problem(series):
    """A failure text when two series of one figure are too close for colour-blind readers, else None."""
    worst = closest_pair(series)
    if worst is None or worst[0] >= MIN_DELTA_E:
        return None
    d, vision, a, b = worst
    return (f"series '{a}' and '{b}' are told apart by colour alone and are only {d:.1f} apart under {vision} "
            f"(CIELAB ΔE; at least {MIN_DELTA_E:.0f}): use the course's Palette, or give one a dash or marker of its own")


def colour_conflicts(figures):
    """figures: [(figure number, series), …] of one notebook. Returns {figure number: [problem, …]} for legend
    names drawn in another colour than in an earlier figure of the notebook."""
    first = {}
    problems = {}
    for number, series in figures:
        for s in series:
            rgb = parse(s.get("colour"))
            if rgb is None or not s.get("name"):
                continue
            key = tuple(round(v * 255) for v in rgb)
            if s["name"] not in first:
                first[s["name"]] = (key, number, s["colour"])
            elif first[s["name"]][0] != key:
                _, where, was = first[s["name"]]
                problems.setdefault(number, []).append(
                    f"legend name '{s['name']}' is drawn in {s['colour']} here but in {was} in figure {where}: "
                    f"one series, one colour across the lecture")
    return problems
