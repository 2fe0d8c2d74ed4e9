"""Speaker mentions of a cue: from the parse when there is one, else from the word order.

A mixin of :class:`.frames.Finder` (it uses the Finder's tokens and sentences): the parse
speaker (:func:`.parse.parse_speaker`, guarded against the German model's errors, inverted
objects undone by :func:`.inversion.uninvert`), a passive's "von"-agent, "wie X mitteilte",
and the surface fallback (prefield subject if it looks like a noun phrase, else the phrase
after the verb).
"""

from __future__ import annotations

from typing import Any

from lagebild.attribution.cues import AUX_DE, AUX_EN, Cue
from lagebild.attribution.found import Sent
from lagebild.attribution.inversion import uninvert
from lagebild.attribution.parse import ADJ_ENDS, parse_speaker
from lagebild.attribution.phrases import ADVERBS, PREPOSITIONS, np_left, np_right, subject_of

PASSIVE_AUX = {"wurde", "wurden", "worden", "wird", "werden", "was", "were", "been"}


class SpeakerRules:
    """Methods of :class:`.frames.Finder` that find the speaker phrase of a cue."""

    toks: list[Any]
    lang: str
    parsed: bool
    sents: list[Sent]
    sent_of: list[int]
    in_quote: list[int]

    def chars(self, a: int, b: int) -> tuple[int, int]:
        raise NotImplementedError  # provided by Finder

    def speaker(self, cue: Cue, inverted: bool = False,
                avoid: range = range(0)) -> tuple[int, int] | None:
        i = cue.tokens[0]
        s = self.sents[self.sent_of[i]]
        if cue.lemma == "so":
            np = np_right(self.toks, i + 1, s.end)
            return self.chars(*np) if np else None
        if cue.lemma == "heißen":
            k = i + 2
            while k < s.end and self.toks[k].text.lower() in ADVERBS - {"am"}:
                k += 1
            if k < s.end and self.toks[k].text.lower() in {"in", "im", "auf", "aus", "von"}:
                np = np_right(self.toks, k + 1, s.end, oblique=True)
                return self.chars(*np) if np else None
            return None
        wie = self._wie_speaker(i, s)
        if wie is not None:
            return self.chars(*wie)
        if cue.lemma == "zitieren" and self.parsed:
            sub = parse_speaker(self.toks, i, s.start, s.end, avoid, passive_subject=True)
            if sub:
                return self.chars(*sub)
        if self.parsed:
            if self.lang == "de":
                sub = parse_speaker(self.toks, i, s.start, s.end, avoid)
                if sub is not None:
                    sub = uninvert(self.toks, i, s.start, s.end, sub, avoid)
                aux = [c for c in self.toks[i].children if c.dep_ == "aux:pass"]
                if sub is None and aux:
                    agent = self._passive_agent(aux[0].i, i, avoid)
                    return self.chars(*agent) if agent else None  # else agentless
            else:
                sub = parse_speaker(self.toks, i, s.start, s.end, avoid) or \
                    subject_of(self.toks[i])
            if sub:
                return self.chars(*sub)
        np = self._surface_speaker(i, s, inverted)
        if np and self.lang == "de" and self.parsed and not self._speakerish(np, avoid):
            after = np_right(self.toks, max(cue.tokens) + 1 if inverted else i + 1, s.end)
            np = after if after and self._speakerish(after, avoid) else None
        if np and self.lang == "de" and self.parsed:
            np = uninvert(self.toks, i, s.start, s.end, np, avoid)
        return self.chars(*np) if np else None

    def _wie_speaker(self, i: int, s: Sent) -> tuple[int, int] | None:
        """ "Wie X (am Montag) mitteilte, …": the phrase between "wie" and the cue."""
        if self.lang != "de":
            return None
        for k in range(i - 1, max(s.start, i - 20) - 1, -1):
            w = self.toks[k].text.lower()
            if w in {";", ":", ".", "dass"}:
                return None
            if w == "wie" and (k == s.start or self.toks[k - 1].text in {",", "–", "(", "„"}):
                a, b = k + 1, i
                while b > a and (self.toks[b - 1].text.lower() in AUX_DE | ADVERBS
                                 or self.toks[b - 1].text in {",", "–"}):
                    b -= 1
                np = np_right(self.toks, a, b, oblique=True)
                if np and np[0] == a:
                    return a, max(np[1], b) if b - a <= 12 else np[1]
                return (a, b) if 0 < b - a <= 6 else None
        return None

    def _passive_agent(self, aux: int, i: int, avoid: range) -> tuple[int, int] | None:
        """ "wurde die Regierung vom LSVD aufgefordert": a von-phrase between aux and verb."""
        for k in range(aux + 1, i):
            if self.toks[k].text.lower() in {"von", "vom", "by"} and k not in avoid:
                np = np_right(self.toks, k + 1, i, oblique=True)
                if np and np[0] == k + 1 and np[1] >= i - 3:
                    return np
        return None

    def _speakerish(self, np: tuple[int, int], avoid: range) -> bool:
        """A surface phrase that can be a speaker: starts like a noun phrase, has a noun."""
        toks = self.toks[np[0] : np[1]]
        if not toks or any(t.i in avoid for t in toks):
            return False
        first = toks[0]
        name_like = first.text[:1].isupper() and first.pos_ in {"ADV", "ADJ"} and not (
            first.text.lower().endswith(ADJ_ENDS) or first.text.lower() in ADVERBS)
        if self.lang == "de" and (first.text.lower() in {"des", "dem", "den", "einem", "eines"}
                                  or (name_like and (len(toks) > 1
                                                     or first.text.lower().endswith("gemäß")))):
            return False  # "Des Weiteren", "Erst vor zwei Tagen", "Sinngemäß": adverbials
        if (first.pos_ in {"CCONJ", "SCONJ", "ADP", "ADV", "VERB", "AUX", "PUNCT", "NUM"} or (
                first.pos_ == "ADJ" and len(toks) == 1) or first.text.lower() in ADVERBS) \
                and not name_like:
            return False
        if any(t.text == "Uhr" or t.like_num for t in toks[:2]):
            return False
        return name_like or any(t.pos_ in {"NOUN", "PROPN", "PRON", "X"} for t in toks)

    def _clause_start(self, i: int, s: Sent) -> int:
        k = i
        while k > s.start:
            t = self.toks[k - 1].text
            if t in {":", ";", "“", "”", '"', "«", "»"} or self.in_quote[k - 1] >= 0:
                break
            k -= 1
        return k

    def _surface_speaker(self, i: int, s: Sent, inverted: bool) -> tuple[int, int] | None:
        toks = self.toks
        aux_words = AUX_DE if self.lang == "de" else AUX_EN
        if inverted:
            np = np_right(toks, i + 1, s.end)
            if np and toks[np[0]].text.lower() not in {"dass", "that"}:
                return np
            left = np_left(toks, i, s.start)
            if left and toks[left[0] - 1].text == "," if left and left[0] > s.start else False:
                return left
        # passive agent: "von einem Regierungsbeamten bestätigt"
        nxt = toks[i + 1].text.lower() if i + 1 < s.end else ""
        for k in range(i - 1, max(s.start, i - 8) - 1, -1):
            if nxt not in PASSIVE_AUX:
                break
            if toks[k].text.lower() in {"von", "by"}:
                np = np_right(toks, k + 1, i, oblique=True)
                if np and np[1] >= i - 1:
                    return np
                break
            if toks[k].text in {",", ":", ";"}:
                break
        start = self._clause_start(i, s)
        anchor = i
        if self.lang == "de":
            for k in range(i - 1, start - 1, -1):
                if toks[k].text.lower() in aux_words and toks[k + 1].text != ",":
                    anchor = k
                    break
        if anchor != i and toks[anchor].text.lower() in PASSIVE_AUX and \
                toks[i].text.endswith("t"):
            return None  # an agentless passive: "wurden … als entscheidend bezeichnet"
        if self.lang == "en":  # never the object after the verb ("discuss the plan")
            return np_left(toks, i if anchor == i else anchor, start)
        pre = [t for t in toks[start:anchor]]
        first = pre[0].text.lower() if pre else ""
        not_subject = {"und", "aber", "doch", "denn", "wie", "als", "wenn", "weil", "da", "dass",
                       "warum", "weshalb", "wieso", "ob", "was", "wer", "wo", "wann", "dies",
                       "das", "dieses", "diese", "dazu", "darüber", "davon", "hierzu", "dem",
                       "den", "es"}
        if len(pre) > 1 and first in {"das", "die", "diese", "dieses"}:
            not_subject = not_subject - {first}
        if pre and first not in PREPOSITIONS and first not in ADVERBS and \
                first not in not_subject:
            end = anchor
            while end > start and toks[end - 1].text in {",", "–"}:
                end -= 1
            while end > start and toks[end - 1].text.lower() in ADVERBS:
                end -= 1
            if end > start:
                return start, end
        if pre and first in {"und", "aber", "doch"}:
            return None
        return np_right(toks, anchor + 1, s.end)
