"""Assignment 8 (a8-minibatch): a second style under another file name, one typical mistake per
check cell, robustness (see tools/exercise_cases/__init__.py for what a case module holds)."""
from exercise_kit import answer, cell, check, source

NAME = "a8-minibatch"


def edit(nb, grade_id, old, new):
    """Replaces old (which must be there) by new in the cell's source."""
    c = cell(nb, grade_id)
    assert old in c.source, f"{NAME} case: {old!r} is not in cell {grade_id}"
    c.source = c.source.replace(old, new)


def submissions():
    return {"style2b": ("homework/minibatch (1).ipynb", minibatch_style2()),
            "mistakes": (f"{NAME}.ipynb", minibatch_mistakes()),
            "mistakes2": (f"{NAME}.ipynb", minibatch_mistakes2()),
            "robust": (f"{NAME}.ipynb", robust_minibatch())}


def checks(run):
    a8 = NAME
    score, noted, points, notes = run.score, run.noted, run.points, run.notes
    f8 = {s: run.shown(s, a8) for s in ("style2b", "mistakes", "mistakes2", "robust")}
    check("a8: a second style under another file name (Math.ceil, a forward shuffle, a list of batches, the rows "
          "copied by hand, each parameter stepped on its own): full marks",
          score("style2b", a8) == f"{points(a8):g}"
          and noted("style2b", "homework/minibatch (1).ipynb: graded as a8-minibatch"),
          f"score {score('style2b', a8)!r}; notes {notes.get('style2b')}; {f8['style2b'][-2500:]}")
    check("a8: ⌊N/B⌋, a shuffle that swaps with any place, a cut that loses the last batch, one order for every "
          "epoch and the mean of the batch means: 2 of 12 (the MLP run), with their hints",
          score("mistakes", a8) == "2" and "N/B rounded down" in f8["mistakes"]
          and "makes some orders more likely than others" in f8["mistakes"]
          and "the last, smaller batch {6, 5} is missing" in f8["mistakes"]
          and "in the same order as epoch 1" in f8["mistakes"]
          and "that is the mean of the batch means" in f8["mistakes"],
          f"score {score('mistakes', a8)!r}; notes {notes.get('mistakes')}; {f8['mistakes'][-3000:]}")
    check("a8: the batch count handed to BatchSampler (it refuses B > N), a shuffle with a Random of its own, "
          "the loop handed to Trainer, a new network trained instead of moonNet: 2 of 12 (the cut), with their "
          "hints; the library calls listed",
          score("mistakes2", a8) == "2" and "batch size must be in [1, 3], got 8: B > N is allowed here" in f8["mistakes2"]
          and "restarts the same numbers at every call" in f8["mistakes2"]
          and "inside the library's dl.network.Trainer" in f8["mistakes2"]
          and "it still has its first weights" in f8["mistakes2"]
          and noted("mistakes2", "a8-minibatch: batches: uses BatchSampler")
          and noted("mistakes2", "a8-minibatch: loop: uses Trainer, History"),
          f"score {score('mistakes2', a8)!r}; notes {notes.get('mistakes2')}; {f8['mistakes2'][-3000:]}")
    check("a8 robust: an edited and a deleted check cell (the originals run), an exception in the cut, System.exit "
          "in the MLP run: 8 of 12 (all but the cut and the MLP)",
          score("robust", a8) == "8" and "boom: a batch larger than the data set" in f8["robust"]
          and "all checks passed, trust me" not in f8["robust"]
          and noted("robust", "a8-minibatch: test cell 'shuffle_check' was edited")
          and noted("robust", "a8-minibatch: test cell 'curve_check' was deleted")
          and noted("robust", "a8-minibatch: mlp_run: KernelDied"),
          f"score {score('robust', a8)!r}; notes {notes.get('robust')}")


SOLUTION_SHUFFLE = """    for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);"""

SOLUTION_LOOP = """        for (int[] batch : cutIntoBatches(shuffledOrder(n, rng), batchSize)) {"""

INLINE_CUT = """        int[] order = shuffledOrder(n, rng);
        for (int from = 0; from < n; from += batchSize) {
            int[] batch = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));"""


def minibatch_style2():
    a8 = source(NAME)
    answer(a8, "batches", "int batchesPerEpoch(int n, int b) {\n    return (int) Math.ceil((double) n / b);\n}")
    answer(a8, "shuffle", """int[] shuffledOrder(int n, Random rng) {
    int[] a = java.util.stream.IntStream.range(0, n).toArray();
    for (int i = 0; i + 1 < n; i++) {          // forward Fisher–Yates: place i gets one of i … n − 1
        int j = i + rng.nextInt(n - i);
        int keep = a[j];
        a[j] = a[i];
        a[i] = keep;
    }
    return a;
}""")
    answer(a8, "cut", """int[][] cutIntoBatches(int[] order, int b) {
    List<int[]> out = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
        int size = Math.min(b, order.length - from);
        int[] batch = new int[size];
        System.arraycopy(order, from, batch, 0, size);
        out.add(batch);
        from += size;
    }
    return out.toArray(new int[0][]);
}""")
    answer(a8, "loop", """double[] train(Sequential net, Optimizer optimizer, Dataset data, int batchSize, int epochs, long seed) {
    Random random = new Random(seed);
    int n = data.size(), d = data.numFeatures();
    List<Double> means = new ArrayList<>();
    while (means.size() < epochs) {
        double total = 0;
        for (int[] idx : cutIntoBatches(shuffledOrder(n, random), batchSize)) {
            DMatrixRMaj x = new DMatrixRMaj(idx.length, d);
            int[] y = new int[idx.length];
            for (int r = 0; r < idx.length; r++) {
                System.arraycopy(data.features().data, idx[r] * d, x.data, r * d, d);
                y[r] = data.labels()[idx[r]];
            }
            double batchMean = net.gradients(x, y);
            for (Param p : net.params()) optimizer.update(p.value().data, p.grad().data);
            total += batchMean * idx.length;
        }
        means.add(total / n);
    }
    return means.stream().mapToDouble(Double::doubleValue).toArray();
}""")
    answer(a8, "mlp_run", """Sequential moonNet = newNet(1);
Optimizer stepper = new Sgd(0.5);
double[] curve = train(moonNet, stepper, moons, 32, 20, 7);
System.out.println("epoch 1: " + curve[0] + ", epoch 20: " + curve[19]);""")
    answer(a8, "plot", """LinePlot.create("Mean training loss per epoch (moons, B = 32)",
        Tables.curves("epoch", Tables.range(1, 20), "mean loss", "run", "B = 32, η = 0.5", curve),
        "epoch", "mean loss", "run")""")
    cell(a8, "tradeoff").source = ("Small batches give many noisy updates per epoch, large ones few exact but costly "
                                   "ones; every run sees each sample 20 times.")
    return a8


def minibatch_mistakes():
    """⌊N/B⌋, a shuffle that swaps with any place, the cut built on that count, the loop shuffling once
    before the epochs and averaging the batch means; the MLP run itself is right."""
    a8 = source(NAME)
    edit(a8, "batches", "return n / b + (n % b == 0 ? 0 : 1);", "return n / b;")
    edit(a8, "shuffle", SOLUTION_SHUFFLE, """    for (int i = 0; i < n; i++) {
        int j = rng.nextInt(n);""")
    answer(a8, "loop", """double[] train(Sequential net, Optimizer optimizer, Dataset data, int batchSize, int epochs, long seed) {
    Random rng = new Random(seed);
    int n = data.size();
    int[] order = shuffledOrder(n, rng);      // once, before the epochs
    double[] curve = new double[epochs];
    for (int e = 0; e < epochs; e++) {
        double sumOfMeans = 0;
        int count = 0;
        for (int from = 0; from < n; from += batchSize) {
            int[] idx = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
            sumOfMeans += net.gradients(data.rows(idx));
            optimizer.update(net.params());
            count++;
        }
        curve[e] = sumOfMeans / count;
    }
    return curve;
}""")
    return a8


def minibatch_mistakes2():
    """The batch count from the library's BatchSampler, a shuffle from a Random of its own, the loop handed
    to Trainer, a new network trained instead of moonNet; the cut is right."""
    a8 = source(NAME)
    answer(a8, "batches", "int batchesPerEpoch(int n, int b) {\n"
                          "    return dl.minibatch.BatchSampler.batchesPerEpoch(n, b);\n}")
    edit(a8, "shuffle", SOLUTION_SHUFFLE, """    Random own = new Random(0);
    for (int i = n - 1; i > 0; i--) {
        int j = own.nextInt(i + 1);""")
    answer(a8, "cut", """int[][] cutIntoBatches(int[] order, int b) {
    int n = order.length;
    int count = n / b + (n % b > 0 ? 1 : 0);
    int[][] out = new int[count][];
    for (int k = 0; k < count; k++) out[k] = Arrays.copyOfRange(order, k * b, Math.min(n, k * b + b));
    return out;
}""")
    answer(a8, "loop", """double[] train(Sequential net, Optimizer optimizer, Dataset data, int batchSize, int epochs, long seed) {
    History h = new Trainer(optimizer).batchSize(batchSize).epochs(epochs).seed(seed).fit(net, data);
    return Arrays.copyOfRange(h.trainLoss(), 1, epochs + 1);
}""")
    edit(a8, "mlp_run", "curve = train(moonNet, new Sgd(0.5), moons, 32, 20, 7);",
         "curve = train(newNet(1), new Sgd(0.5), moons, 32, 20, 7);")
    return a8


def robust_minibatch():
    """An edited and a deleted check cell, an exception in the cut, System.exit in the MLP run; the loop
    cuts its batches itself."""
    a8 = source(NAME)
    cell(a8, "shuffle_check").source = 'System.out.println("all checks passed, trust me");'
    edit(a8, "cut", "    int n = order.length;\n", "    int n = order.length;\n"
         '    if (b > n) throw new IllegalStateException("boom: a batch larger than the data set");\n')
    edit(a8, "loop", SOLUTION_LOOP, INLINE_CUT)
    a8.cells.remove(cell(a8, "curve_check"))
    edit(a8, "mlp_run", "// END SOLUTION", "System.exit(0);\n// END SOLUTION")
    return a8
