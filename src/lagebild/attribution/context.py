"""Rules that work on the context of a sentence, mixed into :class:`.frames.Finder`.

* according-to markers (their content is the sentence minus the marker, their speaker the
  source phrase; "nach eigenen Angaben": the sentence subject),
* English headlines ("Lynch: No outside influence …"),
* speech nouns with a *dass* clause ("ist der Meinung, dass …"),
* free indirect speech (Konjunktiv sentences after an attributed one),
* quotes left over (nested in some content, framed by a cue of their sentence, or standing
  alone with the speaker of the context); quoted names and titles are no quotes.
"""

from __future__ import annotations

import re
from typing import Any

from lagebild.attribution import english
from lagebild.attribution.cues import Marker, cue_at
from lagebild.attribution.found import Found, Sent
from lagebild.attribution.parse import agentive, parse_speaker
from lagebild.attribution.quotes import Quote

Token = Any

KONJ1 = {"sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge",
         "diene", "trage", "lasse", "halte", "mache", "nehme", "finde", "zeige", "heiße",
         "arbeite", "verfüge", "führe", "laufe", "befinde", "gehöre", "entspreche",
         "gebe", "liege", "stehe", "gehe", "komme", "bestehe", "wisse", "brauche", "bleibe",
         "sehe", "plane", "handle", "gelte", "fehle", "erwarte"}  # fmt: skip
_SELF_REF = {"eigenen", "eigener", "seiner", "ihrer", "seinen", "ihren", "demnach", "unseren"}
PRONOUN_SPEAKERS = {"er", "sie", "ich", "wir", "dieser", "diese", "he", "she", "they", "we"}

def _head(toks: list[Token], span: tuple[int, int]) -> Token:
    """The token of ``span`` whose head lies outside it."""
    for t in toks[span[0] : span[1]]:
        if not (span[0] <= t.head.i < span[1]) or t.head.i == t.i:
            return t
    return toks[span[0]]


class ContextRules:
    """Methods of :class:`.frames.Finder` (they use its tokens, sentences and ``found``)."""

    doc: Any
    toks: list[Any]
    text: str
    lang: str
    parsed: bool
    sents: list[Sent]
    sent_of: list[int]
    quotes: list[Quote]
    in_quote: list[int]
    found: list[Found]

    def according(self, s: Sent, sent_markers: list[Marker]) -> None:
        """A sentence whose only sourcing is an according-to marker."""
        has_frame = any(f.sent == s.index and f.rule in {"cue", "quote"}
                        and not (self.lang == "de" and self._short_quote(f, s))
                        for f in self.found)
        for m in sent_markers:
            if m.kind != "according":
                continue
            frames = [f for f in self.found if f.sent == s.index and f.rule in {"cue", "quote"}
                      and not (self.lang == "de" and self._short_quote(f, s))]
            if has_frame and all(f.form == "reported" for f in frames):
                self.found = [f for f in self.found if f not in frames]  # the marker wins
            elif has_frame:
                for f in self.found:
                    if f.sent == s.index:
                        f.sources.append((*self.chars(*m.source), "according"))
                        if f.speaker is None:
                            f.mention = self.chars(*(m.mention or m.source))
                continue
            a, b = s.start, self._content_end(s.start, s)
            parts = [(a, min(b, m.whole[0])), (max(a, m.whole[1]), b)]
            content = []
            for x, y in parts:
                while x < y and self.toks[x].text in {",", ":", "–", ";"}:
                    x += 1
                while y > x and self.toks[y - 1].text in {",", ":", "–", ";"}:
                    y -= 1
                if any(t.is_alpha for t in self.toks[x:y]):
                    content.append(self.chars(x, y))
            if not content:
                continue
            spk = self._marker_speaker(m, s)
            bare = self.toks[m.source[0]].text.lower() in {"es", "it"} and m.mention is None
            self.found.append(Found("according_to", content, self.chars(*m.cue), spk,
                                    sent=s.index, rule="according",
                                    mention=None if bare else  # ", heißt es." names no one
                                    self.chars(*(m.mention or m.source))))

    def _short_quote(self, f: Found, s: Sent) -> bool:
        """A direct quote that fills under half its sentence ("…, habe „maßvoll“ …, so X"):
        German news gold also marks the sentence around it as the marker's content."""
        if f.rule != "quote" or len(f.content) != 1:
            return False
        whole = self.toks[s.end - 1].idx + len(self.toks[s.end - 1]) - self.toks[s.start].idx
        return 2 * (f.content[0][1] - f.content[0][0]) < whole

    def _marker_speaker(self, m: Marker, s: Sent) -> tuple[int, int] | None:
        """The speaker behind a marker; "nach eigenen Angaben": the sentence's subject."""
        first = self.toks[m.source[0]].text.lower()
        if first in {"es", "it"}:
            return None  # ", heißt es."
        if first not in _SELF_REF:
            return self.chars(*m.source)
        if self.parsed and first != "demnach":
            root = next((t for t in self.toks[s.start : s.end] if t.dep_ == "ROOT"), None)
            sub = parse_speaker(self.toks, root.i, s.start, s.end) if root is not None else None
            if sub and not (sub[0] <= m.whole[0] < sub[1]):
                return self.chars(*sub)
        prev = [f for f in self.found if f.speaker and f.sent < s.index]
        return prev[-1].speaker if prev else None

    def headline(self, s: Sent) -> None:
        """ "Lynch: No outside influence on FBI probe" – a name, a colon, a statement."""
        if self.lang != "en":
            return  # German gold leaves headlines out; measured: a small loss there
        english.speaker_line(self, s)

    # ------------------------------------------------------------------ the pass
    def free_indirect(self) -> None:
        """Konjunktiv sentences after an attributed one continue it (one span per run)."""
        if self.lang != "de":
            return
        by_sent = {f.sent: f for f in self.found if f.speaker or f.mention}
        covered = {f.sent for f in self.found}
        last: Found | None = None
        for s in self.sents:
            if s.index in covered:
                last = None
                continue
            src = None
            for back in (1, 2):
                src = by_sent.get(s.index - back)
                if src is not None or (s.index - back) in covered:
                    break
            if src is None and s.index > 0 and self.in_quote[s.start] < 0:
                src = self._implicit_source(s)
            if src is None or self.in_quote[s.start] >= 0 or not any(
                    self._konj(t) for t in self.toks[s.start : s.end]):
                last = None
                continue
            # a new paragraph: only with an unambiguous Konjunktiv I, and without a speaker
            # (the speaker often changes with the paragraph; the sentence is still reported)
            crossed = "\n" in self.text[src.content[-1][1] : self.toks[s.start].idx]
            if crossed and not any(self._konj1_strict(t) for t in self.toks[s.start : s.end]):
                continue
            span = self.chars(s.start, s.end)
            if last is not None and last.sent == s.index - 1 and not crossed:
                last.content[-1] = (last.content[-1][0], span[1])
                last.sent = s.index
                by_sent[s.index] = last
                continue
            mention = src.mention
            if mention and self.text[mention[0] : mention[1]].lower() == "demnach":
                mention = None  # the chain goes on with the source "Demnach" points to
            spk = self._named(src.speaker, s.index)
            if crossed:
                spk = mention = None
            f = Found("indirect", [span], None, spk, sent=s.index,
                      rule="free", mention=mention)
            self.found.append(f)
            by_sent[s.index] = f
            last = f

    def _implicit_source(self, s: Sent) -> Found | None:
        """A Konjunktiv I sentence after one whose subject can speak ("Das Institut sieht
        keine Gefahr. Lediglich Personen … seien zu schützen."): that subject is the speaker."""
        if not self.parsed or not any(self._konj1_strict(t) for t in self.toks[s.start : s.end]):
            return None
        prev = self.sents[s.index - 1]
        if "\n" in self.text[self.toks[prev.end - 1].idx : self.toks[s.start].idx]:
            return None
        root = next((t for t in self.toks[prev.start : prev.end] if t.dep_ == "ROOT"), None)
        if root is None or root.pos_ not in {"VERB", "AUX"}:
            return None
        sub = parse_speaker(self.toks, root.i, prev.start, prev.end)
        if sub is None or agentive(_head(self.toks, sub)) < 2:
            return None
        return Found("indirect", [self.chars(prev.start, prev.end)], None, self.chars(*sub),
                     sent=prev.index, rule="implicit")

    @staticmethod
    def _konj1_strict(tok: Token) -> bool:
        """An unambiguous Konjunktiv I form ("sei", "habe" with a 3rd-person subject)."""
        w = tok.text.lower()
        if w in {"sei", "seien", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "gebe",
                 "bestehe", "liege", "stehe", "gehe", "komme", "habe"}:
            if tok.i > 0 and tok.doc[tok.i - 1].text.lower() in {"ich", "ja", "so"}:
                return False  # "ich habe", "so sei es"
            nxt = tok.doc[tok.i + 1].text.lower() if tok.i + 1 < len(tok.doc) else ""
            return not (w == "sei" and nxt in {"es", "denn"})
        return "Sub" in tok.morph.get("Mood") and "Pres" in tok.morph.get("Tense")

    def _named(self, spk: tuple[int, int] | None, sent: int) -> tuple[int, int] | None:
        """An inherited pronoun speaker ("er") replaced by the last named speaker before it."""
        if spk is None or self.text[spk[0] : spk[1]].lower() not in PRONOUN_SPEAKERS:
            return spk
        for f in sorted(self.found, key=lambda g: g.start, reverse=True):
            if f.speaker and f.speaker[0] < spk[0] and sent - 5 < f.sent <= sent and \
                    self.text[f.speaker[0] : f.speaker[1]].lower() not in PRONOUN_SPEAKERS:
                return f.speaker
        return spk

    @staticmethod
    def _konj(tok: Token) -> bool:
        if tok.text.lower() in {"dürfte", "dürften", "möchte", "möchten"}:
            return False  # epistemic, or ("möchte") an indicative in use, not reported
        if "Sub" in tok.morph.get("Mood"):
            return True
        return tok.text.lower() in KONJ1 or tok.text.lower() in {"soll", "sollen"}

    def leftover_quotes(self) -> None:
        taken = {c for f in self.found if f.rule == "quote" for c in f.content}
        for q in self.quotes:
            if (q.start, q.end) in taken:
                continue
            inner = self.text[q.start + 1 : q.end - 1]
            before = self.text[max(0, q.start - 6) : q.start].split()
            if _is_name(inner, before[-1] if before else "", self.lang == "de") or \
                    self._in_speaker(q):
                continue  # „Linkspartei.PDS“, „Space Telescope Science Institute“
            host = next((f for f in self.found if f.content[0][0] <= q.start
                         and q.end <= f.content[-1][1] and f.rule != "quote"), None)
            frame = None if host is not None else self._sentence_frame(q)
            if host is not None:
                self.found.append(Found("direct", [(q.start, q.end)], host.cue, host.speaker,
                                        list(host.sources), sent=host.sent, rule="nested"))
            elif frame is not None:
                self.found.append(frame)
            elif (len(inner.split()) >= 4 or any(p in inner for p in ".!?")) and \
                    self._has_verb(q):
                span = self._tokens_in(q.start, q.end)
                sent = self.sent_of[span.start] if span else 0
                prev = [f for f in self.found if f.start < q.start and f.speaker]
                spk = max(prev, key=lambda f: f.start).speaker if prev else None
                spk = self._named(spk, sent)
                self.found.append(Found("direct", [(q.start, q.end)], None, spk, sent=sent,
                                        rule="context"))


    def _sentence_frame(self, q: Quote) -> Found | None:
        """A short quote in a sentence with a cue verb ("nannte den Bericht eine „Ente“")."""
        span = self._tokens_in(q.start, q.end)
        if not span:
            return None
        s = self.sents[self.sent_of[span.start]]
        for k in range(s.start, s.end):
            if self.in_quote[k] >= 0:
                continue
            cue = cue_at(self.toks, k, s.start, s.end, self.lang)
            if cue is None:
                continue
            spk = self.speaker(cue, avoid=span)
            if spk is not None:
                return Found("direct", [(q.start, q.end)], self.cue_span(cue), spk,
                             sent=s.index, rule="nested")
        return None

    def _in_speaker(self, q: Quote) -> bool:
        return any(f.speaker[0] <= q.start < f.speaker[1] for f in self.found if f.speaker)

    def _has_verb(self, q: Quote) -> bool:
        if not self.doc.has_annotation("POS"):
            return True
        return any(t.pos_ in {"VERB", "AUX"} for t in self.toks[slice(
            self._tokens_in(q.start, q.end).start, self._tokens_in(q.start, q.end).stop)])


_DEFINITE = {"der", "die", "das", "dem", "den", "des", "im", "vom", "zum", "zur", "beim", "am",
             "the", "zu", "bei", "auf", "in", "mit", "für", "über", "von", "nach",
             "aus"}  # fmt: skip


_TITLE_WORDS = {"am", "im", "vom", "zum", "zur", "dem", "den", "eines", "einer", "ein", "eine",
                "at", "in", "on", "a", "an", "to", "de", "du", "la", "le", "les", "el", "del"}


def _is_name(inner: str, before: str = "", wide: bool = False) -> bool:
    """A quoted name or title: no sentence mark, (almost) every word capitalised.

    ``wide`` (German text) also lets articles and prepositions of titles stay lower-case;
    in German only names and nouns are capitalised, so this rarely hits quoted speech."""
    words = [w for w in re.findall(r"[^\W\d_][\w.\-’']*", inner)]
    if not words or any(p in inner for p in "!?") or inner.rstrip().endswith("."):
        return False
    if len(words) == 1 and "." not in words[0] and before.lower() not in _DEFINITE:
        return False  # "eine „Zeitungsente“" is a quoted word, "dem „Deutschlandfunk“" a name
    small = {"und", "der", "die", "das", "des", "von", "für", "mit", "the", "of", "and", "ohne"}
    if wide:
        small = small | _TITLE_WORDS  # „BILD am Sonntag“, „Piper at the Gates of Dawn“
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in small)
    return caps == len(words) or ("." in inner.strip(".") and " " not in inner.strip())

