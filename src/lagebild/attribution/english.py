"""English-only frame rules, kept apart from the shared German/English engine in :mod:`.frames`.

* ``"…," Steve Moody, a small-business owner, said at the rally.`` – a quote that ends in
  a comma (or "?", "!": ``"Would that be you?" Borger asked.``), then a capitalised subject
  (with an apposition) and the cue verb: the frame after the quote, although the word
  after the quote is not lower-case (the shared rule only takes ``"…," he said`` /
  ``"…," said X``).
* ``A poll showed Clinton with a lead.`` – the noun-phrase object of an evidence verb is
  its content.
"""

from __future__ import annotations

import re
from typing import Any

from lagebild.attribution.cues import Cue
from lagebild.attribution.found import Found
from lagebild.attribution.phrases import ADVERBS

Finder = Any
_STOP = {".", "!", "?", ";", ":", "—", "–"}
_MAX_SUBJECT = 18  # tokens between the quote and its cue verb ("X, a … of Y, said")


def frame_after(f: Finder, quote_start: int, quote_end: int) -> tuple[Cue, int] | None:
    """The cue verb after a comma-, ?- or !-final quote with a capitalised subject in between."""
    if f.lang != "en" or f.text[quote_start:quote_end].rstrip("\"'”’ ")[-1:] not in {",", "?", "!"}:
        return None
    span = f._tokens_in(quote_end, len(f.text))
    i = span.start
    if i >= len(f.toks) or not f.toks[i].text[:1].isupper():
        return None
    for k in range(i + 1, min(len(f.toks), i + _MAX_SUBJECT)):
        t = f.toks[k]
        if t.text in _STOP or f.in_quote[k] >= 0 or "\n" in t.text:
            return None
        cue = f._cue(k)
        if cue is not None:
            return cue, k
        if t.pos_ in {"VERB", "AUX"} and not _in_apposition(f, i, k):
            return None  # another clause's verb comes first
    return None


def _in_apposition(f: Finder, start: int, k: int) -> bool:
    """Token ``k`` lies between two commas after the subject's name ("X, who …, said")."""
    return any(f.toks[m].text == "," for m in range(start, k))


# verbs whose noun-phrase object is what was said or shown ("a poll showed Clinton with a
# lead", "he mentioned the minimum wage"); "find" is left out: "police found the car"
OBJECT_CUES = {"mention", "note", "show", "reveal", "suggest", "indicate", "predict", "estimate"}


def object_content(f: Finder, cue: Cue, i: int) -> tuple[int, int] | None:
    """The direct object (its whole subtree) of an evidence verb, as the content."""
    if f.lang != "en" or cue.lemma not in OBJECT_CUES or not f.parsed:
        return None
    tok = f.toks[i]
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    sub = list(obj.subtree)
    return sub[0].i, sub[-1].i + 1


# nouns that name what someone said, thought or decided ("his suggestion that …",
# "Trump's criticism of the family", "the decision to run")
NOUN_CUES = {
    "statement", "announcement", "assertion", "claim", "suggestion", "insistence", "belief",
    "view", "hope", "fear", "promise", "pledge", "vow", "warning", "remark", "comment",
    "decision", "criticism", "endorsement", "opposition", "call", "demand", "proposal",
    "accusation", "allegation", "argument", "prediction", "expectation", "threat", "refusal",
    "denial", "admission", "complaint", "request", "praise", "description", "recommendation",
    "conclusion", "concern", "insinuation", "contention",
}  # fmt: skip
_OF_NOUNS = {"criticism", "endorsement", "opposition", "praise", "description", "denial",
             "admission", "view", "rejection", "defense", "defence"}  # fmt: skip


def noun_frames(f: Finder, s: Any) -> None:
    """Speech nouns with a that-clause, a to-infinitive or an "of" object as content; the
    possessor ("his", "Mr. Trump's") is the speaker."""
    if f.lang != "en" or not f.parsed:
        return
    for tok in f.toks[s.start : s.end]:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in NOUN_CUES or f.in_quote[tok.i] >= 0 \
                or tok.i in f.used:
            continue
        content = _noun_content(tok)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if content is None:
            continue
        speaker = None
        if poss is not None:
            sub = list(poss.subtree)
            speaker = f.chars(sub[0].i, sub[-1].i + 1)
        f.used.add(tok.i)
        f.found.append(Found("indirect", [f.chars(*content)], f.chars(tok.i, tok.i + 1),
                             speaker, sent=s.index, rule="noun"))


def _noun_content(tok: Any) -> tuple[int, int] | None:
    for c in tok.children:
        sub = list(c.subtree)
        first = sub[0].text.lower()
        if c.dep_ in {"acl", "ccomp", "relcl"} and first == "that" and c.pos_ in {"VERB", "AUX"}:
            return sub[0].i, sub[-1].i + 1
        if c.dep_ in {"acl", "xcomp"} and first == "to":
            return sub[0].i, sub[-1].i + 1
        if c.dep_ == "prep" and c.text.lower() == "of" and tok.lemma_.lower() in _OF_NOUNS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                ss = list(objs[0].subtree)
                return ss[0].i, ss[-1].i + 1
    return None


def merge_quote_runs(f: Finder) -> None:
    """ ``"A," X said. "B."`` – a quote standing alone right after a framed quote of the same
    paragraph continues that statement: one attribution with two content parts (English
    annotators, as in PolNeAR, mark the run as one)."""
    if f.lang != "en":
        return
    found = sorted(f.found, key=lambda g: g.start)
    drop: set[int] = set()
    prev = None
    for g in found:
        if prev is not None and g.rule == "context" and g.form == "direct" and \
                _continues(f, prev, g):
            prev.content.append(g.content[0])
            drop.add(id(g))
            continue
        if g.rule == "nested":
            continue
        prev = g if g.rule in {"quote", "context"} and g.form == "direct" else None
    f.found = [g for g in f.found if id(g) not in drop]


def _continues(f: Finder, prev: Found, g: Found) -> bool:
    end = max([prev.content[-1][1]] + [x[1] for x in (prev.cue, prev.speaker) if x])
    gap = f.text[end : g.content[0][0]]
    return "\n" not in gap and len(gap.split()) <= 12 and not any(q in gap for q in "\"“”")


def drop_nested_reported(f: Finder) -> None:
    """A reported frame whose cue lies inside another frame's content, with a speaker found
    outside that content, is a detail of it ("He thinks that cutting the deficit matters
    more than defending the nation": no "defending" frame with speaker "He"). Dropping
    every nested reported frame lost as much recall as it won precision on tune."""
    if f.lang != "en":
        return
    spans = [(a, b, id(g)) for g in f.found if g.rule != "nested" for a, b in g.content]
    f.found = [g for g in f.found if not (
        g.form == "reported" and g.cue is not None
        and any(a <= g.cue[0] < b and k != id(g) and not (
            g.speaker and a <= g.speaker[0] < b) for a, b, k in spans))]



def infinitive_content(f: Finder, cue: Cue, i: int) -> tuple[int, int] | None:
    """ "The companies expect to save $2 billion": the to-infinitive of a belief or
    intention verb is its content."""
    if f.lang != "en" or not f.parsed:
        return None
    for c in f.toks[i].children:
        if c.dep_ == "xcomp" and c.i > i:
            sub = list(c.subtree)
            if sub[0].text.lower() == "to":
                return sub[0].i, sub[-1].i + 1
    return None


# a dateline the parser glued to the subject: "BERLIN, Oct 16 - German Defence Minister …"
_DATELINE = re.compile(r"(?:[A-Z][A-Z .'-]+,\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
                       r"[A-Z][a-z]{2,8})\s*[-–—]\s+")


def trim_speakers(f: Finder) -> None:
    """Speaker spans without a leading dateline or a trailing comma/dash of an apposition
    ("Ukraine's defence minister, who attended the meeting," → without the last comma)."""
    if f.lang != "en":
        return
    for g in f.found:
        if g.speaker is None:
            continue
        a, b = g.speaker
        m = _DATELINE.match(f.text, a, b)
        if m and m.end() < b:
            a = m.end()
        while b > a and f.text[b - 1] in ",;:–—- ":
            b -= 1
        g.speaker = (a, b) if b > a else g.speaker


def subject_before(f: Finder, i: int) -> bool:
    """The cue verb has its subject before it ("X, who attended the meeting, asked allies
    …"): the comma before the cue closes an apposition, not a content."""
    if f.lang != "en" or not f.parsed:
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < i for c in f.toks[i].children)


def participle_speakers(f: Finder) -> None:
    """ "Clinton took a swipe at Trump, saying that …" / "After suggesting that …, Rubio
    …": a cue participle without a speaker takes the subject of the verb it hangs on."""
    if f.lang != "en" or not f.parsed:
        return
    for g in f.found:
        if g.speaker is not None or g.cue is None or g.rule not in {"cue", "quote"}:
            continue
        span = f.doc.char_span(*g.cue, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span[0]
        if tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "xcomp", "conj", "pcomp"}:
            continue
        head = tok.head
        while head.dep_ in {"pcomp", "prep"} and head.head.i != head.i:
            head = head.head
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or subj.text.lower() in {"it", "there", "that", "which"}:
            continue
        sub = [t for t in subj.subtree if t.i < head.i]
        if sub:
            g.speaker = f.chars(sub[0].i, sub[-1].i + 1)


_NAME_POS = {"PROPN", "NOUN", "X", "ADJ"}


def speaker_line(f: Finder, s: Any) -> None:
    """ "Issa: Clinton's honesty is in question" / transcript lines "Matthews: Well, …".

    A name of one to four capitalised words, a colon and a statement: the name is the
    speaker, the colon the cue. Tagger slips on short names (ADJ, NOUN) are allowed; the
    hyphen of a double name is part of it; a line cut at the colon by the sentence splitter
    takes the next sentence of the paragraph; a line that opens with an unclosed quote
    mark (a quoted transcript) is read inside the quote.
    """
    toks = f.toks
    a = s.start + 1 if toks[s.start].text in {'"', "“", "'"} else s.start
    c = next((k for k in range(a + 1, min(s.end, a + 6)) if toks[k].text == ":"), None)
    if c is None or any(g.sent == s.index for g in f.found):
        return
    name = [t for t in toks[a:c] if t.text != "-"]
    if not name or len(name) > 4 or any(
            not (t.text[:1].isupper() and t.is_alpha) or t.text.lower() in ADVERBS
            or t.pos_ not in _NAME_POS for t in name):
        return
    end = f._content_end(c + 1, s)
    if end - c < 3:
        nxt = next((t for t in f.sents if t.index == s.index + 1), None)
        if nxt is None or "\n" in f.text[toks[c].idx:toks[nxt.start].idx]:
            return
        end = f._content_end(nxt.start, nxt)
    if end - c < 3 or (f.in_quote[c + 1] >= 0 and f.in_quote[c + 1] != f.in_quote[a]):
        return
    f.found.append(Found("direct", [f.chars(c + 1, end)], f.chars(c, c + 1), f.chars(a, c),
                         sent=s.index, rule="headline"))


def passive_speakers(f: Finder) -> None:
    """ "Obama is expected to join Clinton", "Sanders has been criticized for …", "X is said
    to be urging …": the subject of an agentless passive cue is what is talked about, not
    who talks, so the frame keeps no speaker (PolNeAR marks none)."""
    if f.lang != "en" or not f.parsed:
        return
    for g in f.found:
        if g.speaker is None or g.cue is None:
            continue
        cue = f.doc.char_span(*g.cue, alignment_mode="expand")
        spk = f.doc.char_span(*g.speaker, alignment_mode="expand")
        if cue is None or spk is None or not len(cue):
            continue
        kids = list(cue[0].children)
        if any(c.dep_ == "agent" for c in kids):
            continue
        if any(c.dep_ == "nsubjpass" and spk.start <= c.i < spk.end for c in kids):
            g.speaker = None


# stance adjectives after "be": "is critical of X", "are worried that …" (written for lagebild)
STANCE_ADJ = {"critical", "skeptical", "sceptical", "wary", "supportive", "concerned",
              "confident", "optimistic", "pessimistic", "divided", "passionate", "mistrustful",
              "sympathetic", "adamant", "hopeful", "worried", "opposed", "thrilled", "excited",
              "angry", "upset", "unhappy", "eager", "proud", "convinced", "doubtful",
              "enthusiastic", "furious", "nervous", "afraid", "fearful", "dismissive"}
_STANCE_PREPS = {"of", "about", "over", "with", "to", "toward", "towards", "on"}


def stance_frames(f: Finder, s: Any) -> None:
    """ "Jewish leaders are deeply divided over Trump", "she is worried that …": a stance
    adjective after "be" with a person-ish subject; content = its of/about object or its
    that-clause, cue = the adjective, speaker = the subject."""
    if f.lang != "en" or not f.parsed:
        return
    taken = {k for g in f.found if g.sent == s.index for a, b in g.content
             for k in f._tokens_in(a, b)}
    for tok in f.toks[s.start : s.end]:
        if tok.pos_ not in {"ADJ", "VERB"} or tok.lower_ not in STANCE_ADJ \
                or tok.dep_ not in {"acomp", "ROOT", "conj"} or f.in_quote[tok.i] >= 0 \
                or tok.i in f.used or tok.i in taken:
            continue
        head = tok.head if tok.dep_ == "acomp" else tok
        if not any(c.lemma_ == "be" for c in [head, *head.children]):
            continue
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None or subj.lower_ in {"it", "there", "this", "that", "which"}:
            continue
        content = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS:
                obj = [t for t in c.subtree if t.i > c.i]
                if obj:
                    content = (obj[0].i, obj[-1].i + 1)
            elif c.dep_ == "ccomp":
                sub = list(c.subtree)
                content = (sub[0].i, sub[-1].i + 1)
            if content:
                break
        if content is None:
            continue
        sub = [t for t in subj.subtree if t.i < head.i]
        f.used.add(tok.i)
        f.found.append(Found("indirect", [f.chars(*content)], f.chars(tok.i, tok.i + 1),
                             f.chars(sub[0].i, sub[-1].i + 1) if sub else None,
                             sent=s.index, rule="stance"))
