"""Sentence boundaries that survive news text, as a small spaCy component.

The component ``lagebild_news_sentences`` runs before the parser (the parser keeps the
boundaries it sets, both "starts here" and "does not start here") or after a
sentencizer. It only decides the cases statistical models and punctuation rules get
wrong in news copy and leaves every other token to the model:

* quotes „…“ »…« «…» "…" “…”: a closing quote stays with its sentence; ", sagte er"
  after a quote continues the sentence; an opening quote after a full stop starts one;
* abbreviations (Dr., Prof., Mio., z. B., U.S., initials, "12. Mai"): no break after them;
* paragraph breaks and headline lines: a break;
* datelines ("BERLIN (dpa) –", "Kiew/Moskau (AFP) –", "WASHINGTON (Reuters) -"): kept
  with the first sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

FACTORY = "lagebild_news_sentences"

FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
DASHES = {"-", "–", "—", "--"}
OPENERS = {"„", "‚"}
CLOSERS = {"”", "’"}
AMBIGUOUS = {'"', "“", "»", "«", "'", "‘", "›", "‹"}
PAIRS = {"„": {"“", '"', "”"}, "‚": {"‘", "’"}, "»": {"«"}, "«": {"»"}, "›": {"‹"},
         "‹": {"›"}, '"': {'"'}, "“": {"”", "“"}, "‘": {"’"}, "'": {"'"}}

# Never end a sentence: titles and connectives (lower-cased, without the dot).
TITLES = {
    "dr", "prof", "hr", "fr", "frl", "st", "mr", "mrs", "ms", "gen", "sen", "rep", "gov",
    "lt", "col", "capt", "sgt", "nr", "z", "vgl", "ca", "sog", "ggf", "inkl", "evtl",
    "abs", "u", "d", "i", "e", "v", "vs", "bspw", "zb", "ua", "dipl", "ing", "mag", "jun",
    "hl", "ehem", "geb", "gest", "tel", "zit", "s",
}
# Can end a sentence; no break when the next word is lower-case, a number or a unit.
UNITS = {"mio", "mrd", "tsd", "bio", "usw", "etc", "chr", "co", "inc", "corp", "ltd",
         "jh", "jhd", "std", "mill", "jan", "feb", "aug", "sept", "sep", "okt", "oct",
         "nov", "dez", "dec", "jr", "sr", "bzw", "dgl", "ff", "p", "pp", "no", "min", "max"}
CURRENCY = {"euro", "dollar", "us-dollar", "franken", "pfund", "rubel", "hrywnja", "yuan",
            "yen", "kronen", "tonnen", "menschen", "einwohner", "barrel", "kilometer"}
MONTHS = {
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "jan", "feb", "mär", "apr", "jun",
    "jul", "aug", "sep", "sept", "okt", "nov", "dez",
}
# Capitalised words that start sentences after a multi-dot abbreviation ("in the U.S. The").
STARTERS = {"the", "he", "she", "it", "they", "we", "i", "a", "an", "but", "and", "this",
            "der", "die", "das", "er", "sie", "es", "wir", "ich", "man", "dies", "doch",
            "aber", "auch", "in", "im", "am", "nach", "laut"}
MULTI_DOT = re.compile(r"^(?:[A-Za-zÄÖÜäöü]{1,3}\.){2,}$")
INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
ORDINAL = re.compile(r"^\d{1,4}\.$")
AGENCY = re.compile(r"^[A-Za-z/]{2,8}$")
SAY = {"sagte", "sagt", "so", "erklärte", "erklärt", "betonte", "meinte", "fügte",
       "said", "says", "told", "added", "asked", "wrote", "schrieb", "hieß", "heißt"}


def _is_quote(text: str) -> bool:
    return text in OPENERS or text in CLOSERS or text in AMBIGUOUS


def quote_roles(doc: Doc) -> dict[int, str]:
    """Token index → "open" or "close" for each quote mark, by pairing and spacing."""
    roles: dict[int, str] = {}
    stack: list[str] = []
    for tok in doc:
        text = tok.text
        if not _is_quote(text):
            continue
        if stack and text in PAIRS.get(stack[-1], set()):
            closes = True
        elif text in OPENERS:
            closes = False
        elif text in CLOSERS:
            closes = True
        else:  # ambiguous: spacing decides
            space_before = tok.i == 0 or bool(doc[tok.i - 1].whitespace_) or doc[tok.i - 1].is_space
            space_after = bool(tok.whitespace_) or tok.i + 1 == len(doc)
            closes = not space_before or (space_after and bool(stack))
        if closes:
            roles[tok.i] = "close"
            if stack:
                stack.pop()
        else:
            roles[tok.i] = "open"
            stack.append(text)
    return roles


def decide(doc: Doc) -> dict[int, bool]:
    """Token index → forced sentence start (True) or forced continuation (False)."""
    decisions: dict[int, bool] = {}
    roles = quote_roles(doc)
    n = len(doc)
    for tok in doc[1:]:
        i = tok.i
        prev = doc[i - 1]
        if prev.is_space and "\n" in prev.text:
            ruling = _line_break(doc, i)
            if ruling is not None:
                decisions[i] = ruling
        elif tok.is_space or prev.text in {",", ";"}:
            decisions[i] = False  # whitespace and the word after a comma never start one
        ruling = _after_abbreviation(prev, tok)
        if ruling is not None and not (prev.is_space and "\n\n" in prev.text):
            decisions[i] = ruling
    for i, role in roles.items():
        if role == "close":
            _closing_quote(doc, i, decisions)
        elif i > 0:
            if _after_sentence_end(doc, i, roles):
                decisions[i] = True
            if i + 1 < n:
                decisions[i + 1] = False
    for start in _paragraph_starts(doc):
        _dateline(doc, start, decisions)
    decisions.pop(0, None)
    return decisions


def _after_sentence_end(doc: Doc, i: int, roles: dict[int, str]) -> bool:
    """Whether token ``i`` follows "." (or "." plus a closing quote)."""
    before = _prev_word(doc, i)
    if before is None:
        return False
    if doc[before].text in FINAL:
        return True
    inner = _prev_word(doc, before) if roles.get(before) == "close" else None
    return inner is not None and doc[inner].text in FINAL


def _prev_word(doc: Doc, i: int) -> int | None:
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j if j >= 0 else None


def _line_break(doc: Doc, i: int) -> bool | None:
    if "\n\n" in doc[i - 1].text:
        return True
    before = _prev_word(doc, i - 1)
    if before is None:
        return True
    if doc[before].text in {",", "-", "–", ":", ";", "("} or doc[i].is_lower:
        return None  # a hard-wrapped line inside a sentence
    return True


def _after_abbreviation(prev: Token, tok: Token) -> bool | None:
    text = prev.text
    if not text.endswith(".") or len(text) < 2:
        return None
    stem = text[:-1].lower()
    nxt = tok.text
    nxt_lower = nxt.lower()
    if INITIAL.match(text) or stem in TITLES:
        return False
    if ORDINAL.match(text):
        if nxt_lower in MONTHS or tok.is_lower or tok.like_num:
            return False
        return None
    starter = nxt_lower in STARTERS and nxt[:1].isupper()
    if MULTI_DOT.match(text):
        return starter  # "in the U.S. The …" ends; "U.S. Army" does not
    if stem in UNITS:
        if tok.is_lower or tok.like_num or nxt_lower in CURRENCY:
            return False
        return True if starter else None
    return None


def _closing_quote(doc: Doc, i: int, decisions: dict[int, bool]) -> None:
    decisions[i] = False  # a closing quote belongs to the sentence it closes
    if i + 1 >= len(doc):
        return
    nxt = doc[i + 1]
    inner = _prev_word(doc, i)
    ended = inner is not None and doc[inner].text in FINAL
    if nxt.text in {",", ";", ":", ")", "-", "–"} or nxt.is_lower or nxt.lower_ in SAY:
        decisions[i + 1] = False
    elif ended and not nxt.is_space and nxt.is_alpha:
        decisions[i + 1] = True


def _paragraph_starts(doc: Doc) -> list[int]:
    starts = [0]
    starts += [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    return starts


def _dateline(doc: Doc, start: int, decisions: dict[int, bool]) -> None:
    """"PLACE[/PLACE][, DATE] [(AGENCY)] –" at a paragraph start joins the first sentence."""
    end = min(len(doc), start + 12)
    for j in range(start, end):
        text = doc[j].text
        if text in DASHES:
            if j == start or j + 1 >= len(doc):
                return
            head = doc[start:j]
            ok = all(
                t.text[:1].isupper() or t.text in {"/", ",", "(", ")"} or t.like_num
                or ORDINAL.match(t.text) or t.lower_ in MONTHS or AGENCY.match(t.text)
                for t in head
            ) and head[0].text[:1].isupper()
            if ok:
                for k in range(start + 1, j + 2):
                    decisions[k] = False
            return
        if text in FINAL or doc[j].is_space:
            return


def apply(doc: Doc) -> Doc:
    """Set the forced boundaries on ``doc`` (before a parser, or after a sentencizer)."""
    for i, start in decide(doc).items():
        doc[i].is_sent_start = start
    if len(doc):
        doc[0].is_sent_start = True
    return doc


def add_to(nlp: Language) -> None:
    """Insert the component where it works: before the parser, else after a sentencizer."""
    _register()
    if FACTORY in nlp.pipe_names:
        return
    names = nlp.pipe_names
    if "parser" in names:
        nlp.add_pipe(FACTORY, before="parser")
    else:
        if "senter" not in names and "sentencizer" not in names:
            nlp.add_pipe("sentencizer")
        nlp.add_pipe(FACTORY, after="senter" if "senter" in names else "sentencizer")


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.component(
            FACTORY, assigns=["token.is_sent_start"], func=apply
        )
