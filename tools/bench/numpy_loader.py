"""Reads the Fashion-MNIST IDX files (gzip) of DATA_DIR into uint8 NumPy arrays (for the bench peers)."""
import gzip
import struct

import numpy as np


def load(directory):
    def images(path):
        with gzip.open(path) as f:
            _, n, rows, cols = struct.unpack(">IIII", f.read(16))
            return np.frombuffer(f.read(), np.uint8).reshape(n, rows * cols)

    def labels(path):
        with gzip.open(path) as f:
            struct.unpack(">II", f.read(8))
            return np.frombuffer(f.read(), np.uint8)

    return (images(f"{directory}/train-images-idx3-ubyte.gz"), labels(f"{directory}/train-labels-idx1-ubyte.gz"),
            images(f"{directory}/t10k-images-idx3-ubyte.gz"), labels(f"{directory}/t10k-labels-idx1-ubyte.gz"))
