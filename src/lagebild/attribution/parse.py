"""The speaker of a cue verb read from the dependency parse, guarded against parse errors.

The German model's parser is not perfect (LAS ≈ 0.7): it often gives a verb two subjects
("Dies bestätigte Stoiber": both ``nsubj``) or calls a sentence-initial adverb a subject
("Offiziell geht die Regierung …"). :func:`parse_speaker` therefore collects every
subject-like dependent of the cue (``nsubj``, and nominative nouns under other labels),
drops demonstratives ("dies", "das"), phrases inside the content and phrases after
"als", and – when two remain – prefers the one after the verb over a bare one-word
prefield. A passive agent ("von Stolpe … bezeichnet") wins over the subject. The span is
the candidate's subtree (appositions and relative clauses included), cut at the cue and
at the content.
"""

from __future__ import annotations

from typing import Any

from lagebild.attribution.phrases import ADVERBS, PREPOSITIONS

Token = Any

SUBJ = {"nsubj", "sb", "csubj"}
PASSIVE = {"aux:pass", "auxpass"}
AGENT = {"obl:agent", "agent"}
NOMINAL = {"NOUN", "PROPN", "PRON"}
DEMONSTRATIVE = {"dies", "das", "dieses", "diese", "es", "was", "this", "that", "it", "which",
                 "who", "der", "die", "welche", "welcher", "welches", "man", "one", "there",
                 "wer", "what"}  # fmt: skip
_EDGE = {",", ";", ":", "–", "—", "-", "(", ")", ".", "„", "“", "”", '"', "»", "«"}


def _heads(cue: Token) -> list[Token]:
    heads = [cue]
    if cue.dep_ in {"xcomp", "conj"} and cue.head is not cue:
        heads.append(cue.head)
    return heads


def _span(tok: Token, cue: int, lo: int, hi: int, avoid: range) -> tuple[int, int] | None:
    """The candidate's subtree, contiguous around ``tok``, cut at the cue and the content."""
    idx = {t.i for t in tok.subtree}
    a = b = tok.i
    while a - 1 >= lo and (a - 1) in idx and a - 1 != cue and (a - 1) not in avoid:
        a -= 1
    while b + 1 < hi and (b + 1) in idx and b + 1 != cue and (b + 1) not in avoid \
            and doc_word(tok, b + 1) not in {"als", "as"}:
        b += 1
    doc = tok.doc
    while a < b and doc[a].text in _EDGE | {"von", "by"}:
        a += 1
    while b > a and doc[b].text in _EDGE:
        b -= 1
    return a, b + 1


def doc_word(tok: Token, k: int) -> str:
    return tok.doc[k].text.lower()


def _ok(tok: Token, lo: int, hi: int, avoid: range) -> bool:
    if not (lo <= tok.i < hi) or tok.i in avoid or tok.is_punct:
        return False
    w = tok.text.lower()
    if w in DEMONSTRATIVE and not any(True for _ in tok.children):
        return False
    first = next(iter(tok.subtree))
    if first.text.lower() in {"den", "dem", "einem", "einen", "des", "eines", "ihm", "ihn",
                              "ihnen", "uns", "mir", "mich"}:
        return False  # never a nominative
    if ((first.pos_ == "ADP" or first.text.lower() in PREPOSITIONS) and \
            first.text.lower() not in {"von", "vom", "by"}) or \
            any(t.text == "Uhr" for t in tok.subtree):
        return False  # "Gegenüber Spiegel Online", "15:36 Uhr"
    if not any(True for _ in tok.children) and (w in ADVERBS or _bare(tok)):
        return False  # "Zuletzt", "Sinngemäß", "Offiziell"
    prev = tok.doc[first.i - 1] if first.i > 0 else None
    return not (prev is not None and prev.text.lower() in {"als", "as", "wie"}) and \
        first.text.lower() not in {"als", "as", "wie"}


def parse_speaker(
    toks: list[Token], i: int, lo: int, hi: int, avoid: range = range(0),
    passive_subject: bool = False,
) -> tuple[int, int] | None:
    """Token range of the speaker of the cue at ``i`` within the sentence ``[lo, hi)``.

    ``avoid`` is the token range of the content (never part of the speaker).
    ``passive_subject``: the subject of a passive cue speaks ("X wird zitiert").
    """
    cue = toks[i]
    heads = _heads(cue)
    passive = any(c.dep_ in PASSIVE for head in heads for c in head.children)
    for head in heads:
        for child in head.children:
            by = any(c.dep_ == "case" and c.text.lower() in {"von", "vom", "by"}
                     for c in child.children)
            if (child.dep_ in AGENT or (passive and child.dep_ == "obl" and by)) and \
                    _ok(child, lo, hi, avoid):
                return _span(child, i, lo, hi, avoid)
    if passive and not passive_subject:
        return None  # the subject of a passive is not the speaker
    cands: list[Token] = []
    for head in heads:
        for child in head.children:
            if child in cands or not _ok(child, lo, hi, avoid):
                continue
            nom = "Nom" in child.morph.get("Case") and child.pos_ in NOMINAL
            if child.dep_ in SUBJ or child.dep_ == "nsubj:pass" or (
                    nom and child.dep_ in {"obl:arg", "obj", "appos", "dep", "nmod", "obl"}):
                cands.append(child)
    cands = [c for c in cands if not _other_clause(toks, c.i, i)]
    if not cands:
        return None
    if len(cands) > 1:
        real = [c for c in cands if c.dep_ in SUBJ] or cands
        after = [c for c in real if c.i > i]
        before = [c for c in real if c.i < i]
        if after and before and all(_bare(c) for c in before):
            real = after
        best = max(agentive(c) for c in real)
        cands = [c for c in real if agentive(c) == best]
    return _span(cands[0], i, lo, hi, avoid)


_SUBORD = {"während", "weil", "dass", "wenn", "als", "ob", "nachdem", "obwohl", "da", "wobei",
           "sondern", "damit", "while", "because", "although", "whereas"}  # fmt: skip


def _other_clause(toks: list[Token], a: int, b: int) -> bool:
    """A comma plus a subordinator lies between ``a`` and ``b``: different clauses."""
    lo, hi = min(a, b), max(a, b)
    return any(toks[k].text == "," and toks[k + 1].text.lower() in _SUBORD
               for k in range(lo, hi - 1))


def agentive(tok: Token) -> int:
    """How much a phrase looks like someone who speaks (person, institution) – 0 to 2."""
    from lagebild.attribution.lexicon import lexicon

    if tok.pos_ == "PRON":
        return 2 if tok.text.lower() in {"er", "sie", "wir", "ich", "he", "she", "they", "we",
                                         "i"} else 0
    words = [t for t in tok.subtree if t.i <= tok.i + 4]
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PER", "ORG", "PERSON"} for t in words):
        return 2
    lex = lexicon()
    w = tok.text.lower()
    if w in lex.titles or w.startswith(lex.title_prefixes) or w in lex.org_words or \
            w.endswith(lex.org_suffixes):
        return 2
    return 1 if tok.pos_ == "PROPN" else 0


ADJ_ENDS = ("lich", "ig", "isch", "ell", "iv", "bar", "los", "weise", "sam", "haft", "al",
             "end", "zeit")


def _bare(tok: Token) -> bool:
    """A one-word adjective or adverb parsed as subject ("Offiziell geht …", "Besorgt …")."""
    if any(True for _ in tok.children) or tok.pos_ == "PRON":
        return False
    w = tok.text.lower()
    return w.endswith(ADJ_ENDS) or w.endswith("gemäß") or w in {"zuletzt", "erst", "dabei"} \
        or (w.startswith(("ge", "be", "er", "ver")) and w.endswith("t"))
