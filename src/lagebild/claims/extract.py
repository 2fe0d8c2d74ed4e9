"""Read claims from the clauses of an article: trigger → event, actor, target, modality.

For each clause (see :mod:`.clauses`) the strongest trigger (see :mod:`.lexicon`) gives the
event; commitment and rule-out verbs pass their force to the event they govern ("sagte …
zu, Truppen zu entsenden" → AID, future; "schloss den Einsatz … aus" → AID, negated), a
negated acceptance is a REJECT, and a reported "muss/sollte/must/should" addressed to
someone other than the speaker is a REQUEST. The actor is the first actor mention not
governed by a preposition (else a resolved pronoun, the speaker, or the antecedent of a
relative pronoun); the target is the next actor mention, preferably after "für/gegen/an/
for/against/to". Coordinated actors ("die USA und ihre Verbündeten") give one claim each.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lagebild.claims.clauses import Clause, Mention, mentions, walk
from lagebild.claims.hedges import NOT_RULED_OUT, matrix_hedge
from lagebild.claims.lexicon import TriggerHit, find_triggers
from lagebild.claims.modality import Condition, conditions, modality, negated
from lagebild.claims.quantity import find_quantities
from lagebild.records import Article, Attribution, Claim, Quantity, Span, TimeExpr, TimeValue

PREPS = {
    "für", "gegen", "gegenüber", "an", "am", "auf", "mit", "nach", "in", "im", "zu", "zur",
    "zum", "von", "vom", "aus", "bei", "beim", "über", "unter", "vor", "um", "durch", "ohne",
    "seit", "zwischen", "for", "against", "to", "toward", "towards", "with", "on", "from",
    "at", "by", "of", "into", "over", "about", "between", "within", "without",
}  # fmt: skip
TARGET_PREPS = {"für", "gegen", "gegenüber", "an", "auf", "in", "im", "nach", "zu", "zur", "zum",
                "mit", "for", "against", "to", "toward", "towards", "on", "into", "with"}
_DETS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
         "eines", "the", "a", "an", "its", "their", "his", "her", "seine", "seinen", "seiner",
         "ihre", "ihren", "ihrer", "ihrem"}  # fmt: skip
_OBJECT_FIRST = re.compile(r"^(?:Den|Einen|Diesen|Keinen|Ihren|Seinen)\s")
_TITLES = {"Präsident", "Präsidentin", "Kanzler", "Kanzlerin", "Minister", "Ministerin",
           "President", "Chancellor", "Secretary"}
_PRONOUN = re.compile(r"\b(er|sie|es|wir|he|she|they|it|we)\b", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"^(?:dies|das|diese|this|that|these)\b(?!\s+(?-i:[A-ZÄÖÜ]))",
                            re.IGNORECASE)
_SOURCE_CLAUSE = re.compile(r"\b(?:vertraut|familiar|knowledgeable|informiert|briefed)\b",
                            re.IGNORECASE)
_NOT_VERB = {"und", "and", "aber", "but", "doch", "jedoch", "so", "wie", "as", "the", "a", "an",
             "which", "who", "while", "während", "als", "nachdem", "after", "weil", "because",
             "obwohl", "zu", "um", "to", "in", "im", "am", "mit", "with", "nach", "vor"}
_DEONTIC = re.compile(
    r"\b(?:muss|müsse|müssen|müssten|müsste|sollte|sollten|solle|sollen|soll|must|should"
    r"|ought\s+to|has\s+to|have\s+to|needs?\s+to)\b", re.IGNORECASE)
_COORD = re.compile(r"^\s*(?:,|und|and|sowie|as\s+well\s+as)\s+(?:(?:die|der|ihre|seine|deren|its"
                    r"|their|the)\s+)?$", re.IGNORECASE)
_INFINITIVE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:to\s+\w+|zu\s+\w+en\b)|.*\b\w+zu\w+en\b",
                         re.IGNORECASE)
_REQUEST_MODES = (
    ("assist", r"hilfe|unterstütz|bereitstell|liefer|informationen|überwachung|aid|assist|support"
               r"|provid|intelligence|weapons|waffen"),
    ("meet", r"gespräch|treffen|verhandl|talks|meet|negotiat"),
    ("yield", r"freilass|rückzug|abzug|waffenstillstand|release|withdraw|ceasefire|stop|end\b"),
    ("change", r"reform|änder|rücktritt|wahlen|change|resign|elections"),
)


@dataclass
class _State:
    article: Article
    mentions: list[Mention]
    times: list[TimeExpr]
    quantities: list[tuple[int, int, Quantity]]
    depth: DepthFn | None = None
    last_actor: str | None = None
    last_person: str | None = None  # the last person who was a clause subject
    conditions: list[Condition] = field(default_factory=list)  # of the current sentence


def _governing_prep(text: str, start: int, floor: int) -> str | None:
    """The preposition governing the word at ``start`` (looking back over articles), or
    ``"gen"`` for a German genitive attribute ("die Unterstützung der USA", "Moskaus")."""
    words = re.findall(r"[\wäöüÄÖÜß'-]+", text[floor:start])
    mention = re.match(r"[\wäöüÄÖÜß'-]+", text[start:])
    tail = words[-4:]
    for i, word in enumerate(reversed(tail)):
        low = word.lower()
        if low in PREPS:
            return low
        if i == 0 and word[:1].isupper() and mention and mention.group(0).endswith("s") \
                and word not in _TITLES and len(words) > 1:
            return "gen"  # "Sicherheitsberatern Europas"
        if low in ("der", "des"):
            k = len(words) - i - 2
            noun = words[k] if k >= 0 else ""
            return "gen" if noun[:1].isupper() and noun not in _TITLES else None
        if word in _TITLES or low in _DETS or (
            word.islower() and re.search(r"(e|en|er|es|em)$", word)
        ):
            continue
        return None
    return None


def _speaker(att: Attribution | None, ments: list[Mention]) -> str | None:
    """The speaker's actor id; when the speaker phrase carries a relative clause ("Rubio,
    der … von Präsident Trump …") the first actor before the comma is the speaker."""
    if not att or not att.speaker:
        return None
    spk = att.speaker
    if spk.start is not None and spk.end is not None and "," in spk.text:
        head_end = spk.start + spk.text.index(",")
        head = [m for m in ments if spk.start <= m.start < head_end]
        if head:
            return head[0].actor_id
    return spk.actor_id


def _covering(article: Article, pos: int, sentence: tuple[int, int]) -> Attribution | None:
    best = None
    for att in article.attributions:
        if att.content.start <= pos < att.content.end:
            return att
        if att.cue and sentence[0] <= att.cue.start < sentence[1] and best is None:
            best = att
    return best


def _resolve_pronoun(st: _State, clause: Clause, word: str, speaker: str | None) -> str | None:
    if clause.content and speaker:
        return speaker
    person = word.lower() in ("er", "he", "she")
    if person and st.last_person:
        return st.last_person
    for m in reversed([m for m in st.mentions if m.start < clause.start]):
        if (m.kind == "person") == person or (not person and word.lower() in ("sie", "they")):
            return m.actor_id
    return speaker


def _actor(st: _State, clause: Clause, trig: int, speaker: str | None,
           prev: Clause | None) -> list[str]:
    """The actor ids of a clause (several when coordinated), or []."""
    text = st.article.text
    free = [m for m in clause.mentions if _governing_prep(text, m.start, clause.start) is None]
    before = [m for m in free if m.start < trig]
    chosen = before[0] if before else (free[0] if free else None)
    after = [m for m in free if m.start >= trig]
    if after and _OBJECT_FIRST.match(clause.text):
        chosen = after[0]  # "Den Einsatz … schloss Pistorius aus": object first, subject after
    first = re.match(r"\s*([\wäöüÄÖÜß-]+)", clause.text)
    verb_initial = (prev is not None and first is not None and first.group(1).islower()
                    and first.group(1) not in _NOT_VERB and first.group(1) not in _DETS
                    and not clause.content and not clause.relative
                    and not _PRONOUN.fullmatch(first.group(1)))
    if verb_initial and prev is not None and first is not None \
            and (trig - clause.start) <= len(first.group(0)) + 1:
        inherited = _actor(st, prev, prev.end, None, None)  # "…, fordert europäische Führung"
        if inherited:
            return inherited
    if chosen is not None:
        if chosen.kind == "person":
            st.last_person = chosen.actor_id
        out = [chosen.actor_id]
        for m in clause.mentions:  # "die USA und ihre Verbündeten"
            if m.start > chosen.end and _COORD.match(text[chosen.end : m.start]):
                out.append(m.actor_id)
                chosen = m
        return list(dict.fromkeys(out))
    head = text[clause.start : trig]
    if clause.relative and prev is not None:
        earlier = [m for m in st.mentions if clause.sentence[0] <= m.start < clause.start]
        if earlier:
            return [earlier[-1].actor_id]
    pron = _PRONOUN.search(head)
    if pron:
        resolved = _resolve_pronoun(st, clause, pron.group(1), speaker)
        return [resolved] if resolved else []
    trigger_word = text[trig : trig + 1]
    for m in clause.mentions:  # "der Einsatz von US-Piloten": the agent of a noun
        gap = text[trig : m.start]
        nominal = trigger_word.isupper() or re.match(r"\w+(?:ment|ion|al|ance|ence)\b",
                                                     text[trig : trig + 30])
        agent_phrase = re.fullmatch(r"[\wäöüß]+\s+(?:von|der|des|of|by)\s+(?:\w+\s+)?", gap)
        # "die Zusage Frankreichs": a genitive name right after the noun
        genitive = re.fullmatch(r"[\wäöüß]+\s+", gap) and m.text.endswith("s")
        if nominal and m.start > trig and (agent_phrase or genitive):
            return [m.actor_id]
    if not clause.content and _DEMONSTRATIVE.match(clause.text) and st.last_actor:
        return [st.last_actor]
    return []


def _target(st: _State, clause: Clause, trig: int, actors: list[str]) -> str | None:
    text = st.article.text
    # an actor named inside the condition ("falls Russland … zustimmt") is not the target
    others = [m for m in clause.mentions if m.actor_id not in actors
              and not any(c.start <= m.start < c.end for c in st.conditions)]
    after = [m for m in others if m.start >= trig]
    for m in after:
        if _governing_prep(text, m.start, clause.start) in TARGET_PREPS:
            return m.actor_id
    for m in others:
        if m.start < trig and _governing_prep(text, m.start, clause.start) in TARGET_PREPS:
            return m.actor_id
    if after:
        return after[0].actor_id
    free = [m for m in others if _governing_prep(text, m.start, clause.start) is None]
    return free[0].actor_id if free else None  # a dative object: "der Ukraine … liefern"


def _time(st: _State, clause: Clause, trig: int) -> TimeValue | None:
    def point(t: TimeExpr) -> bool:
        v = t.resolved or ""
        return bool(v) and not v.startswith("P") and not v.endswith("_REF")

    s0, s1 = clause.sentence
    for lo, hi in ((clause.start, clause.end), (s0, s1)):
        near = [t for t in st.times if lo <= t.start < hi and point(t)]
        if near:
            return min(near, key=lambda t: abs(t.start - trig)).value()
    return None


def _quantity(st: _State, clause: Clause) -> Quantity | None:
    inside = [q for s, _e, q in st.quantities if clause.start <= s < clause.end]
    return inside[0] if inside else None


def _request_mode(content: str) -> str | None:
    low = content.lower()
    return next((mode for mode, rx in _REQUEST_MODES if re.search(rx, low)), None)


@dataclass
class _Draft:
    event: str
    mode: str | None
    modality: str
    cue: str
    trig: int
    actors: list[str]
    target: str | None
    content: str | None = None


DepthFn = Callable[[int], int]


def depth_function(doc: Any) -> DepthFn | None:
    """Offset → depth of its token in the dependency tree (None without a parse)."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    starts = [t.idx for t in doc]
    depths = []
    for tok in doc:
        n, cur = 0, tok
        while cur.head.i != cur.i and n < 60:
            cur, n = cur.head, n + 1
        depths.append(n)

    def depth(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return depths[i] if 0 <= i < len(depths) else 99

    return depth


def _decide(hits: list[TriggerHit], clause: Clause,
            depth: DepthFn | None = None) -> tuple[str, str | None, str, TriggerHit]:
    """(event, mode, modality without conditions, the trigger that names the event).

    With a parse the trigger nearest the root is the main one, else the heaviest."""
    if depth is not None:
        main = min(hits, key=lambda h: (depth(clause.start + h.start), -h.trigger.weight))
    else:
        main = max(hits, key=lambda h: (h.trigger.weight, -h.start))
    rest = [h for h in hits if h is not main]
    governed = max(rest, key=lambda h: (h.trigger.weight, -h.start)) if rest else None
    text = clause.text
    if main.trigger.ruleout:
        # "schließt … nicht aus" / "not ruled out": a hedge, not a rejection
        ruled = "possible" if NOT_RULED_OUT.search(text) else "negated"
        if governed is not None:
            return governed.trigger.event, governed.trigger.mode, ruled, main
        return "REJECT", None, "asserted", main
    if main.trigger.accept and negated(text, main.start):
        return "REJECT", None, "asserted", main
    if main.trigger.intent and governed is not None and governed.trigger.weight < 8:
        mod = modality(text)
        return (governed.trigger.event, governed.trigger.mode,
                mod if mod in ("negated", "possible") else "future", main)
    mod = modality(text, main.start, main.end)
    if main.trigger.intent and mod == "asserted" and _INFINITIVE.match(text, main.end):
        mod = "future"  # "pledged to build …": the promised act lies ahead
    return main.trigger.event, main.trigger.mode, mod, main


def _draft(st: _State, clause: Clause, prev: Clause | None, speaker: str | None,
           hits: list[TriggerHit]) -> _Draft | None:
    text = clause.text
    deontic = _DEONTIC.search(text)
    if deontic and (clause.content or speaker) and not any(
        h.trigger.event in ("REQUEST", "REJECT", "THREATEN") for h in hits
    ):
        subject = _actor(st, clause, clause.start + deontic.start(), None, prev)
        if speaker and subject and speaker not in subject:
            content = re.sub(r"^(?:dass|that)\s+", "", text)
            return _Draft("REQUEST", _request_mode(content), "asserted", deontic.group(0),
                          clause.start + deontic.start(), [speaker], subject[0], content)
    if not hits:
        return None
    event, mode, mod, main = _decide(hits, clause, st.depth)
    trig = clause.start + main.start
    actors = _actor(st, clause, trig, speaker, prev)
    target = _target(st, clause, trig, actors)
    if event in ("REQUEST", "REJECT") and mode is None:
        mode = _request_mode(text[main.end :])  # what is asked for / refused
    return _Draft(event, mode, mod, main.text, trig, actors, target)


def extract(article: Article, doc: Any, times: list[TimeExpr], *,
            keep_empty: bool = False) -> list[Claim]:
    """The claims of an article. Claims with no actor, no target and no quantity are
    dropped unless ``keep_empty`` (the scorers use it to judge events without actors)."""
    # the parse picks the main trigger for English; German word order and the small German
    # parser make the lexicon weights the better guide there
    depth = depth_function(doc) if (article.lang or "").startswith("en") else None
    st = _State(article, mentions(article), times, find_quantities(article.text), depth)
    claims: list[Claim] = []
    for sentence, cls in walk(article, doc):
        s0 = sentence[0]
        conds = [Condition(c.start + s0, c.end + s0, c.text)
                 for c in conditions(article.text[s0 : sentence[1]])]
        st.conditions = conds
        consumed: set[int] = set()
        prev_subject: str | None = None
        hedge_next = False  # the clause before was a hedge frame ("Es ist möglich, dass")
        for i, clause in enumerate(cls):
            prev = cls[i - 1] if i else None
            carried, hedge_next = hedge_next, False
            if i in consumed or any(c.start <= clause.start and clause.end <= c.end + 1
                                    for c in conds):
                continue
            if clause.relative and _SOURCE_CLAUSE.search(clause.text):
                continue  # "der mit dem Telefonat vertraut ist": describes a source
            hits = [h for h in find_triggers(clause.text)
                    if not any(c.start <= clause.start + h.start < c.end for c in conds)]
            att = _covering(article, clause.start, sentence)
            speaker = _speaker(att, st.mentions) or (prev_subject if clause.content else None)
            if _hedge_frame(clause, hits, cls[i + 1] if i + 1 < len(cls) else None):
                hedge_next = True
                continue
            draft = _draft(st, clause, prev, speaker, hits)
            if draft is not None and carried and draft.modality in ("asserted", "future"):
                draft.modality = "possible"
            if draft is None:
                subj = _actor(st, clause, clause.end, None, prev)
                prev_subject = subj[0] if subj else prev_subject
                continue
            prev_subject = draft.actors[0] if draft.actors else prev_subject
            nxt = cls[i + 1] if i + 1 < len(cls) else None
            condition, swallow = _condition(conds, cls, i, draft)
            if swallow:
                consumed.add(i + 1)
            if draft.event == "REQUEST" and nxt is not None and nxt.content and not draft.content:
                draft.content = re.sub(r"^(?:dass|that)\s+", "", nxt.text)
                if draft.target is None:
                    subj = _actor(st, nxt, nxt.end, None, clause)
                    draft.target = subj[0] if subj else None
                consumed.add(i + 1)
            made = _claims(st, clause, draft, condition, att, len(claims))
            # a claim needs someone or something to be about: an actor, a target or a count
            if keep_empty or any(c.actor_id or c.target_id or c.quantity for c in made):
                claims.extend(made)
            if draft.actors:
                st.last_actor = draft.actors[0]
    return claims


def _hedge_frame(clause: Clause, hits: list[TriggerHit], nxt: Clause | None) -> bool:
    """A clause that only frames the next one with a hedge ("Es ist nicht ausgeschlossen,
    dass …", "Investigators consider it likely that …", "Die Stadt prüft, ob …")."""
    if nxt is None or not nxt.content or not matrix_hedge(clause.text):
        return False
    return all(h.trigger.ruleout for h in hits)


def _condition(conds: list[Condition], cls: list[Clause], i: int,
               draft: _Draft) -> tuple[Condition | None, bool]:
    """The condition of clause ``i``: one inside it or in the clause right before or after
    it; for a REJECT also a negated relative clause after it. The flag says the next clause
    was used up as the condition."""
    clause = cls[i]
    for cond in conds:
        where = [j for j, c in enumerate(cls) if c.start <= cond.end and cond.start < c.end + 1]
        if any(abs(j - i) <= 1 for j in where):
            return cond, False
    nxt = cls[i + 1] if i + 1 < len(cls) else None
    if draft.event == "REJECT" and nxt is not None and nxt.relative and negated(nxt.text):
        return Condition(nxt.start, nxt.end, nxt.text), True  # "keine Garantien, die nicht …"
    del clause
    return None, False


def _claims(st: _State, clause: Clause, draft: _Draft, condition: Condition | None,
            att: Attribution | None, offset: int) -> list[Claim]:
    text = st.article.text
    s0, s1 = clause.sentence
    evidence = Span(s0, s1, text[s0:s1])
    modality_ = "conditional" if condition is not None else draft.modality
    out: list[Claim] = []
    actors: list[str | None] = list(draft.actors) or [None]
    for actor in actors:
        target = draft.target if draft.target != actor else None
        out.append(Claim(
            id=f"c{offset + len(out) + 1}", actor_id=actor, event_type=draft.event,  # type: ignore[arg-type]
            mode=draft.mode, target_id=target, modality=modality_,  # type: ignore[arg-type]
            condition=condition.text if condition else None,
            quantity=_quantity(st, clause), time=_time(st, clause, draft.trig),
            evidence=evidence, attribution=att.id if att else None, cue=draft.cue,
            content=draft.content or clause.text,
        ))
    return out
