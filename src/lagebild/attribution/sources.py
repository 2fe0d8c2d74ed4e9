"""What kind of source a sourcing phrase names: :data:`lagebild.records.SOURCE_TYPES`.

``classify_source("ein europäischer Diplomat, der mit dem Telefonat vertraut ist")`` →
``"anonymous_diplomat"``. The order of the checks is the rule:

1. an outlet named or described ("CNN", "die Zeitung", "told Reuters") → ``outlet``
2. a person entity (label ``PER``) → ``named_person``
3. a document ("ein Bericht", "court filings", "the poll") → ``document``
4. unnamed sources ("Quellen", "Kreise", "people familiar with") → ``anonymous_sources``
5. an unnamed diplomat → ``anonymous_diplomat``
6. an unnamed official → ``anonymous_official`` (a spokesperson *of a named body*
   speaks on record for it: ``named_org``)
7. a name: an organisation/state entity label, an actor the gazetteer knows as a state,
   organisation or group ("the Kremlin", "NATO", "die Vereinten Nationen"), or a head
   noun that is an organisation word ("the International Atomic Energy Agency", "die
   Deutsche Bahn") → ``named_org``; a gazetteer person, a person's name or title →
   ``named_person``; other organisation words → ``named_org``.

Only the head of the phrase counts: what follows a comma or a relative pronoun ("…, der
mit dem Telefonat vertraut ist") describes it and is not read.
"""

from __future__ import annotations

import re

from lagebild.attribution.lexicon import lexicon
from lagebild.records import SourceType

_WORD = re.compile(r"[\w][\w.\-’']*")
_FUNCTION = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
    "eines", "the", "a", "an", "von", "of", "for", "und", "and", "zwei", "drei", "mehrere",
    "several", "two", "three", "some", "einige", "laut", "nach", "according", "to", "so",
    "told", "sagte", "sagten", "said", "says", "wie", "as", "angaben", "zufolge", "aus",
    "from", "in", "im", "with", "mit", "ranghoher", "ranghohe", "hochrangiger", "senior",
    "ehemaliger", "former", "anonymer", "anonymous", "unnamed", "namentlich",
    "genannter", "nicht", "top",
}  # fmt: skip
_PERSON_PRONOUNS = {"er", "he", "ich", "i", "sie", "she", "him", "her", "ihm", "ihn"}
_GROUP_PRONOUNS = {"they", "wir", "we", "es", "it", "man", "them"}
_SPOKES = ("sprecher", "spokes", "pressesprecher", "regierungssprecher")
_ORG_LABELS = {"ORG", "GPE", "LOC", "NORP", "FAC"}
# "a spokesman who declined to give his name": a spokesperson off the record
_OFF_RECORD = re.compile(r"anonym|not to be (?:named|identified)|declined to (?:give|be)|"
                         r"nicht genannt|ungenannt|unnamed|not authori[sz]ed", re.IGNORECASE)
# the words after which a phrase's head noun has ended ("Agency of …", "Amt in Wien")
_HEAD_END = {"of", "for", "in", "at", "on", "des", "der", "im", "aus", "von", "vom", "am",
             "bei", "beim", "zu", "zur", "zum"}  # fmt: skip
_EXTRA_ANON = {"experten", "experts", "analysten", "analysts", "augenzeugen", "zeugen",
               "witnesses", "kritiker", "critics"}  # fmt: skip


def _head(text: str) -> str:
    """The phrase up to its first comma or relative clause."""
    cut = re.split(r",|\s(?:who|which|that)\s", text, maxsplit=1)
    head = cut[0]
    return head if head.strip() else text


def _matches(words: list[str], entry: tuple[str, ...]) -> bool:
    n = len(entry)
    for i in range(len(words) - n + 1):
        ok = True
        for w, e in zip(words[i : i + n], entry, strict=True):
            last = w.rsplit("-", 1)[-1]
            if e.startswith("~"):  # a suffix: "~entwurf" = "Haushaltsentwurf"
                ok = n == 1 and len(w) > len(e) and w.endswith(e[1:])
            elif e.endswith("*"):
                ok = w.startswith(e[:-1]) or (n == 1 and last.startswith(e[:-1]))
            else:
                ok = w == e or (n == 1 and last == e)
            if not ok:
                break
        if ok:
            return True
    return False


def _kind_hit(words: list[str], kind: str) -> bool:
    return any(k == kind and _matches(words, e) for k, e in lexicon().source_words)


def is_org_word(word: str) -> bool:
    lex = lexicon()
    w = word.lower().strip(".,")
    return (
        w in lex.org_words
        or w.startswith(lex.org_prefixes)
        or w in lex.org_suffixes
        or (len(w) > 6 and w.endswith(lex.org_suffixes))
        or (w.split("-")[0] in lex.org_words and "-" in w and w.endswith(lex.org_suffixes))
    )


def is_title(word: str) -> bool:
    lex = lexicon()
    w = word.lower()
    return w in lex.titles or (w.startswith(lex.title_prefixes) and not is_org_word(w))


def _has_org(words: list[str]) -> bool:
    lex = lexicon()
    return any(is_org_word(w) for w in words) or any(_matches(words, p) for p in lex.org_phrases)


def _org_phrase_tokens(words: list[str]) -> set[int]:
    out: set[int] = set()
    for entry in lexicon().org_phrases:
        n = len(entry)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == entry:
                out.update(range(i, i + n))
    return out


def _has_name(tokens: list[str], lang: str) -> bool:
    """A personal name: a title followed by a capitalised word, or two capitalised words."""
    in_org = _org_phrase_tokens([t.lower() for t in tokens])
    caps = [t[:1].isupper() and t.lower() not in _FUNCTION and i not in in_org
            for i, t in enumerate(tokens)]
    for i, tok in enumerate(tokens[:-1]):
        if is_title(tok) and caps[i + 1] and not is_org_word(tokens[i + 1]):
            return True
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if caps[i] and caps[i + 1] and not (is_org_word(a) or is_org_word(b)) and (
            lang == "en" or not _kind_any(b.lower())
        ):
            return True
    return False


def _head_noun(words: list[str]) -> str:
    """The last word before a preposition: the head noun of "the Ministry of Defence"."""
    cut = next((k for k, w in enumerate(words) if k > 0 and w in _HEAD_END), len(words))
    return words[cut - 1] if cut else ""


def _gazetteer_kind(text: str) -> str | None:
    """The kind of actor the gazetteer says the whole phrase names (None: unknown)."""
    from lagebild.actors import gazetteer, resolve

    actor = resolve(text)
    return gazetteer().kind(actor) if actor else None


def _kind_any(word: str) -> bool:
    return any(_matches([word], e) for _, e in lexicon().source_words)


def classify_source(text: str, lang: str = "de", label: str | None = None) -> SourceType:
    """The source type of a sourcing phrase (see the module doc for the rule)."""
    full = [w.lower() for w in _WORD.findall(text)]
    head_tokens = _WORD.findall(_head(text))
    words = [w.lower() for w in head_tokens]
    if not words:
        return "unattributed"
    if _kind_hit(words, "outlet") or (len(full) > 1 and full[0] in {"told", "to"}):
        return "outlet"
    if label == "PER":
        return "named_person"
    if len(words) == 1 and words[0] in _PERSON_PRONOUNS:
        return "named_person"
    if len(words) == 1 and words[0] in _GROUP_PRONOUNS:
        return "named_org"
    named = _has_name(head_tokens, lang)
    if _kind_hit(words, "document") and not named:
        return "document"
    if (_kind_hit(words, "anonymous_sources") or _EXTRA_ANON & set(words)) and not named:
        return "anonymous_sources"
    if _kind_hit(words, "anonymous_diplomat") and not named:
        return "anonymous_diplomat"
    if _kind_hit(words, "anonymous_official") and not named:
        spokes = any(w.startswith(_SPOKES) for w in words)
        if spokes and (_has_org(full) or label in _ORG_LABELS) and not _OFF_RECORD.search(text):
            return "named_org"
        return "anonymous_official"
    if label in _ORG_LABELS:
        return "named_org"
    kind = _gazetteer_kind(_head(text))
    if kind == "outlet":
        return "outlet"
    if kind in {"org", "country", "group", "place"}:
        return "named_org"
    if kind == "person":
        return "named_person"
    head = _head_noun(words)
    if head and is_org_word(head) and not is_title(head):
        return "named_org"
    if named or any(is_title(w) for w in words):
        return "named_person"
    if _has_org(words):
        return "named_org"
    if any(t[:1].isupper() for t in head_tokens if t.lower() not in _FUNCTION):
        return "named_person"
    return "named_org"
