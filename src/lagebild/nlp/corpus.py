"""Gold data readers for training and scoring: CoNLL-U trees and NER token files.

Both formats are read into small records that keep their raw text block, so a
held-out split can be written back unchanged. Multi-word tokens of CoNLL-U ("im" =
"in" + "dem") are merged into the surface token, the way a spaCy tokenizer sees
them (STTS ``APPRART``). Held-out dev splits are carved by a stable hash of each
sentence (:func:`is_dev`), so the same sentences are held out on every machine.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from lagebild.errors import EvalError

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

T = TypeVar("T")

DEV_FRACTION = 0.15
SPLIT_SALT = "lagebild-dev-v1"

# STTS tags that never occur in the Penn tag set (German PUD uses PTB-style XPOS).
_STTS_ONLY = {"ART", "APPR", "ADJA", "ADJD", "VVFIN", "VAFIN", "KON", "NE", "$.", "$,", "PPER"}


@dataclass(frozen=True, slots=True)
class UDToken:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str  # "" when empty
    head: int  # 0-based index into the sentence, or -1 for the root
    deprel: str
    space_after: bool


@dataclass(frozen=True, slots=True)
class UDSentence:
    key: str  # sent_id, else the text
    text: str
    tokens: tuple[UDToken, ...]
    raw: str  # the CoNLL-U block as read


@dataclass(frozen=True, slots=True)
class NERSentence:
    key: str
    words: tuple[str, ...]
    tags: tuple[str, ...]  # BIO over the outer spans, labels already mapped
    raw: str


def is_dev(key: str, fraction: float = DEV_FRACTION) -> bool:
    """Whether a sentence (by its key) belongs to the held-out dev split."""
    digest = hashlib.sha1(f"{SPLIT_SALT}:{key}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < fraction


def split(items: Sequence[T]) -> tuple[list[T], list[T]]:
    """(train, dev) by :func:`is_dev`."""
    train = [s for s in items if not is_dev(_key(s))]
    dev = [s for s in items if is_dev(_key(s))]
    return train, dev


def _key(item: object) -> str:
    return str(getattr(item, "key", item))


def subsample(items: Sequence[T], fraction: float) -> list[T]:
    """A stable prefix-free subsample (by hash) for learning curves."""
    if fraction >= 1.0:
        return list(items)
    return [s for s in items if _unit(str(getattr(s, "key", s))) < fraction]


def _unit(key: str) -> float:
    digest = hashlib.sha1(f"lagebild-curve:{key}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


# ---------------------------------------------------------------- CoNLL-U


def read_conllu(path: Path | str) -> list[UDSentence]:
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"cannot read CoNLL-U file: {err}", path=str(path)) from err
    sentences = []
    for number, block in enumerate(content.split("\n\n")):
        if not block.strip():
            continue
        try:
            sentences.append(_parse_block(block.strip("\n"), number))
        except (ValueError, IndexError) as err:
            raise EvalError(f"malformed CoNLL-U sentence #{number + 1}: {err}",
                            path=str(path)) from err
    if not sentences:
        raise EvalError("no sentences in CoNLL-U file", path=str(path))
    return sentences


def has_stts(sentences: Iterable[UDSentence]) -> bool:
    return any(t.xpos in _STTS_ONLY for s in sentences for t in s.tokens)


def _parse_block(block: str, number: int) -> UDSentence:
    meta: dict[str, str] = {}
    rows: list[list[str]] = []
    for line in block.split("\n"):
        if line.startswith("#"):
            name, sep, value = line[1:].partition("=")
            if sep:
                meta.setdefault(name.strip(), value.strip())
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"expected 10 columns, got {len(cols)}")
        if "." in cols[0]:  # empty nodes of enhanced UD
            continue
        rows.append(cols)
    tokens = _merge_multiword(rows)
    text = meta.get("text") or "".join(
        t.form + (" " if t.space_after else "") for t in tokens
    ).strip()
    return UDSentence(meta.get("sent_id", text or str(number)), text, tuple(tokens), block)


def _merge_multiword(rows: list[list[str]]) -> list[UDToken]:
    """Token list with each multi-word range merged into one surface token."""
    words = {int(r[0]): r for r in rows if r[0].isdigit()}
    ranges = {}
    for r in rows:
        if "-" in r[0]:
            first, last = (int(x) for x in r[0].split("-"))
            ranges[first] = (last, r)
    # map each word id to the index of the token that contains it
    index: dict[int, int] = {}
    groups: list[tuple[list[int], list[str] | None]] = []
    wid = 1
    while wid <= len(words):
        if wid in ranges:
            last, row = ranges[wid]
            groups.append((list(range(wid, last + 1)), row))
            wid = last + 1
        else:
            groups.append(([wid], None))
            wid += 1
    for i, (ids, _) in enumerate(groups):
        for w in ids:
            index[w] = i
    tokens = []
    for i, (ids, mwt) in enumerate(groups):
        parts = [words[w] for w in ids]
        outside = [p for p in parts if int(p[6] or 0) not in ids] or parts
        gov = outside[0]
        head_id = int(gov[6]) if gov[6].isdigit() else 0
        head = -1 if head_id == 0 else index[head_id]
        if head == i:
            head = -1
        misc = (mwt or parts[-1])[9]
        if mwt is None:
            form, lemma, upos, xpos, feats = gov[1], gov[2], gov[3], gov[4], gov[5]
        else:
            form, lemma, upos = mwt[1], gov[2], gov[3]
            xposes = [p[4] for p in parts]
            xpos = "APPRART" if xposes == ["APPR", "ART"] else "+".join(xposes)
            feats = _union_feats(p[5] for p in parts)
        tokens.append(UDToken(
            form=form, lemma="" if lemma == "_" else lemma, upos=upos,
            xpos="" if xpos == "_" else xpos, feats="" if feats == "_" else feats,
            head=head, deprel=gov[7],
            space_after="SpaceAfter=No" not in misc,
        ))
    return tokens


def _union_feats(values: Iterable[str]) -> str:
    feats: dict[str, str] = {}
    for value in values:
        if value in ("", "_"):
            continue
        for pair in value.split("|"):
            name, _, val = pair.partition("=")
            feats.setdefault(name, val)
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))


def ud_doc(vocab: Vocab, sentences: Sequence[UDSentence], *, tags: bool = True) -> Doc:
    """One gold ``Doc`` from consecutive sentences (sentence starts set)."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tag: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    for sent in sentences:
        offset = len(words)
        for i, tok in enumerate(sent.tokens):
            words.append(tok.form)
            last = i == len(sent.tokens) - 1
            spaces.append(True if last else tok.space_after)
            lemmas.append(tok.lemma)
            pos.append(tok.upos)
            tag.append(tok.xpos if tags else "")
            morphs.append(tok.feats)
            heads.append(offset + (i if tok.head < 0 else tok.head))
            deps.append("ROOT" if tok.head < 0 else tok.deprel)
            starts.append(i == 0)
    if spaces:
        spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tag,
               morphs=morphs, heads=heads, deps=deps, sent_starts=starts)


def chunk(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


# ---------------------------------------------------------------- NER

# GermEval 2014 labels → ours: OTH is MISC; "-part" folds into the base label.
_GERMEVAL_LABELS = {"OTH": "MISC"}


def map_ner_label(label: str) -> str:
    deriv = label.endswith("deriv")
    base = label.removesuffix("deriv").removesuffix("part")
    base = _GERMEVAL_LABELS.get(base, base)
    return base + ("deriv" if deriv else "")


def read_ner(path: Path | str) -> list[NERSentence]:
    """GermEval 2014 TSV (outer column) or CoNLL (tag in the last column)."""
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"cannot read NER file: {err}", path=str(path)) from err
    sentences = []
    for number, block in enumerate(content.split("\n\n")):
        rows = [ln for ln in block.split("\n") if ln.strip() and not ln.startswith("#")]
        rows = [r for r in rows if not r.startswith("-DOCSTART-")]
        if not rows:
            continue
        words, tags = [], []
        for row in rows:
            cols = row.split("\t") if "\t" in row else row.split()
            if len(cols) < 2:
                raise EvalError(f"sentence #{number + 1}: no tag column in {row!r}",
                                path=str(path))
            germeval = len(cols) >= 3 and cols[0].isdigit()
            word, tag = (cols[1], cols[2]) if germeval else (cols[0], cols[-1])
            words.append(word)
            tags.append(_map_tag(tag))
        words = _strip_language_prefix(words)
        comment = next((ln for ln in block.split("\n") if ln.startswith("#")), "")
        key = f"{comment}|{' '.join(words)}"
        sentences.append(NERSentence(key, tuple(words), tuple(_repair_bio(tags)), block))
    if not sentences:
        raise EvalError("no sentences in NER file", path=str(path))
    return sentences


def _strip_language_prefix(words: list[str]) -> list[str]:
    """WikiANN writes every token as "en:word"; drop such a shared prefix."""
    prefix = words[0][:3] if words and len(words[0]) > 3 and words[0][2] == ":" else ""
    if prefix and all(w.startswith(prefix) and len(w) > 3 for w in words):
        return [w[3:] for w in words]
    return words


def _map_tag(tag: str) -> str:
    if tag in ("O", "", "_"):
        return "O"
    prefix, sep, label = tag.partition("-")
    if not sep or prefix not in ("B", "I", "E", "S", "L", "U"):
        return "O"
    prefix = {"S": "B", "U": "B", "E": "I", "L": "I"}[prefix] if prefix not in "BI" else prefix
    return f"{prefix}-{map_ner_label(label)}"


def _repair_bio(tags: list[str]) -> list[str]:
    """An I- that does not continue a span of the same label starts one."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def ner_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from BIO tags."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-") and spans and spans[-1][1] == i:
            start, _, label = spans[-1]
            spans[-1] = (start, i + 1, label)
    return spans


def ner_doc(vocab: Vocab, sentence: NERSentence) -> Doc:
    from spacy.tokens import Doc, Span

    doc = Doc(vocab, words=list(sentence.words))
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ner_spans(sentence.tags)]
    return doc


# ---------------------------------------------------------------- splits of the shipped data

UD_FILES = ("ud_german_gsd/de_gsd-ud-test.conllu", "ud_german_pud/de_pud-ud-test.conllu")
NER_FILES = ("germeval2014_ner/NER-de-test.tsv",)
TUNE_SALT = "lagebild-tune-v1"
TUNE_FRACTION = 0.08


def is_tune(key: str) -> bool:
    """Sentences of the train split kept aside for early stopping (never scored on)."""
    digest = hashlib.sha1(f"{TUNE_SALT}:{key}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < TUNE_FRACTION


def write_dev_splits(shared: Path | str, out: Path | str) -> dict[str, Path]:
    """Write the held-out German dev splits (UD CoNLL-U, GermEval TSV) under ``out``.

    Returns ``{"ud": path, "ner": path}``. The split is a pure function of the data.
    """
    shared, out = Path(shared), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ud_blocks = [s.raw for f in UD_FILES for s in split(read_conllu(shared / f))[1]]
    ner_blocks = [s.raw for f in NER_FILES for s in split(read_ner(shared / f))[1]]
    paths = {"ud": out / "de_ud_dev.conllu", "ner": out / "de_ner_dev.tsv"}
    paths["ud"].write_text("\n\n".join(b.strip("\n") for b in ud_blocks) + "\n\n", "utf-8")
    paths["ner"].write_text("\n\n".join(b.strip("\n") for b in ner_blocks) + "\n\n", "utf-8")
    return paths
