#!/usr/bin/env python3
"""Write a stratified, seeded subset of Fashion-MNIST in the original IDX (gzip) format.

Usage:
    python3 tools/data/make_fashion_subset.py [--src DIR] [--out DIR]
                                              [--train N] [--test N] [--seed S]

Defaults reproduce the files shipped in data/fashion-mnist/:
    --src /usr/share/datasets/fashion-mnist  (Debian package dataset-fashion-mnist)
    --out data/fashion-mnist  --train 20000 --test 2000 --seed 20240601

For each split, N/10 images of every class are drawn without replacement (a Fisher-Yates
shuffle driven by SplitMix64, so the result does not depend on the Python version) and then
written in their original order, so the subset keeps the classes as mixed as the original.
The gzip streams carry no time stamp or file name, so the output is byte-for-byte reproducible.
Python standard library only.
"""
import argparse
import gzip
import hashlib
import os
import struct
import sys

NUM_CLASSES = 10
MASK64 = (1 << 64) - 1


class SplitMix64:
    """Tiny deterministic 64-bit generator (Steele, Lea & Flood 2014)."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, bound):
        """Uniform integer in [0, bound) by rejection (no modulo bias)."""
        limit = (1 << 64) - ((1 << 64) % bound)
        while True:
            r = self.next()
            if r < limit:
                return r % bound


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    found = struct.unpack(">I", data[:4])[0]
    if found != magic:
        sys.exit(f"{path}: expected IDX magic {magic}, found {found}")
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    header = 4 + 4 * ndim
    item = 1
    for d in dims[1:]:
        item *= d
    expected = header + dims[0] * item
    if len(data) != expected:
        sys.exit(f"{path}: expected {expected} bytes, found {len(data)}")
    return dims, data[header:], item


def stratified(labels, per_class, rng):
    chosen = []
    for c in range(NUM_CLASSES):
        idx = [i for i, y in enumerate(labels) if y == c]
        if len(idx) < per_class:
            sys.exit(f"class {c} has only {len(idx)} samples, {per_class} requested")
        for i in range(len(idx) - 1, 0, -1):  # Fisher-Yates
            j = rng.below(i + 1)
            idx[i], idx[j] = idx[j], idx[i]
        chosen.extend(idx[:per_class])
    return sorted(chosen)


def write_gz(path, payload):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(payload)


def subset(src, out, prefix, n, rng):
    if n % NUM_CLASSES:
        sys.exit(f"--{'train' if prefix == 'train' else 'test'} must be a multiple of {NUM_CLASSES}, got {n}")
    img_dims, pixels, item = read_idx(os.path.join(src, f"{prefix}-images-idx3-ubyte.gz"), 2051)
    lab_dims, labels, _ = read_idx(os.path.join(src, f"{prefix}-labels-idx1-ubyte.gz"), 2049)
    if img_dims[0] != lab_dims[0]:
        sys.exit(f"{prefix}: {img_dims[0]} images but {lab_dims[0]} labels")
    chosen = stratified(labels, n // NUM_CLASSES, rng)
    img = bytearray(struct.pack(">IIII", 2051, n, img_dims[1], img_dims[2]))
    lab = bytearray(struct.pack(">II", 2049, n))
    for i in chosen:
        img += pixels[i * item:(i + 1) * item]
        lab.append(labels[i])
    for name, payload in ((f"{prefix}-images-idx3-ubyte.gz", img), (f"{prefix}-labels-idx1-ubyte.gz", lab)):
        path = os.path.join(out, name)
        write_gz(path, bytes(payload))
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        print(f"{path}: {n} items, {os.path.getsize(path)} bytes, sha256 {digest}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--src", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--out", default="data/fashion-mnist")
    p.add_argument("--train", type=int, default=20000)
    p.add_argument("--test", type=int, default=2000)
    p.add_argument("--seed", type=int, default=20240601)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = SplitMix64(a.seed)
    subset(a.src, a.out, "train", a.train, rng)
    subset(a.src, a.out, "t10k", a.test, rng)


if __name__ == "__main__":
    main()
