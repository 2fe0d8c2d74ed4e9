"""Noun phrases around a cue, found on the surface (no parser needed) or from the parse.

German nouns are capitalised, so a speaker phrase is: an optional determiner, lower-case
adjectives, capitalised words (names, nouns, titles) joined by "und", a genitive tail
("der Sprecher des Ministeriums"), a "von"-phrase after a name ("Selenskyj von der
Ukraine") and a relative clause set off by commas ("ein Diplomat, der mit dem Telefonat
vertraut ist"). When the Doc has a dependency parse, :func:`subject_of` reads the subject
from it instead.
"""

from __future__ import annotations

from typing import Any

Token = Any  # spacy.tokens.Token (imported lazily)

DETERMINERS = {
    "der", "die", "das", "ein", "eine", "einige", "mehrere", "zwei", "drei", "vier", "viele",
    "beide", "alle", "sein", "seine", "ihr", "ihre", "the", "a", "an", "two", "three", "some",
    "several", "many", "both", "his", "her", "their", "its", "zahlreiche", "diese", "dieser",
    "this", "these", "those", "another", "other", "andere", "weitere", "sowohl",
}  # fmt: skip
OBLIQUE = {"den", "dem", "des", "einem", "einen", "eines", "ihm", "ihn", "ihnen", "uns",
           "him", "them", "us"}  # fmt: skip
PRONOUNS = {"er", "sie", "wir", "ich", "man", "he", "she", "they", "we", "i", "it", "es",
            "you", "beide"}  # fmt: skip
RELATIVE = {"der", "die", "das", "dem", "den", "deren", "dessen", "welcher", "welche",
            "welches", "who", "which", "that", "whose", "whom"}  # fmt: skip
PREPOSITIONS = {
    "in", "im", "mit", "für", "zu", "zum", "zur", "auf", "an", "am", "bei", "beim", "aus",
    "über", "unter", "vor", "während", "gegenüber", "nach", "seit", "um", "durch", "ohne",
    "gegen", "trotz", "wegen", "anlässlich", "bis", "ab", "of", "on", "at", "for", "with",
    "to", "by", "from", "into", "after", "before", "during", "about", "via", "per", "as",
    "like", "than", "vom", "von", "als",
}  # fmt: skip
ADVERBS = {
    "jedoch", "aber", "auch", "dazu", "zudem", "außerdem", "ferner", "heute", "gestern",
    "morgen", "bereits", "schon", "nun", "jetzt", "damals", "später", "zuvor", "dann",
    "erneut", "weiter", "weiterhin", "nochmals", "noch", "ebenfalls", "zugleich", "daraufhin",
    "darüber", "hinaus", "trotzdem", "dennoch", "insbesondere", "allerdings", "demnach",
    "zunächst", "ausdrücklich", "deutlich", "offenbar", "wörtlich", "abschließend",
    "gleichzeitig", "inzwischen", "mittlerweile", "zwar", "nicht", "indes", "hingegen",
    "also", "however", "too", "then", "later", "earlier", "again", "previously", "recently",
    "today", "yesterday", "now", "still", "meanwhile", "further", "repeatedly", "publicly",
    "privately", "separately", "explicitly", "reportedly", "zufolge", "sogar", "so",
    "vergangene", "vergangenen", "letzte", "letzten", "am", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "abend", "mittag", "wochenende",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on",
    "sich", "gerne", "lediglich", "nur", "einmal",
}  # fmt: skip
BOUNDARY = {",", ";", ":", ".", "!", "?", "–", "—", "(", ")", "„", "“", "”", '"', "»", "«"}


def is_cap(tok: Token) -> bool:
    t = tok.text
    return t[:1].isupper() or (t[:1].isdigit() and "-" in t)


def _word(tok: Token) -> str:
    return tok.text.lower()


def _np_core_right(toks: list[Token], i: int, limit: int) -> int:
    """Extend a noun phrase that starts at ``i`` to the right; returns its end index."""
    j = i
    if j < limit and _word(toks[j]) in PRONOUNS:
        return j + 1
    if j < limit and (_word(toks[j]) in DETERMINERS or _word(toks[j]) in OBLIQUE):
        j += 1
    while j < limit and (toks[j].text[:1].islower() and _word(toks[j]) not in PREPOSITIONS
                         and _word(toks[j]) not in ADVERBS and toks[j].is_alpha
                         and not _is_verbish(toks[j])):
        j += 1  # adjectives
    start_caps = j
    while j < limit and (is_cap(toks[j]) or (toks[j].text in {"-", "'", "’s", "'s", "."}
                         and j > start_caps)):
        if toks[j].text == "." and not (j > 0 and (len(toks[j - 1].text) == 1
                                                   or (toks[j - 1].text.istitle()
                                                   and len(toks[j - 1].text) <= 3))):
            break
        j += 1
    if j == start_caps:
        return i if j == i else j
    # "Sonia und Willy Bogner", genitive tail, "von der Ukraine"
    while j + 1 < limit:
        w = _word(toks[j])
        if (w in {"und", "and"} and is_cap(toks[j + 1])) or (w in {"des", "der", "of", "for"} and (
            is_cap(toks[j + 1]) or (toks[j + 1].text[:1].islower() and j + 2 < limit
            and is_cap(toks[j + 2]) and _word(toks[j + 1]) not in PREPOSITIONS)
        )):
            j = _np_core_right(toks, j + 1, limit)
        elif w == "von" and _word(toks[j + 1]) in {"der", "den", "dem"} and j + 2 < limit \
                and is_cap(toks[j + 2]):
            j = _np_core_right(toks, j + 2, limit)
        elif toks[j].text == "(":
            close = next((k for k in range(j, min(limit, j + 8)) if toks[k].text == ")"), None)
            if close is None:
                break
            j = close + 1
        else:
            break
    return j


def _is_verbish(tok: Token) -> bool:
    pos = tok.pos_
    return pos in {"VERB", "AUX"} if pos else False


def relative_clause_end(toks: list[Token], j: int, limit: int) -> int:
    """If ``toks[j]`` is a comma opening a relative clause, the index after it; else j."""
    if j + 1 >= limit or toks[j].text != ",":
        return j
    nxt = _word(toks[j + 1])
    prep_rel = nxt in PREPOSITIONS and j + 2 < limit and _word(toks[j + 2]) in RELATIVE
    if nxt not in RELATIVE and not prep_rel:
        return j
    k = j + 1
    while k < limit and toks[k].text not in {",", ";", ":", ".", "!", "?", "–", "—"}:
        k += 1
    return k


def np_right(
    toks: list[Token], i: int, limit: int, oblique: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at or just after ``i`` (skipping adverbs); token indices.

    ``oblique`` admits a dative/accusative determiner (after "von", "by").
    """
    while i < limit and (_word(toks[i]) in ADVERBS or toks[i].text in {",", "–"}):
        i += 1
    if i >= limit or toks[i].text in BOUNDARY or toks[i].is_space:
        return None
    if _word(toks[i]) in OBLIQUE and not oblique:
        return None
    if _word(toks[i]) in PREPOSITIONS:
        return None
    if toks[i].doc.lang_ == "en" and toks[i].doc.has_annotation("DEP"):
        return _np_parsed(toks, i, limit)
    j = _np_core_right(toks, i, limit)
    if j <= i:
        return None
    return i, relative_clause_end(toks, j, limit)


def np_left(toks: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``end`` (a cue or auxiliary), if any.

    Skips back over a relative clause ("Ein Beamter, der … war, erklärte") and adverbs.
    """
    k = end
    while k > floor and _word(toks[k - 1]) in ADVERBS - {"am", "on"}:
        k -= 1
    if k > floor and toks[k - 1].text == ",":
        # a relative clause between the noun and the verb
        m = k - 2
        while m > floor and toks[m].text not in {",", ";", ":", ".", "„", "“"}:
            m -= 1
        if m >= floor and toks[m].text == "," and m + 1 < k and (
            _word(toks[m + 1]) in RELATIVE
            or (_word(toks[m + 1]) in PREPOSITIONS and m + 2 < k
                and _word(toks[m + 2]) in RELATIVE)
        ):
            inner = np_left(toks, m, floor)
            if inner:
                return inner[0], k - 1
        return None
    # walk back to the phrase start: the clause start or a preposition/verb
    start = k
    while start > floor:
        prev = toks[start - 1]
        w = _word(prev)
        if prev.text in BOUNDARY or w in PREPOSITIONS or _is_verbish(prev):
            break
        if w in OBLIQUE or w in {"dass", "that", "wie", "as", "ob", "if", "weil", "because",
                                 "wenn", "when", "während", "while", "nachdem"}:
            break
        if w in ADVERBS and start < k:
            break
        start -= 1
    if start >= k:
        return None
    first = _word(toks[start])
    while start < k and first in ADVERBS:
        start += 1
        first = _word(toks[start]) if start < k else ""
    if start >= k or first in OBLIQUE or first in PREPOSITIONS:
        return None
    return start, k


def subject_of(cue: Token) -> tuple[int, int] | None:
    """From a dependency parse: the subject (or passive agent) of the cue; token indices."""
    heads = [cue]
    if cue.dep_ in {"xcomp", "conj"} and cue.head is not cue:
        heads.append(cue.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubjpass", "nsubj:pass", "sb"}:
                sub = list(child.subtree)
                return sub[0].i, sub[-1].i + 1
        for child in head.children:
            if child.dep_ == "agent" or child.dep_ == "obl:agent":
                objs = [c for c in child.children if c.dep_ in {"pobj", "nk"}]
                sub = list((objs[0] if objs else child).subtree)
                return sub[0].i, sub[-1].i + 1
    return None


def _np_parsed(toks: list[Token], i: int, limit: int) -> tuple[int, int] | None:
    """English: the noun phrase at ``i`` from the parse (its head noun's subtree)."""
    k = i
    while k < limit and toks[k].pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
        if toks[k].text in BOUNDARY:
            return None
        k += 1
    if k >= limit:
        return None
    head = toks[k]
    while head.head.i != head.i and i <= head.head.i < limit and head.head.pos_ in {
            "NOUN", "PROPN"} and head.dep_ in {"compound", "amod", "nmod", "poss", "nummod"}:
        head = head.head
    sub = [t for t in head.subtree if i <= t.i < limit]
    if not sub:
        return None
    end = sub[-1].i + 1
    while end > i and toks[end - 1].text in BOUNDARY:
        end -= 1
    return (i, end) if end > i else None
