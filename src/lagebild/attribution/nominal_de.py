"""German speech-noun frames: "X ist der Meinung, dass …", "die Forderung des Y, … zu tun".

Moved out of :mod:`.context` and widened in round 4 (issue #5): on the tune split many
missed quotes hang on a speech noun rather than a verb, with three kinds of content
after the comma — a *dass/ob* clause, a *zu*-infinitive ("die Ankündigung ihres
Trainers, die Zusammenarbeit … zu beenden") and a verb-second clause in Konjunktiv
("die Aussage, es sei …"). The speaker is the subject of the governing verb (parse), else
the genitive after the noun ("die Forderung des CSU-Vorsitzenden"). Without a speaker
the frame is still kept ("die Behauptungen, dass …"): the record then says "source
unknown", as the gold does (empty speaker).
"""

from __future__ import annotations

from typing import Any

from lagebild.attribution.found import Found, Sent
from lagebild.attribution.parse import parse_speaker
from lagebild.attribution.phrases import np_right

Token = Any
Finder = Any

SPEECH_NOUNS = {
    "meinung", "ansicht", "auffassung", "überzeugung", "ergebnis", "schluss", "theorie", "these",
    "prognose", "einschätzung", "hoffnung", "befürchtung", "sorge", "vorwurf", "vorwürfe",
    "forderung", "behauptung", "behauptungen", "hinweis", "hinweise", "warnung", "erklärung",
    "aussage", "eindruck", "worten", "angaben", "berichte", "bericht", "gerüchte", "zusage",
    "versprechen", "ankündigung", "mitteilung", "meldung", "meldungen", "vermutung", "annahme",
    "argument", "begründung", "feststellung", "standpunkt", "position", "kritik", "appell",
    "zweifel", "verdacht", "erkenntnis", "erkenntnisse", "nachricht", "informationen",
    "gerücht", "vorschlag", "plan", "pläne", "absicht", "bitte", "aufforderung", "anfragen",
}  # fmt: skip
_GENITIVE = {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer"}


def frames(f: Finder, s: Sent) -> None:
    """The German noun and agentless frames of sentence ``s`` (nothing for English)."""
    if f.lang == "de":
        noun_frames(f, s)
        agentless_frames(f, s)


def _konj(tok: Token) -> bool:
    return "Sub" in tok.morph.get("Mood")


def _zu_infinitive(toks: list[Token], a: int, b: int) -> bool:
    """``[a, b)`` holds a zu-infinitive before its first comma ("…, X zu tun")."""
    for k in range(a, b):
        if toks[k].text == ",":
            return False
        if toks[k].tag_ == "VVIZU" or (toks[k].text == "zu" and k + 1 < b
                                       and toks[k + 1].tag_ in {"VVINF", "VAINF", "VMINF"}):
            return True
    return False


def _konj_v2(toks: list[Token], a: int, b: int) -> bool:
    """A verb-second clause in Konjunktiv starts at ``a`` ("…, es sei …")."""
    return any(_konj(t) and t.tag_.endswith("FIN") for t in toks[a : min(b, a + 4)])


def _genitive_speaker(f: Finder, noun: int, limit: int) -> tuple[int, int] | None:
    """ "die Forderung des CSU-Vorsitzenden Edmund Stoiber": the NP after the noun."""
    if noun + 1 >= limit or f.toks[noun + 1].text.lower() not in _GENITIVE:
        return None
    return np_right(f.toks, noun + 1, limit)


def noun_frames(f: Finder, s: Sent) -> None:
    """Speech noun + comma + dass clause / zu-infinitive / Konjunktiv clause."""
    toks = f.toks
    taken = [c for x in f.found for c in x.content]
    for m in range(s.start + 2, s.end):
        if toks[m - 1].text != "," or any(a <= toks[m].idx < b for a, b in taken):
            continue
        w = toks[m].text.lower()
        noun = next((k for k in range(m - 2, max(s.start, m - 9) - 1, -1)
                     if toks[k].text.lower() in SPEECH_NOUNS and toks[k].text[:1].isupper()),
                    None)
        if noun is None:
            continue
        near = noun >= m - 5
        end = f._content_end(m, s)
        if not ((w in {"dass", "ob"} and near) or (f.parsed and (
                _zu_infinitive(toks, m, end) or (near and _konj_v2(toks, m, end))))):
            continue
        spk = None
        if f.parsed:
            head = toks[noun].head
            while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
                head = head.head
            anchor = head.i if head.pos_ in {"VERB", "AUX"} else noun
            sub = parse_speaker(toks, anchor, s.start, m)
            if sub is None and anchor != noun:
                sub = parse_speaker(toks, noun, s.start, m)
            sub = sub or _genitive_speaker(f, noun, m - 1)
            spk = f.chars(*sub) if sub else None
        f.found.append(Found("indirect", [f.chars(m, end)], f.chars(noun, noun + 1), spk,
                             sent=s.index, rule="cue"))
        taken.append(f.chars(m, end))


_AGENTLESS = {"bekannt", "heraus", "hervor"}
_SKIP_BACK = {"geworden", "gegeben", "worden", "ist", "war", "sei", "wurde"}


def agentless_frames(f: Finder, s: Sent) -> None:
    """ "Es wurde bekannt, dass …", "stellte sich heraus, dass …", "geht aus X hervor, dass …".

    No cue verb speaks here, yet the gold marks the *dass* clause as reported content;
    the source is the "aus"-phrase of "hervorgehen", a parsed subject ("hatte bekannt
    gegeben"), or none.
    """
    toks = f.toks
    taken = [c for x in f.found for c in x.content]
    for m in range(s.start + 2, s.end):
        if toks[m].text.lower() != "dass" or toks[m - 1].text != ",":
            continue
        if any(a <= toks[m].idx < b for a, b in taken):
            continue
        k = m - 2
        while k > s.start and toks[k].text.lower() in _SKIP_BACK:
            k -= 1
        w = toks[k].text.lower()
        if w not in _AGENTLESS:
            continue
        sub = None
        if w == "hervor":
            aus = next((j for j in range(k - 1, s.start - 1, -1)
                        if toks[j].text.lower() == "aus"), None)
            sub = np_right(toks, aus + 1, k, oblique=True) if aus is not None else None
        elif f.parsed:
            sub = parse_speaker(toks, k, s.start, m)
        spk = f.chars(*sub) if sub else None
        if spk and f.text[spk[0] : spk[1]].lower() in {"es", "man"}:
            spk = None
        end = f._content_end(m, s)
        f.found.append(Found("indirect", [f.chars(m, end)], f.chars(k, k + 1), spk,
                             sent=s.index, rule="cue"))
        taken.append(f.chars(m, end))
