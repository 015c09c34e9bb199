package dl.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.activations.Activation;
import dl.init.Init;
import org.junit.jupiter.api.Test;

class MultiplyAddsTest {

    @Test
    void multiplyAddsOfDenseAndConvolution() {
        assertEquals(784L * 50 + 50 * 10, MultiplyAdds.of(Mlp.of(784, 50, 10).seed(1).build()));
        dl.convolution.Convolution conv = new dl.convolution.Convolution(1, 28, 28, 8, 3, 1, 0, Init.he(), 1);
        // 8 filters of 1×3×3 over a 26×26 output: 9 · 8 · 676
        assertEquals(9L * 8 * 26 * 26, MultiplyAdds.of(conv));
        assertEquals(0, MultiplyAdds.of(new dl.layers.ActivationLayer(Activation.relu())));
        Sequential net = Mlp.of(4, 3, 2).seed(1).build();
        var t = MultiplyAdds.table(net);
        assertEquals(3, t.rowCount());
        assertEquals(4L * 3 + 3 + 3 * 2 + 2, t.longColumn("parameters").sum(), 0);
    }
}
