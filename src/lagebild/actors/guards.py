"""Cues that a name-like match is *not* the known actor it looks like; it then stays open.

Three kinds of false link are common in news text:

* a private person who shares a politician's surname: "Frau Lindner aus Halle", "a farmer
  named Harris", "Angelika Lindner" (a first name that is not the known person's);
* an organisation the gazetteer does not know whose name starts with a known one:
  "The Atlantic Council" is not the magazine, "NATO Parliamentary Assembly" not NATO;
* a bare role without a country or antecedent ("der Minister"): handled in ``titles.py``.

Linking such a mention would be wrong with high cost downstream (a farmer's complaint
attributed to a minister), so the rules here prefer ``None``.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from lagebild.actors import roles
from lagebild.actors import tokens as tk
from lagebild.actors.catalog import kind_of
from lagebild.actors.matcher import Mention
from lagebild.actors.state import NAME_STOP, TextState, keys

# words before a surname that mark an ordinary person unless the full name came earlier
HONORIFICS = keys("Herr Herrn Frau Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Mister")
NAMED = keys("namens genannt named called")
MALE = keys("Herr Herrn Mr Mr. Mister")
FEMALE = keys("Frau Mrs Mrs. Ms Ms. Miss")
# frequent German and English surnames (written from general knowledge): after "Herr" or
# "Ms" they are far more often an ordinary person than the politician of the same name
COMMON_SURNAMES = keys(
    "Müller Schmidt Schneider Fischer Weber Meyer Meier Wagner Becker Schulz Schulze Hoffmann "
    "Koch Richter Klein Wolf Schröder Neumann Schwarz Braun Zimmermann Krüger Hartmann Lange "
    "Werner Lehmann Krause Köhler Scholz Lindner Huber Kaiser Fuchs Peters Lang Möller Weiß "
    "Jung Hahn Vogel Friedrich Günther Keller Berger Frank Roth Beck Lorenz Baumann Franke "
    "Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein "
    "Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Dietrich Ziegler Kuhn Pohl "
    "Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Breuer Merz Klingbeil "
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Moore Jackson "
    "White Harris Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams "
    "Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards "
    "Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard Cox "
    "Ward Richardson Watson Brooks Wood James Bennett Gray Hughes Price Sanders Myers Long "
    "Ross Foster Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes "
    "Fisher Graham Reeves Healey Waltz Wiles Caine Noem Kellogg Driscoll Whitaker Bondi Austin "
    "Costa Lammy Starmer Vance Ratcliffe Lutnick"
)
# last words of organisation names: "Atlantic Council", "Salmon Fund"
ORG_HEADS = keys(
    "Council Commission Committee Bank Fund Organisation Organization Association Federation "
    "Foundation Institute Institution Agency Union Alliance Authority Board Society League "
    "Party Corporation Company Assembly Forum Network Centre Center Trust Club Cooperative"
)
DE_ORG_HEADS = ("kommission", "rat", "bank", "verband", "fonds", "stiftung", "institut",
                "agentur", "organisation", "ausschuss", "gesellschaft", "partei", "behorde",
                "bund", "vereinigung", "verein", "akademie", "kirche")
# a German country adjective with an ending: capitalised inside a sentence it begins a name
DE_ADJ_ENDINGS = ("ische", "ischen", "ischer", "isches", "ischem", "sche", "schen", "scher",
                  "sches", "schem")
SENTENCE_END = frozenset(".!?:;\"„“”«»")


def private_surname(state: TextState, first: int, candidates: list[str]) -> bool:
    """A surname after "namens"/"named", or a frequent one after "Frau"/"Mr", or after an
    honorific of the other gender than the only known bearer: a private person."""
    toks = state.toks
    k = first - 1
    if k >= 1 and toks[k].text == ".":
        k -= 1
    if k < 0:
        return False
    cue = toks[k].key
    if cue in NAMED:
        return True
    if cue not in HONORIFICS:
        return False
    if toks[first].key in COMMON_SURNAMES:
        return True
    women = {c for c in candidates if (e := state.gaz.get(c)) is not None and e.gender == "f"}
    return (cue in MALE and women == set(candidates)) or (cue in FEMALE and not women)


def other_first_names(state: TextState) -> None:
    """ "Angelika Lindner" is not Christian Lindner: a tagged first name before a surname.

    Needs the tagger (proper-noun offsets); without it a capitalised word before a surname
    may as well be a noun ("Grünen-Politiker Lindner"), and the surname link stays.
    """
    if state.proper is None:
        return
    _, _, covered = state.index()
    toks = state.toks
    for m in list(state.mentions):
        if m.source != "gazetteer" or not m.types or set(m.types) != {"short"} or m.first == 0:
            continue
        k = m.first - 1
        t = toks[k]
        if not (t.is_word and t.is_capital and t.start in state.proper) or k in covered \
                or t.key in NAME_STOP or t.key in HONORIFICS or roles.match_at(toks, k):
            continue
        if any(_same_first(state, pid, t.key) for pid in m.ids):
            continue
        m.first, m.start = k, t.start
        m.ids, m.types, m.source, m.label, m.actor_id = (), (), "name", "PER", None
        state.drop(m)
        state.add(m)  # re-index


def _same_first(state: TextState, person_id: str, word: str) -> bool:
    """Whether ``word`` is (a spelling of) a first name of the known person."""
    entry = state.gaz.get(person_id)
    if entry is None:
        return True
    names = [entry.name, *entry.aliases.get("name", [])]
    for name in names:
        words = name.split()
        if len(words) >= 2 and SequenceMatcher(None, tk.key(words[0]), word).ratio() >= 0.6:
            return True
    return False


def longer_org_names(state: TextState) -> None:
    """An org or outlet name, or a capitalised adjective, that continues into an unknown
    organisation's name ("The Atlantic Council", "Deutsche Bank"): unlink."""
    toks = state.toks
    starting, _, _ = state.index()
    for m in state.mentions:
        if m.source != "gazetteer" or not m.ids:
            continue
        if _german_name_adjective(state, m):
            m.ids, m.types = (), ()  # "das Russische Rote Kreuz", "die Deutsche Bahn"
            continue
        if _outlet_of(state, m):
            m.ids, m.types = (), ()  # "Times of India"
            continue
        adjective = m.strongest in ("adj", "demonym") and toks[m.first].is_capital
        if kind_of(m.ids[0]) not in ("org", "outlet", "group") and not adjective:
            continue  # "Deutsche Bank", "European Investment Bank" are not states either
        k = m.last
        while k < len(toks) and k - m.last < 4 and toks[k].is_word and toks[k].is_capital \
                and k not in starting and toks[k].start == toks[k - 1].end + 1:
            if toks[k].key in ORG_HEADS or (toks[k].key.endswith(DE_ORG_HEADS)
                                            and len(toks[k].key) > 6):
                m.ids, m.types, m.actor_id = (), (), None
                break
            k += 1


def sentence_initial(state: TextState, k: int) -> bool:
    """Whether token ``k`` starts a sentence or a line."""
    toks = state.toks
    return k == 0 or toks[k - 1].text in SENTENCE_END or \
        "\n" in state.text[toks[k - 1].end:toks[k].start]


def _german_name_adjective(state: TextState, m: Mention) -> bool:
    toks = state.toks
    t = toks[m.first]
    if m.last - m.first != 1 or m.strongest != "adj" or not t.is_capital \
            or not t.key.endswith(DE_ADJ_ENDINGS) or sentence_initial(state, m.first):
        return False
    return m.last < len(toks) and toks[m.last].is_word and toks[m.last].is_capital


def _outlet_of(state: TextState, m: Mention) -> bool:
    """An outlet name that runs on with "of <Name>": "The Times of India" is not The Times."""
    toks = state.toks
    return kind_of(m.ids[0]) == "outlet" and m.last + 1 < len(toks) \
        and toks[m.last].key == "of" and toks[m.last + 1].is_capital


# "the North" (Korea), "der Westen" (group): directions are no place of their own
COMPASS = keys("North South East West Nord Süd Ost Norden Süden Osten Westen the The")


def unknown_places(state: TextState) -> None:
    """A NER location the gazetteer does not know ("in Leipzig") becomes ``place:<slug>``.

    Like unknown people: every word must be a tagged proper noun (so "Ostflanke" tagged LOC
    stays open), one to three words; without a tagger nothing is guessed.
    """
    if state.proper is None:
        return
    from lagebild.actors.linker import slug

    for m in state.mentions:
        if m.source != "ner" or m.actor_id or m.ids or m.label not in ("LOC", "GPE"):
            continue
        words = [t for t in state.toks[m.first:m.last] if t.is_word]
        if not 1 <= len(words) <= 3 or any(
            not t.is_capital or t.start not in state.proper or roles.match_at(state.toks, t.i)
            or t.key in COMPASS for t in words
        ):
            continue
        m.actor_id = f"place:{slug(state.text[m.start:m.end])}"
