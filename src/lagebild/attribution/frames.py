"""Find attributions in a parsed (or just tokenised) text: content, cue, speaker mention.

The rules, in the order they claim tokens:

1. **Direct quotes** (see :mod:`.quotes`) with a frame right after them („…“, sagte er /
   "…," he said / „…“, so X) or right before them (X sagte: „…“). A quote interrupted by
   its frame („…“, sagte er, „…“) is one attribution with two content parts.
2. **According-to markers** ("laut X", "X zufolge", "nach Angaben von X", "so X", "wie X
   mitteilte", "according to X", "X told CNN") – a source for the sentence's content.
3. **Cue verbs**: a following *dass/that* clause or verb-second clause after a comma is
   ``indirect``; a cue after a comma with the content before it (", berichteten Quellen")
   is ``indirect``; a cue with neither is ``reported`` (content: its clause).
4. **Free indirect speech**: a Konjunktiv sentence right after an attributed one continues
   it (same speaker, no cue).
5. Quotes left over: a long one (≥ 4 words or a full sentence, with a verb) is ``direct``
   with the speaker of the context; a short one inside some content is a nested ``direct``.

Rules 2, 4 and 5 (and English headlines) live in :mod:`.context`, German speech nouns
("die Forderung des X, …") and agentless frames in :mod:`.nominal_de`. Speaker mentions
come from the parse when there is one (:func:`.parse.parse_speaker`, guarded against parse
errors), else from the word order (prefield subject if it looks like a noun phrase,
inverted subject, "von"-agent, "wie X mitteilte"): :mod:`.speaker_rules`.
"""

from __future__ import annotations

import re
from typing import Any

from lagebild.attribution import english, nominal_de
from lagebild.attribution.balance import balance_all
from lagebild.attribution.context import ContextRules, _is_name
from lagebild.attribution.cues import AUX_DE, AUX_EN, Cue, Marker, cue_at, markers
from lagebild.attribution.found import Found, Sent
from lagebild.attribution.parse import parse_speaker
from lagebild.attribution.phrases import (
    ADVERBS,
    PREPOSITIONS,
    RELATIVE,
    np_right,
    relative_clause_end,
)
from lagebild.attribution.quotes import Quote, find_quotes
from lagebild.attribution.speaker_rules import PASSIVE_AUX, SpeakerRules

Token = Any
Doc = Any
SENT_END = {".", "!", "?"}
SUBORD = {"dass", "that", "ob", "whether", "wie", "weshalb", "warum", "wonach", "damit"}


_MONTHS = {"januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"}  # fmt: skip
_NUM_END = re.compile(r"\d+,\d+\.|\d{3,}\.|\d+\)\.")


def _number_end(word: str, nxt: str) -> bool:
    """ "7,1." or "2005." glued to its full stop (the tokenizer keeps ordinals so)."""
    return bool(_NUM_END.fullmatch(word)) and nxt.lower() not in _MONTHS


class Finder(ContextRules, SpeakerRules):
    """One pass over one Doc."""

    def __init__(self, doc: Doc, lang: str) -> None:
        self.doc, self.lang, self.text = doc, lang, doc.text
        self.toks = list(doc)
        self.parsed = doc.has_annotation("DEP")
        self.sents = self._split_sents(doc)
        self.sent_of = [0] * len(self.toks)
        for s in self.sents:
            for i in range(s.start, s.end):
                self.sent_of[i] = s.index
        self.quotes = [q for q in find_quotes(self.text) if q.depth == 0]
        self.in_quote = [-1] * len(self.toks)
        for k, q in enumerate(self.quotes):
            for i in self._tokens_in(q.start, q.end):
                self.in_quote[i] = k
        self.used: set[int] = set()  # cue tokens already part of a frame
        self.found: list[Found] = []

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _split_sents(doc: Doc) -> list[Sent]:
        """The Doc's sentences, also cut at line breaks (headings, paragraphs) and, in German,
        at full stops the model missed (English has "Sen. Ted Cruz": not there)."""
        out: list[Sent] = []
        for sent in doc.sents:
            a = sent.start
            for t in sent:
                if (t.is_space and "\n" in t.text) or t.text == "\n":
                    if t.i > a:
                        out.append(Sent(a, t.i, len(out)))
                    a = t.i + 1
                elif doc.lang_ == "de" and t.i + 1 < sent.end and t.i > a + 2 \
                        and t.whitespace_ and doc[t.i + 1].text[:1].isupper() and (
                            (t.text in SENT_END and len(doc[t.i - 1].text) > 1)
                            or _number_end(t.text, doc[t.i + 1].text)):
                    out.append(Sent(a, t.i + 1, len(out)))  # a sentence end the model missed
                    a = t.i + 1
            if sent.end > a:
                out.append(Sent(a, sent.end, len(out)))
        return out

    def _tokens_in(self, start: int, end: int) -> range:
        import bisect

        starts: list[int] = getattr(self, "_starts", None) or [t.idx for t in self.toks]
        self._starts = starts
        return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))

    def chars(self, a: int, b: int) -> tuple[int, int]:
        """Token range [a, b) → character span."""
        return self.toks[a].idx, self.toks[b - 1].idx + len(self.toks[b - 1].text)

    def cue_span(self, cue: Cue) -> tuple[int, int]:
        return self.chars(cue.tokens[0], cue.tokens[0] + 1)

    def _cue(self, i: int) -> Cue | None:
        s = self.sents[self.sent_of[i]]
        if self.in_quote[i] >= 0 or i in self.used:
            return None
        return cue_at(self.toks, i, s.start, s.end, self.lang)

    # ------------------------------------------------------------------ direct quotes
    def _frame_after(self, q: Quote) -> tuple[Cue, int] | None:
        span = self._tokens_in(q.end, len(self.text))
        i = span.start
        if i < len(self.toks) and self.toks[i].text == ",":
            i += 1
        elif not (self.text[q.end - 2 : q.end - 1] in {",", "!", "?"} and i < len(self.toks)
                  and self.toks[i].text[:1].islower()):
            return english.frame_after(self, q.start, q.end)
        for k in range(i, min(len(self.toks), i + 7)):
            t = self.toks[k]
            if t.text in SENT_END or self.in_quote[k] >= 0 or "\n" in t.text:
                break
            if t.text.lower() == "so" and k == i:
                return Cue((k,), "so", False), k
            if t.text.lower() in {"heißt", "hieß"} and k == i and k + 1 < len(self.toks) \
                    and self.toks[k + 1].text.lower() == "es":
                return Cue((k, k + 1), "heißen", False), k  # „…“, heißt es in dem Schreiben
            cue = self._cue(k)
            if cue:
                return cue, k
        return None

    def _frame_before(self, q: Quote) -> tuple[Cue, int] | None:
        span = self._tokens_in(0, q.start)
        b = span.stop - 1
        if b < 0 or self.toks[b].text not in {":", ","}:
            return None
        if self.toks[b].text == "," and len(self.text[q.start : q.end].split()) < 3:
            return None
        floor = self.sents[self.sent_of[b]].start
        for k in range(b - 1, max(floor, b - 25) - 1, -1):
            if self.in_quote[k] >= 0 or self.toks[k].text in SENT_END:
                break
            cue = self._cue(k)
            if cue:
                return cue, k
        return None

    def direct_quotes(self) -> None:
        prev: Found | None = None
        for q in self.quotes:
            if prev is not None and prev.content[-1][1] < (prev.cue or (0, 0))[0]:
                frame_end = max(prev.cue[1] if prev.cue else 0,
                                prev.speaker[1] if prev.speaker else 0)
                if re.fullmatch(r"\s*(?:\w+\s+){0,2}\w*\s*,\s*", self.text[frame_end : q.start]):
                    prev.content.append((q.start, q.end))  # „…“, sagte er, „…“
                    continue
            if self.lang == "de" and self._quoted_name(q):
                continue  # „New York Times“ … bekräftigt: a title, not a quote
            after, before = self._frame_after(q), self._frame_before(q)
            frame = after or before
            if frame is None:
                prev = self._colon_frame(q)
                continue
            cue, k = frame
            self.used.update(cue.tokens)
            spk = self.speaker(cue, inverted=frame is after,
                               avoid=self._tokens_in(q.start, q.end))
            f = Found("direct", [(q.start, q.end)], self.cue_span(cue), spk,
                      sent=self.sent_of[k], rule="quote")
            self.found.append(f)
            prev = f

    def _quoted_name(self, q: Quote) -> bool:
        before = self.text[max(0, q.start - 6) : q.start].split()
        return _is_name(self.text[q.start + 1 : q.end - 1], before[-1] if before else "", True)

    def _colon_frame(self, q: Quote) -> Found | None:
        """ "X brachte seinen Unmut zum Ausdruck: „…“" – any verb (or none) before a colon."""
        span = self._tokens_in(0, q.start)
        b = span.stop - 1
        if b < 1 or self.toks[b].text != ":" or not self.parsed:
            return None
        s = self.sents[self.sent_of[b]]
        if b == s.start and s.index > 0 and self.sents[s.index - 1].end == b:
            s = self.sents[s.index - 1]  # the model cut the sentence at the colon
        a = b
        while a > s.start and self.toks[a - 1].text not in {";", ".", "!", "?"} and \
                self.in_quote[a - 1] < 0:
            a -= 1
        if b - a < 1:
            return None
        verbs = [t for t in self.toks[a:b] if t.pos_ in {"VERB", "AUX"}
                 and not (a <= t.head.i < b and t.head.i != t.i)]
        verbs = [t for t in verbs if t.pos_ == "VERB"] or verbs
        avoid = self._tokens_in(q.start, q.end)
        if verbs:
            v = verbs[0]
            sub = parse_speaker(self.toks, v.i, a, b, avoid)
            cue = self.chars(v.i, v.i + 1)
        elif b - a <= 15:
            sub, cue = np_right(self.toks, a, b), self.chars(b, b + 1)  # "Koppelin wörtlich:"
        else:
            return None
        if sub is None:
            return None
        f = Found("direct", [(q.start, q.end)], cue, self.chars(*sub), sent=s.index,
                  rule="quote")
        self.found.append(f)
        return f

    # ------------------------------------------------------------------ content
    def _skip(self, k: int, end: int) -> int:
        """Skip particles, adverbs, time phrases and an addressee after a cue."""
        toks = self.toks
        while k < end:
            w = toks[k].text.lower()
            if w in ADVERBS or w in {"darauf", "daran", "davor", "dabei", "hin", "es"}:
                k += 1
            elif w in {"den", "dem", "der", "ihm", "ihr", "ihnen", "uns", "reporters",
                       "journalists", "journalisten", "him", "her", "them", "us"}:
                np = np_right(toks, k + 1, end) if w in {"den", "dem", "der"} else (k, k + 1)
                k = np[1] if np else k + 1
            elif w in PREPOSITIONS and k + 1 < end and toks[k + 1].text[:1].isalpha() \
                    and w not in {"that", "dass"}:
                np = np_right(toks, k + 1, end, oblique=True)
                if not np:
                    return k
                k = np[1]
            else:
                return k
        return k

    def _content_end(self, a: int, s: Sent) -> int:
        """The end (token index) of a content that starts at ``a``: sentence end or a dash."""
        k = a
        while k < s.end and self.toks[k].text not in {"–", "—"}:
            k += 1
        while k > a and self.toks[k - 1].text in {".", "!", "?", ",", ";", ":"}:
            k -= 1
        return k

    def clause_frames(self, s: Sent, sent_markers: list[Marker]) -> None:
        toks = self.toks
        marked = {k for m in sent_markers for k in range(*m.whole)}
        for i in range(s.start, s.end):
            if i in marked:
                continue
            cue = self._cue(i)
            if cue is None:
                continue
            content, form, inverted = self._content_of(cue, i, s)
            if content is None or (form == "reported" and not self._reported_ok(i)):
                continue
            content = self._cut(content, sent_markers)
            while content[1] > content[0] and toks[content[1] - 1].text in {",", ";", ":"}:
                content = (content[0], content[1] - 1)
            while content[1] > content[0] and toks[content[0]].text in {",", ";", ":"}:
                content = (content[0] + 1, content[1])
            if content[1] <= content[0]:
                continue
            self.used.update(cue.tokens)
            coord = self._coordinated(i, s)
            avoid = range(*content) if form != "reported" else range(0)
            spk = coord.speaker if coord else self.speaker(cue, inverted=inverted, avoid=avoid)
            if coord and form == "reported":
                content = (i, content[1])
            if spk is None and not self._passive(cue, s):
                spk = self._same_sentence_speaker(s)
            if spk is None and form == "reported":
                continue  # agentless ("wurde … bezeichnet"): left to the unattributed rule
            if spk and self.text[spk[0] : spk[1]].lower() in {"man", "es", "it", "one"}:
                continue  # generic "man" ("Dies nennt man …")
            spans = [self.chars(*content)]
            if form == "reported" and self._anaphoric(i, s):
                prev = self.sents[s.index - 1]
                spans = [self.chars(prev.start, prev.end), self.chars(s.start, s.start + 1)]
                form = "indirect"  # "Dies bestätigte X": the content is the sentence before
            self.found.append(Found(form, spans, self.cue_span(cue), spk, sent=s.index,
                                    rule="cue"))

    def _anaphoric(self, i: int, s: Sent) -> bool:
        """ "Dies/Das bestätigte …" right after a sentence no other frame claims."""
        if s.index == 0 or self.toks[s.start].text.lower() not in {"dies", "das", "dieses"}:
            return False
        if not (s.start + 1 == i or (s.start + 1 < i and self.toks[s.start + 1].text.lower()
                                      in AUX_DE | AUX_EN)):
            return False
        prev = self.sents[s.index - 1]
        if "\n" in self.text[self.toks[prev.end - 1].idx : self.toks[s.start].idx]:
            return False
        return not any(f.sent == prev.index for f in self.found)

    def _content_of(
        self, cue: Cue, i: int, s: Sent
    ) -> tuple[tuple[int, int] | None, str, bool]:
        """Content (token range), form and whether the speaker follows the cue."""
        toks = self.toks
        last = max(cue.tokens)
        k = max(self._skip(i + 1, s.end), last + 1 if len(cue.tokens) > 1 else i + 1)
        k = self._skip(k, s.end)
        # a dass/that clause within reach (past an inverted subject or an object)
        for m in range(k, min(s.end, k + 16)):
            w = toks[m].text.lower()
            if w in {"dass", "that", "ob", "whether"} and (m == k or toks[m - 1].text == ","):
                return (m, self._content_end(m, s)), "indirect", False
            if toks[m].text in {".", "!", "?", ":", ";"} or (
                    self.in_quote[m] >= 0 and len(self.text[slice(*self._quote_of(m))]) > 40):
                break
        w = toks[k].text if k < s.end else ""
        if w in {",", ":"} and self._v2_start(k + 1, s):
            return (k + 1, self._content_end(k + 1, s)), "indirect", False
        if self.parsed and self.lang == "en":
            content = self._en_complement(i, s) or english.object_content(self, cue, i) \
                or english.infinitive_content(self, cue, i)
            if content:
                return content, "indirect", False
        if i > s.start and toks[i - 1].text == "," and self._before_ok(i, s) \
                and not self._coordinated(i, s) and np_right(toks, last + 1, s.end) \
                and not english.subject_before(self, i):
            return (self._clause_start(i - 1, s), i - 1), "indirect", True
        if not cue.reported_ok:
            return None, "", False
        return self._reported(i, s), "reported", False

    def _reported_ok(self, i: int) -> bool:
        """A cue with no clause: not an attributive participle or in a relative clause."""
        tok = self.toks[i]
        if i > 0 and self.toks[i - 1].text.lower() in {"so", "sogenannt"}:
            return False  # "so genannt"
        if self.lang == "de" and ("Part" in tok.morph.get("VerbForm") or tok.tag_ == "VVPP"):
            return False  # "hatte … angekündigt": news gold rarely marks these (the tag
            # catches participles whose morphology the model left out)
        if self.parsed and tok.dep_ in {"amod", "acl", "acl:relcl", "nmod"} and \
                "Ind" not in tok.morph.get("Mood"):
            return False
        k = self._clause_start(i, self.sents[self.sent_of[i]])
        return not (k > 0 and self.toks[k - 1].text == "," and k < i
                    and self.toks[k].text.lower() in RELATIVE)

    def _coordinated(self, i: int, s: Sent) -> Found | None:
        """The earlier frame this cue continues ("bekräftigt …, betont jedoch, dass …")."""
        k = i - 1
        while k > s.start and self.toks[k].text.lower() in ADVERBS:
            k -= 1
        if k <= s.start or self.toks[k].text.lower() not in {",", "und", "and"}:
            return None
        return next((f for f in reversed(self.found) if f.sent == s.index and f.cue
                     and f.cue[1] <= self.toks[i].idx and f.rule == "cue"), None)

    def _passive(self, cue: Cue, s: Sent) -> bool:
        i = max(cue.tokens)
        nxt = self.toks[i + 1].text.lower() if i + 1 < s.end else ""
        return nxt in PASSIVE_AUX or (self.toks[cue.tokens[0]].text.lower().startswith("ge") \
            and any(t.text.lower() in PASSIVE_AUX for t in self.toks[s.start : i]))

    def _same_sentence_speaker(self, s: Sent) -> tuple[int, int] | None:
        for f in reversed(self.found):
            if f.sent == s.index and f.speaker:
                return f.speaker
        return None

    def _quote_of(self, k: int) -> tuple[int, int]:
        q = self.quotes[self.in_quote[k]]
        return q.start, q.end

    def _v2_start(self, k: int, s: Sent) -> bool:
        """A main clause starts at ``k`` (content of "sagte, der Sohn habe …")."""
        if k >= s.end or (self.in_quote[k] >= 0 and self.quotes[self.in_quote[k]].start == \
                self.toks[k].idx):
            return False
        w = self.toks[k].text.lower()
        if w in {"und", "and", "aber", "but", "als", "wenn", "weil", "um", "nachdem", "bevor",
                 "sondern", "wobei", "which", "who", "während", "obwohl", "da", "damit", "bis",
                 "seit", "falls", "sofern", "zumal", "indem", "sodass", "ohne", "statt"}:
            return False
        if w in RELATIVE and k + 1 < s.end and not self.toks[k + 1].text[:1].isupper() and \
                self.toks[k + 1].pos_ not in {"ADJ", "NUM", "ADV"}:
            return False
        return self.lang == "de" or w in {"it", "he", "she", "they", "we", "i", "the"}

    def _before_ok(self, i: int, s: Sent) -> bool:
        """A cue right after a comma, with the content before it."""
        start = self._clause_start(i - 1, s)
        if i - 1 - start < 3:
            return False
        if self.lang == "de" and self.parsed and self.doc.has_annotation("TAG"):
            # "Die Fraktionschefin, Petra Pau, forderte …": an apposition, not a fronted clause
            return any(t.tag_.endswith("FIN") and t.dep_ not in {"acl:relcl", "acl"}
                       for t in self.toks[start : i - 1])
        return True

    def _reported(self, i: int, s: Sent) -> tuple[int, int]:
        """A reported statement's content: the clause of the cue."""
        start = self._clause_start(i, s)
        k = i + 1
        while k < s.end and self.toks[k].text not in {";", ":", "–", "—"} and not (
            self.toks[k].text == "," and k + 1 < s.end
            and self.toks[k + 1].text.lower() in {"aber", "doch", "sondern", "während", "but",
                                                  "while", "und", "and"}
        ):
            k += 1
        for m in range(i - 1, start, -1):  # "…, während die EU-Staaten den Vorstoß begrüßten"
            if self.toks[m - 1].text == "," and self.toks[m].text.lower() in {
                    "während", "aber", "doch", "sondern", "but", "while", "whereas"}:
                start = m
                break
        while start < i and self.toks[start].text in {",", ";", ":"}:
            start += 1
        return start, self._content_end(start, Sent(s.start, k, s.index))

    def _en_complement(self, i: int, s: Sent) -> tuple[int, int] | None:
        cue = self.toks[i]
        for child in cue.children:
            if child.dep_ in {"ccomp", "parataxis"} and child.dep_ != "punct":
                sub = list(child.subtree)
                return sub[0].i, self._content_end(sub[0].i, Sent(s.start, sub[-1].i + 1,
                                                                     s.index)) or sub[-1].i + 1
        return None

    @staticmethod
    def _cut(content: tuple[int, int], sent_markers: list[Marker]) -> tuple[int, int]:
        a, b = content
        for m in sent_markers:
            ma, mb = m.whole
            if a < ma < b:
                b = ma
            elif a <= ma and mb > a and ma <= a:
                a = mb
        return a, b
    def run(self) -> list[Found]:
        self.direct_quotes()
        for s in self.sents:
            ms = [m for m in markers(self.toks, s.start, s.end, self.lang)
                  if self.in_quote[m.cue[0]] < 0]
            for m in ms:
                self.used.update(range(*m.cue))
            self.headline(s)
            self.clause_frames(s, ms)
            nominal_de.frames(self, s)
            english.noun_frames(self, s)
            english.stance_frames(self, s)
            self.according(s, ms)
            for m in ms:
                if m.kind == "told":
                    for f in self.found:
                        if f.sent == s.index:
                            f.sources.append((*self.chars(*m.source), "told"))
        self.free_indirect()
        self.leftover_quotes()
        if self.lang == "de":
            balance_all(self.text, self.found, self.toks)
        english.merge_quote_runs(self)
        english.drop_nested_reported(self)
        english.participle_speakers(self)
        english.passive_speakers(self)
        english.trim_speakers(self)
        self.found.sort(key=lambda f: f.start)
        return self.found

def find(doc: Doc, lang: str) -> list[Found]:
    """All attributions in ``doc`` (language ``lang``), as :class:`Found` records."""
    return Finder(doc, lang).run()


__all__ = ["Found", "find", "relative_clause_end"]
