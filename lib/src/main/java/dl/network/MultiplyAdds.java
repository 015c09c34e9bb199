package dl.network;

import dl.convolution.Convolution;
import dl.layers.Dense;
import dl.layers.Layer;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The multiply-adds (곱셈-누산) of one forward pass for one sample, the usual measure of a network's
 * computation:
 * <pre>
 *   dense layer n_in → n_out:        n_in · n_out
 *   convolution, FN filters C×FH×FW: (C·FH·FW) · FN · OH · OW
 * </pre>
 * Activations, pooling and batch norm do a few operations per value and are counted as 0.
 */
public final class MultiplyAdds {
    private MultiplyAdds() {
    }

    /** Multiply-adds of one layer for one sample. */
    public static long of(Layer layer) {
        Objects.requireNonNull(layer, "layer");
        if (layer instanceof Dense d) {
            return (long) d.inputSize() * d.outputSize();
        }
        if (layer instanceof Convolution c) {
            return (long) c.weights().numRows * c.outputSize();   // (C·FH·FW) × (FN·OH·OW)
        }
        return 0;
    }

    /** Multiply-adds of a whole network for one sample: the sum over its layers. */
    public static long of(Sequential net) {
        Objects.requireNonNull(net, "net");
        long total = 0;
        for (Layer layer : net.layers()) {
            total += of(layer);
        }
        return total;
    }

    /** One row per layer: the layer, its learned parameters and its multiply-adds per sample. */
    public static Table table(Sequential net) {
        Objects.requireNonNull(net, "net");
        List<Layer> layers = net.layers();
        StringColumn names = StringColumn.create("layer");
        LongColumn params = LongColumn.create("parameters");
        LongColumn macs = LongColumn.create("multiply-adds");
        for (Layer layer : layers) {
            names.append(layer.toString());
            params.append(layer.params().stream().mapToLong(p -> p.value().getNumElements()).sum());
            macs.append(of(layer));
        }
        return Table.create("multiply-adds per sample", names, params, macs);
    }
}
