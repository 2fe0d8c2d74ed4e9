"""The word lists the attribution rules use, read from the package's ``data/`` folder.

* ``cues_de.txt`` – German cue verbs; the finite and participle forms of weak verbs are
  generated here, strong verbs list theirs. Separable verbs carry their particle.
* ``cues_en.txt`` – English cue verbs by lemma.
* ``sources.txt`` – words that mark a source type (outlet, document, anonymous …).
* ``named.txt`` – words that make a speaker an organisation/state, and person titles.

Everything is loaded once per process (:func:`lexicon`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

_NO_GE_PREFIXES = ("be", "er", "ver", "ent", "emp", "ge", "zer", "miss", "über", "unter",
                   "hinter", "wider")  # fmt: skip


def _read(name: str) -> list[str]:
    folder = resources.files("lagebild.attribution").joinpath("data")
    text = folder.joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def weak_forms(lemma: str) -> set[str]:
    """Finite, Konjunktiv and participle forms of a regular (weak) German verb."""
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    e = "e" if stem.endswith(("t", "d")) or stem.endswith(("chn", "ffn", "gn")) else ""
    forms = {lemma, stem + "e", stem + e + "t", stem + e + "te", stem + e + "ten",
             stem + e + "st"}  # fmt: skip
    if lemma.endswith("ieren") or lemma.startswith(_NO_GE_PREFIXES):
        forms.add(stem + e + "t")
    else:
        forms.add("ge" + stem + e + "t")
    return forms


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    particle: str | None


@dataclass
class Lexicon:
    # German: a word form -> the cue verbs it can be (several when a particle decides)
    de_forms: dict[str, list[CueVerb]] = field(default_factory=dict)
    # German: the infinitive (also the 1st/3rd person plural present, "sie sprechen")
    de_infinitives: dict[str, list[CueVerb]] = field(default_factory=dict)
    # German: a joined form ("mitteilte", "angekündigt") -> its verb
    de_joined: dict[str, CueVerb] = field(default_factory=dict)
    en_lemmas: set[str] = field(default_factory=set)
    source_words: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    org_words: set[str] = field(default_factory=set)
    org_prefixes: tuple[str, ...] = ()
    org_suffixes: tuple[str, ...] = ()
    org_phrases: list[tuple[str, ...]] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    title_prefixes: tuple[str, ...] = ()

    def de_cue(self, word: str) -> list[CueVerb]:
        return self.de_forms.get(word.lower(), [])


def _load_de(lex: Lexicon) -> None:
    for line in _read("cues_de.txt"):
        head, _, extra = line.partition(";")
        parts = head.split()
        lemma, particle = parts[0], (" ".join(parts[1:]) or None)
        verb = CueVerb(lemma, particle)
        forms = set(extra.split()) if extra.strip() else weak_forms(lemma)
        lex.de_infinitives.setdefault(lemma.lower(), []).append(verb)
        for form in forms:
            lex.de_forms.setdefault(form.lower(), []).append(verb)
        if particle and " " not in particle:
            for form in forms:
                joined = particle + form
                lex.de_joined[joined.lower()] = verb
            lex.de_joined[(particle + "zu" + lemma).lower()] = verb
            lex.de_joined[(particle + lemma).lower()] = verb


def _load_named(lex: Lexicon) -> None:
    prefixes, suffixes, tprefixes = [], [], []
    for line in _read("named.txt"):
        kind, word = line.split(None, 1)
        word = word.strip().lower()
        if kind == "org":
            if word.startswith("~"):
                suffixes.append(word.lstrip("~ ").strip())
            elif word.endswith("*"):
                prefixes.append(word[:-1])
            elif " " in word:
                lex.org_phrases.append(tuple(word.split()))
            else:
                lex.org_words.add(word)
        elif kind == "title":
            if word.endswith("*"):
                tprefixes.append(word[:-1])
            else:
                lex.titles.add(word)
    lex.org_prefixes, lex.org_suffixes = tuple(prefixes), tuple(suffixes)
    lex.title_prefixes = tuple(tprefixes)


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once."""
    lex = Lexicon()
    _load_de(lex)
    lex.en_lemmas = {w.lower() for w in _read("cues_en.txt")}
    for line in _read("sources.txt"):
        kind, word = line.split(None, 1)
        lex.source_words.append((kind, tuple(word.strip().lower().split())))
    _load_named(lex)
    return lex
