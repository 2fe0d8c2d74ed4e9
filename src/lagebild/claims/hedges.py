"""Hedges that change how firmly a clause states its event, beyond single modal words.

* Epistemic adverbs and predicates ("dürfte", "wahrscheinlich", "vermutlich", "likely",
  "probably") make a clause *possible*; they outrank a future auxiliary ("will probably").
* Reportative "soll … haben" and "reportedly/allegedly": the outlet passes on a claim it
  has not confirmed. We code that as *possible* in both languages (decision 2026-11 in
  docs/decisions.md): the event is reported as uncertain, not asserted by the outlet.
* A matrix clause that only carries a hedge ("Es ist nicht ausgeschlossen, dass …",
  "Die Ermittler halten es für wahrscheinlich, dass …", "It is possible that …", "Die
  Stadt prüft, ob …") has no event of its own: its hedge goes to the content clause.
* Present tense with a future time ("legt nächste Woche … vor", "travels … next week")
  is *future*.
"""

from __future__ import annotations

import re

# epistemic hedges beyond the modal verbs in modality._POSSIBLE
HEDGE = re.compile(
    r"\b(?:dürfte|dürften|wahrscheinlich|vermutlich|angeblich|anscheinend|mutmaßlich(?!e)"
    r"|(?-i:wohl)(?!\s+aber\b)|apparently|seemingly"
    r"|Berichten\s+zufolge|(?:nach|laut)\s+(?:\w+\s+)?(?:Medien)?[Bb]erichten"
    r"|likely|unlikely|probably|presumably|reportedly|allegedly|supposedly|purportedly"
    r"|(?:is|are|was|were)\s+(?:said|believed|thought|rumou?red)\s+to)\b", re.IGNORECASE)
# reportative "soll(en) … <participle> haben/sein/worden sein": an unconfirmed report
REPORTATIVE = re.compile(
    r"\bsoll(?:en)?\b[^.;:!?]*?\b\w+(?:t|en)\s+(?:haben|sein|worden(?:\s+sein)?)\b",
    re.IGNORECASE)
# double negation of a rule-out ("nicht ausgeschlossen", "not ruled out"): possible
NOT_RULED_OUT = re.compile(
    r"\b(?:nicht|kaum)\s+(?:\w+\s+){0,2}?(?:ausgeschlossen|auszuschließen|ausschließen)\b"
    r"|\bschlie(?:ß|ss)(?:t|en)?\s+(?:\w+\s+){0,4}?nicht\s+(?:\w+\s+){0,3}?aus\b"
    r"|\b(?:not|cannot|can't|could\s+not|couldn't|did\s+not|didn't|does\s+not|doesn't|won't)"
    r"\s+(?:be\s+|have\s+been\s+|been\s+)?rul(?:e|ed|ing)\s+out\b"
    r"|\b(?:nicht|not)\s+(?:ganz\s+|entirely\s+|completely\s+)?(?:unmöglich|unwahrscheinlich"
    r"|impossible|unlikely|improbable)\b", re.IGNORECASE)
# a clause whose only content is a hedge over what follows
_MATRIX = re.compile(
    r"\b(?:möglich|wahrscheinlich|denkbar|unwahrscheinlich|vorstellbar|gut\s+möglich"
    r"|possible|likely|unlikely|probable|conceivable|plausible|erwäg\w*|prüf\w*|unklar|unclear"
    r"|consider\w*|weigh\w*|examin\w*|explor\w*|mull\w*)\b", re.IGNORECASE)
# future-time expressions that make a present-tense clause future
FUTURE_TIME = re.compile(
    r"\b(?:nächste[nmrs]?|kommende[nmrs]?|übernächste[nmrs]?|übermorgen|demnächst|künftig"
    r"|(?<!am\s)(?<!vom\s)(?<!den\s)(?<!heute\s)(?<!gestern\s)(?<!jeden\s)morgen"
    r"|ab\s+(?:dem\s+|kommende\w*\s+|nächste\w*\s+)?(?:\d{1,2}\.\s*)?(?:Januar|Februar|März|April"
    r"|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Montag|Dienstag|Mittwoch"
    r"|Donnerstag|Freitag|Samstag|Sonntag|Herbst|Frühjahr|Sommer|Winter|20\d\d)"
    r"|zum\s+\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember)|bis\s+(?:zum\s+)?(?:Jahresende|Monatsende|Ende\s+des\s+Jahres)"
    r"|next|tomorrow|upcoming|(?:the\s+)?coming\s+(?:week|weeks|month|months|year|days)"
    r"|later\s+(?:this|in\s+the)\s+(?:week|month|year)|starting\s+(?:next|on|in|\w+day)"
    r"|from\s+next)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:hat|hatte|hatten|habe|war|waren|wurde|wurden|gestern|vergangene\w*|letzte\w*"
    r"|had|has|have|was|were|did|yesterday|last|ago)\b", re.IGNORECASE)


def hedged(clause: str) -> bool:
    """An epistemic or reportative hedge in the clause (→ possible)."""
    return bool(HEDGE.search(clause) or REPORTATIVE.search(clause)
                or NOT_RULED_OUT.search(clause))


def matrix_hedge(clause: str) -> bool:
    """The clause is a hedge frame for the clause after it ("Es ist möglich", "X halten es
    für wahrscheinlich", "Die Stadt prüft", "It is not ruled out"); the caller checks that
    it has no event of its own and that a dass/that/ob/whether clause follows."""
    return bool(_MATRIX.search(clause) or NOT_RULED_OUT.search(clause))


def future_by_time(clause: str, trigger_word: str) -> bool:
    """A present-tense clause with a future time ("Die Regierung legt nächste Woche den
    Haushalt vor"); a past marker or an English past-tense trigger blocks it."""
    if not FUTURE_TIME.search(clause) or _PAST.search(clause):
        return False
    return not re.match(r"\w+ed\b", trigger_word)
