"""How firmly an event is said: asserted, future, conditional (+ condition), possible, negated.

:func:`conditions` finds condition clauses in a sentence (falls / wenn / sofern /
vorausgesetzt / im Falle / unter der Bedingung / if / provided / unless / in case of);
:func:`modality` decides the modality of one clause from its cue words. The order of
precedence is conditional > negated > possible > future > asserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.claims.hedges import NOT_RULED_OUT, future_by_time, hedged

# clause-introducing condition markers: the condition runs to the next clause boundary
_COND_CLAUSE = re.compile(
    r"^(?:Sollte|Sollten|Should|Provided)\b|\b(?:falls|sofern|sobald|solange|vorausgesetzt(?:,)?(?:\s+dass)?|unter\s+der\s+(?:Bedingung|Voraussetzung)"
    r"(?:,)?(?:\s+dass)?|es\s+sei\s+denn|wenn|if|unless|provided(?=\s+(?:that|it|they|he|she|we|both|all)\b)|(?<=,\s)provided|as\s+long\s+as"
    r"|on\s+(?:the\s+)?condition\s+that|only\s+if|ohne\s+dass|in\s+case(?!\s+of\b)"
    r"|in\s+the\s+event\s+that|(?:im\s+Fall(?:e)?|für\s+den\s+Fall),?\s+dass)\b", re.IGNORECASE)
# prepositional condition markers: the condition is the noun phrase that follows
_COND_PP = re.compile(
    r"\b(?:im\s+Fall(?:e)?(?!\s+(?:ist|war))|für\s+den\s+Fall"
    r"|bei\s+(?:einem|einer)\s+(?:erneuten|weiteren|neuen)"
    r"|(?P<en>in\s+case\s+of|in\s+the\s+event\s+of))\b", re.IGNORECASE)
_EN_NP = re.compile(
    r"(?:\s+[\w'-]+){1,8}?(?=\s*(?:[,;.:!?]|$|\s(?:and|but|the\s+\w+\s+(?:will|would))\b))")
_BOUNDARY = re.compile(r"[,;:!?–—()]|\.(?:\s|$)|\s(?:aber|doch|jedoch|but|so\s+der|so\s+die)\s"
                       r"|\s(?=(?:will|would|wird|werden)\s)")
_NOUN_END = re.compile(r"\s*(?:\S+\s+){0,3}?\b[A-ZÄÖÜ][\w-]*(?:s|es)?\b")

_NEG = re.compile(
    r"\b(?:nicht(?!\s+nur\b)|kein|keine|keinen|keinem|keiner|keines|nie|niemals|weder|nirgends"
    r"|not(?!\s+(?:only|just)\b)|no|never|fail(?:s|ed|ing)?\s+to"
    r"|neither|nor|none|niemand\w*|nichts|nobody|nothing)\b|n't\b", re.IGNORECASE)
_POSSIBLE = re.compile(
    r"\b(?:könnte|könnten|könne|können|kann|möglicherweise|eventuell|vielleicht|womöglich|denkbar"
    r"|erwäg\w*|erwogen|in\s+Betracht|prüf\w*|geprüft|could|might|(?-i:may)|possibly|perhaps|maybe"
    r"|potentially|consider\w*|weigh\w*|mull\w*|explor\w*|examin\w*|option\w*|Option\w*"
    r"|possible|conceivable)\b", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:werden|wird|werde|würde|würden|wollen|will|wollte|soll|sollen|plant\w*|geplant"
    r"|möchte|möchten|voraussichtlich|(?:is|are)\s+to\s+(?!blame\b)\w+|scheduled\s+to"
    r"|wants?\s+to|hop(?:e|es|ing)\s+to"
    r"|beabsichtig\w*|Bereitschaft|Zusage\w*|zugesagt|angekündigt|kündigt\w*|ankündig\w*"
    r"|(?:ist|sind|sei|seien|wäre|wären|war|waren|zeigt\w*|sich)\s+(?:\w+\s+){0,2}bereit"
    r"|bereit\s+(?:sind|ist|sei|seien|wären|wäre|waren|war|zu)"
    r"|shall|would|going\s+to|plan(?:s|ned)?\s+to|aim(?:s|ing)?\s+to|intend\w*|ready\s+to|willing|prepared\s+to"
    r"|set\s+to|expected\s+to|due\s+to\s+(?!the\b|a\b|its\b)\w+|announced\s+plans)\b|'ll\b"
    r"|\bwill\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Condition:
    start: int
    end: int
    text: str


def conditions(sentence: str) -> list[Condition]:
    """Condition clauses and phrases in one sentence (offsets into ``sentence``)."""
    out = []
    for m in _COND_CLAUSE.finditer(sentence):
        if m.group(0).lower() == "wenn" and re.match(r"\s*auch\b", sentence[m.end():]):
            continue  # "wenn auch": concessive
        stop = _BOUNDARY.search(sentence, m.end() + 1)
        end = stop.start() if stop else len(sentence)
        out.append(Condition(m.start(), end, sentence[m.start() : end].strip()))
    for m in _COND_PP.finditer(sentence):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        noun = (_EN_NP if m["en"] else _NOUN_END).match(sentence, m.end())
        if noun is None:
            continue
        out.append(Condition(m.start(), noun.end(), sentence[m.start() : noun.end()].strip()))
    return sorted(out, key=lambda c: c.start)


def modality(clause: str, trigger: int | None = None, trigger_end: int | None = None) -> str:
    """The modality of one clause from its cue words (conditions are decided by the caller).

    With ``trigger`` (offset of the event word in ``clause``) a negation counts when it
    comes before the trigger, inside it (the middle field of "nahm … niemanden fest"),
    right after it, or at the end of the clause ("… nicht"). A negated rule-out ("nicht
    ausgeschlossen") is a hedge, not a negation.
    """
    masked = NOT_RULED_OUT.sub(lambda m: " " * len(m.group(0)), clause)
    if negated(masked, trigger, trigger_end):
        return "negated"
    if _POSSIBLE.search(clause) or hedged(clause):
        return "possible"
    if _FUTURE.search(clause):
        return "future"
    word = clause[trigger:] if trigger is not None else ""
    if future_by_time(clause, word):
        return "future"
    return "asserted"


def negated(text: str, trigger: int | None = None, trigger_end: int | None = None) -> bool:
    if trigger is None:
        return bool(_NEG.search(text))
    for m in _NEG.finditer(text):
        if m.start() < trigger or (trigger_end is not None and m.start() < trigger_end):
            return True
        if m.group(0).lower().startswith(("kein", "nie", "never", "no")):
            return True  # a negated object anywhere after the verb: "zahlt … keine Dividende"
        between = text[trigger : m.start()].split()
        if len(between) <= 3 or not text[m.end() :].strip(" .!?\"“”"):
            return True
    return False
