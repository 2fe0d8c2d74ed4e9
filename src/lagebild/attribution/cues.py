"""Cue words: communication verbs, and the according-to markers ("laut", "so", "zufolge").

:func:`cue_at` says whether a token is a cue verb (German by word form, with the
separable particle found at the clause end; English by lemma). :func:`markers` finds the
according-to constructions of a sentence with the noun phrase that names the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lagebild.attribution.lexicon import lexicon
from lagebild.attribution.phrases import (
    ADVERBS,
    BOUNDARY,
    PREPOSITIONS,
    np_left,
    np_right,
)

Token = Any

# verbs that need a clause or a quote: never "reported" on their own
NOT_REPORTED = {
    "sagen", "meinen", "glauben", "hoffen", "erwarten", "fürchten", "befürchten", "denken",
    "wissen", "fragen", "antworten", "erwidern", "ergänzen", "schreiben", "twittern",
    "posten", "zitieren", "informieren", "vermuten", "spekulieren", "fügen", "say", "tell",
    "add", "write", "think", "believe", "hope", "expect", "fear", "worry", "ask", "answer",
    "reply", "respond", "know", "quote", "note", "show", "find", "rule", "point",
    "mention", "post", "tweet", "state", "explain", "halten", "nennen", "drohen",
    "zustimmen",
}  # fmt: skip
AUX_DE = {
    "hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten", "ist", "sind", "war",
    "waren", "wurde", "wurden", "wird", "werden", "sei", "seien", "worden", "würde",
    "würden", "will", "wollte", "wollten", "kann", "konnte", "könne", "muss", "musste",
    "soll", "sollte", "sollten", "dürfte", "möchte", "wollen", "können", "müssen",
}  # fmt: skip
AUX_EN = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "did", "does"}
CLAUSE_END = {",", ";", ":", ".", "!", "?", "–", "—", "„", "“", "”", '"', "»", "«", "dass",
              "that"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    tokens: tuple[int, ...]  # the verb (and its particle)
    lemma: str
    reported_ok: bool


def _apposition_end(toks: list[Token], k: int, limit: int) -> bool:
    """``toks[k]`` is the comma before or after a short apposition (", Andreas Huber,")."""
    for d in (1, -1):
        inner = 0
        m = k + d
        while 0 <= m < limit and inner <= 6 and toks[m].text != ",":
            t = toks[m]
            if t.pos_ in {"VERB", "AUX", "SCONJ"} or t.text.lower() in CLAUSE_END:
                return False
            inner += 1
            m += d
        if 0 <= m < limit and toks[m].text == "," and 0 < inner <= 6 and \
                any(t.text[:1].isupper() for t in toks[min(k, m) : max(k, m)]):
            return True
    return False


def _particle_at_end(toks: list[Token], i: int, limit: int, particle: str) -> int | None:
    for k in range(i + 1, min(limit, i + 25)):
        w = toks[k].text
        if w == "," and k + 1 < limit and (toks[k + 1].text[:1].isdigit() or (
                toks[k + 1].text.lower() in {"dem", "den"} and k + 2 < limit
                and toks[k + 2].text[:1].isdigit())):
            continue  # ", dem 27. März,"
        if w == "," and any(t.text[:1].isdigit() for t in toks[max(i, k - 3) : k]) and \
                k + 1 < limit and \
                toks[k + 1].text.lower() in {"die", "der", "das", "den", "dem", "eine", "einen"}:
            continue  # closing comma of a date apposition
        if w == "," and _apposition_end(toks, k, limit):
            continue
        if w in CLAUSE_END:
            return None
        if w.lower() == particle.lower() and (k + 1 >= limit or toks[k + 1].text in CLAUSE_END
                                      or toks[k + 1].text.lower() in {"und", "wonach"}):
            return k
    return None


def _en_lemma(tok: Token) -> str:
    """The model's lemma, repaired from the word form when it is no cue ("hoped" → "hop")."""
    lemma = (tok.lemma_ or tok.text).lower()
    lemmas = lexicon().en_lemmas
    if lemma in lemmas:
        return lemma
    w = tok.text.lower()
    for cut, add in (("ed", "e"), ("d", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if w.endswith(cut) and w[: -len(cut)] + add in lemmas:
            return w[: -len(cut)] + add
    return lemma


def cue_at(toks: list[Token], i: int, sent_start: int, sent_end: int, lang: str) -> Cue | None:
    """The cue verb at token ``i`` (None if it is not one)."""
    tok = toks[i]
    if tok.pos_ and tok.pos_ not in {"VERB", "AUX"} and not (
        lang == "de" and tok.pos_ in {"ADJ", "ADV", "NOUN", "PROPN"} and tok.text[:1].islower()
    ):
        return None
    if lang == "en":
        lemma = _en_lemma(tok)
        if lemma not in lexicon().en_lemmas or (tok.text[:1].isupper() and i > sent_start):
            return None
        return Cue((i,), lemma, lemma not in NOT_REPORTED)
    word = tok.text.lower()
    if tok.text[:1].isupper() and i > sent_start:
        return None  # a noun ("das Sagen")
    lex = lexicon()
    joined = lex.de_joined.get(word)
    if joined:
        return Cue((i,), f"{joined.particle}{joined.lemma}", joined.lemma not in NOT_REPORTED)
    verbs = lex.de_cue(word)
    if word in lex.de_infinitives and tok.tag_ in {"VVINF", "VVIZU"}:
        return None  # "will … fordern", "zu warnen": an intention, not a statement
    if not verbs and tok.tag_ == "VVFIN":
        verbs = lex.de_infinitives.get(word, [])  # "Die Medien sprechen von …"
    if not verbs and tok.lemma_:
        verbs = lex.de_cue(tok.lemma_.lower())
    if not verbs:
        return None
    plain = None
    for verb in verbs:
        if verb.particle is None:
            plain = verb
            continue
        parts = verb.particle.split()
        k = _particle_at_end(toks, i, sent_end, parts[-1])
        if k is not None:
            return Cue((i, k), f"{verb.particle}{verb.lemma}", verb.lemma not in NOT_REPORTED)
    if i > sent_start:
        before = toks[i - 1].text.lower()
        for verb in verbs:  # verb-final, old spelling: "wie X bekannt gab"
            if verb.particle and verb.particle.split()[-1].lower() == before:
                return Cue((i - 1, i), f"{verb.particle}{verb.lemma}",
                           verb.lemma not in NOT_REPORTED)
    if plain is None:
        return None
    return Cue((i,), plain.lemma, plain.lemma not in NOT_REPORTED)


_NACH = {"auffassung", "ansicht", "meinung", "einschätzung", "informationen", "aussagen",
         "worten", "darstellung", "erkenntnissen", "berichten", "schätzungen", "aussage",
         "überzeugung", "ermittlungen", "recherchen", "zeugenaussagen", "polizeiangaben"}


_NACH |= {"angaben", "worten", "vernehmen", "analyse", "studie", "bericht", "berichte",
          "mitteilung", "erkenntnis", "einschätzungen", "schätzung", "auskunft", "umfrage",
          "untersuchung", "untersuchungen", "zählung", "darstellungen", "meinungen"}
_NACH_ENDS = ("angaben", "meinung", "aussage", "aussagen", "einschätzung", "endergebnis",
              "urteil", "ankündigung", "meldung", "mitteilung", "stellungnahme", "bericht",
              "medien", "berichten", "informationen", "erkenntnissen", "darstellung",
              "schätzungen", "ansicht", "auffassung", "umfragen", "zählung", "worten")
_NACH_MOD = {"eigener", "dessen", "deren", "übereinstimmender", "eigenen", "seinen", "ihren",
             "seiner", "ihrer", "offiziellen", "ersten",
             "bisherigen", "vorläufigen", "neuen", "neuesten", "jüngsten", "übereinstimmenden",
             "inoffiziellen", "unbestätigten", "amtlichen", "den", "dem", "einer", "einem",
             "der", "des", "polizeilichen", "unseren"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Marker:
    cue: tuple[int, int]  # token range of the marker words
    source: tuple[int, int]  # token range of the source phrase
    whole: tuple[int, int]  # token range of marker + source (cut from the content)
    kind: str  # "according" | "told"
    mention: tuple[int, int] | None = None  # the phrase as annotators mark it ("Angaben des X")


def _nach_marker(toks: list[Token], i: int, end: int) -> Marker | None:
    """ "nach (eigenen) Angaben (des X)", "nach Meinung Russlands", "Nach einer ersten Analyse"."""
    k = i + 1
    genitive = None
    while k < end and k < i + 4 and (toks[k].text.lower() in _NACH_MOD or (
            toks[k].text[:1].islower() and toks[k].is_alpha and toks[k].pos_ in {"ADJ", "DET"})
            or (k == i + 1 and toks[k].text[:1].isupper() and toks[k].text.endswith("s")
                and k + 1 < end and toks[k + 1].text.lower() in _NACH)):
        if k == i + 1 and toks[k].text[:1].isupper():
            genitive = (k, k + 1)  # "Nach Grupps Meinung"
        k += 1
    if k >= end:
        return None
    noun = toks[k].text.lower()
    if noun not in _NACH and not noun.endswith(_NACH_ENDS):
        return None
    whole_end = k + 1
    src = _angaben_source(toks, k + 1, end) or genitive
    if src is None and k + 1 < end and toks[k + 1].text[:1].isupper() and \
            toks[k + 1].text.endswith("s") and toks[k + 1].pos_ in {"PROPN", "NOUN", ""}:
        src = (k + 1, k + 2)  # "nach Meinung Russlands"
    if src is not None:
        whole_end = max(whole_end, src[1])
    elif noun in {"analyse", "studie", "bericht", "umfrage", "untersuchung", "zählung"} and \
            toks[k - 1].text.lower() not in {"einer", "einem", "der", "dem", "den", "ersten"}:
        return None
    mention = (i + 1, whole_end)
    return Marker((i, k + 1), src or mention, (i, whole_end), "according", mention)


def _postposed_nach(toks: list[Token], i: int, start: int) -> Marker | None:
    """ "Seiner Meinung nach", "Dem Vernehmen nach", "Ihren Angaben nach"."""
    a = i
    while a > start and toks[a - 1].text.lower() in _NACH_MOD | {"dem", "deren", "dessen"}:
        a -= 1
    if a == i and toks[i].text.lower() != "vernehmen":
        return None
    return Marker((i, i + 2), (a, i + 1), (a, i + 2), "according", (a, i + 1))


def _angaben_source(toks: list[Token], k: int, end: int) -> tuple[int, int] | None:
    """After "Angaben": "von X", "des/der X", or a compound "Polizeiangaben"."""
    if k < end and toks[k].text.lower() == "von":
        return np_right(toks, k + 1, end)
    if k < end and toks[k].text.lower() in {"des", "der", "eines", "einer", "seines", "seiner",
                                            "ihres", "ihrer"}:
        return np_right(toks, k, end, oblique=True)
    return None


def markers(toks: list[Token], start: int, end: int, lang: str) -> list[Marker]:
    """According-to constructions in the sentence ``toks[start:end]``."""
    found: list[Marker] = []
    for i in range(start, end):
        w = toks[i].text.lower()
        nxt = toks[i + 1].text.lower() if i + 1 < end else ""
        if w in {"laut", "gemäß"} or (w == "according" and nxt == "to"):
            s = i + 2 if w == "according" else i + 1
            np = np_right(toks, s, end, oblique=True)
            if np is None and w == "laut" and s < end and toks[s].pos_ in {"NOUN", "PROPN"}:
                np = (s, s + 1)  # "laut ai-Bericht": a lower-case name
            if np:
                found.append(Marker((i, s), np, (i, np[1]), "according"))
        elif w == "zufolge" and i > start:
            np = np_left(toks, i, start)
            if np:
                found.append(Marker((i, i + 1), np, (np[0], i + 1), "according"))
        elif w == "nach" and i + 1 < end and (nxt in _NACH or nxt.endswith(_NACH_ENDS)
                                              or nxt in _NACH_MOD or toks[i + 1].pos_ in
                                              {"ADJ", "DET"}):
            m = _nach_marker(toks, i, end)
            if m:
                found.append(m)
        elif w in _NACH and nxt == "nach":
            m = _postposed_nach(toks, i, start)
            if m:
                found.append(m)
        elif w == "demnach" and i == start:
            found.append(Marker((i, i + 1), (i, i + 1), (i, i + 1), "according"))
        elif w == "so" and i > start and toks[i - 1].text in {",", "“", "”", '"', "«", "»"}:
            if lang == "de" and i + 2 < end and cue_at(toks, i + 1, start, end, lang):
                np = np_right(toks, i + 2, end)  # "…, so schätzen die Forscher, …"
                if np and _tail_ok(toks, np[1], end):
                    found.append(Marker((i, i + 2), np, (i, np[1]), "according"))
                continue
            np = np_right(toks, i + 1, end)
            tail = np[1] if np else end
            while np and tail < end and toks[tail].text.lower() in {"weiter", "zudem", "ferner",
                                                                    "abschließend", "außerdem"}:
                tail += 1
            if np and _tail_ok(toks, tail, end):
                found.append(Marker((i, i + 1), np, (i, tail), "according"))
        elif w in {"wie", "as"} and i + 2 < end:
            found.extend(_as_reported(toks, i, end, lang))
        elif w in {"gegenüber", "told"} and i > start:
            np = np_right(toks, i + 1, end)
            if np and _is_outlet(toks, np):
                if w == "told":  # "X told CNN that …": "told" stays the cue verb of a frame
                    found.append(Marker((i, i), np, (i + 1, np[1]), "told"))
                else:
                    found.append(Marker((i, i + 1), np, (i, np[1]), "told"))
        elif w in {"hieß", "heißt"} and nxt == "es":
            k = i + 2
            while k < end and toks[k].text.lower() in ADVERBS:
                k += 1
            if k < end and toks[k].text.lower() in {"aus", "in", "von", "im", "beim", "auf", "bei"}:
                np = np_right(toks, k + 1, end, oblique=True) or (k + 1, min(end, k + 2))
                found.append(Marker((i, i + 2), np, (i, np[1]), "according"))
            elif i > start and toks[i - 1].text == "," and (k >= end or toks[k].text in
                                                            {".", "!", "?", ";"}):
                found.append(Marker((i, i + 2), (i + 1, i + 2), (i, k), "according", None))
        elif w == "aus" and nxt == "sicht" and i + 2 < end:
            np = _angaben_source(toks, i + 2, end)
            if np is None and toks[i + 2].text[:1].isupper():
                np = np_right(toks, i + 2, end)
            if np:
                found.append(Marker((i, i + 2), np, (i, np[1]), "according", (i + 1, np[1])))
    return found


def _tail_ok(toks: list[Token], j: int, end: int) -> bool:
    """A "so X" marker closes its sentence (or its clause)."""
    return j >= end or toks[j].text in {".", "!", "?", ";", ",", "–", ")"}


def _is_outlet(toks: list[Token], np: tuple[int, int]) -> bool:
    from lagebild.attribution.sources import classify_source

    text = " ".join(t.text for t in toks[np[0] : np[1]])
    return classify_source(text) == "outlet"


def _as_reported(toks: list[Token], i: int, end: int, lang: str) -> list[Marker]:
    """ "Wie die Polizei mitteilte, …" / "…, wie CNN berichtete." / "as CNN reported"."""
    if i > 0 and toks[i - 1].text not in BOUNDARY and i != 0 and toks[i].text[0].islower() \
            and toks[i - 1].text != ",":
        return []
    for k in range(i + 1, min(end, i + 12)):
        if toks[k].text in BOUNDARY:
            break
        cue = cue_at(toks, k, i, end, lang)
        if cue is None:
            continue
        np = np_right(toks, i + 1, k)
        if np and toks[np[0]].text.lower() not in PREPOSITIONS:
            last = max(cue.tokens) + 1
            return [Marker((i, last), np, (i, last), "according")]
        break
    return []
