"""Rules that lift the shipped German pipeline where its small training data runs out.

Two components, added by :func:`add_to` after the statistical ones (measured on the
held-out UD dev split, see docs/notes/nlp.md):

* ``lagebild_de_lemmas``: lemmas from the simplemma dictionary for content and function
  words it knows (the edit-tree lemmatizer, trained on ~30k tokens, misses many nouns
  and verbs); the model keeps prepositions, numbers and punctuation ("im" → "in").
* ``lagebild_de_konjunktiv``: ``Mood=Sub`` for forms that are always Konjunktiv
  ("wäre", "hätte", "könne", "sei") and for Konjunktiv I in the third person singular
  ("er habe", "die Regierung unterstütze"): a finite verb in -e whose subject is not "ich".
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

LEMMAS = "lagebild_de_lemmas"
KONJUNKTIV = "lagebild_de_konjunktiv"

MODEL_LEMMA_POS = {"ADP", "PUNCT", "NUM", "SYM", "X", "SPACE"}

ALWAYS_SUB = {
    # Konjunktiv II of sein/haben/werden and the modals
    "wäre", "wären", "wärest", "wärst", "wärt", "hätte", "hätten", "hättest", "hättet",
    "würde", "würden", "würdest", "würdet", "könnte", "könnten", "könntest", "müsste",
    "müssten", "müßte", "müßten", "dürfte", "dürften", "möchte", "möchten", "möchtest",
    # Konjunktiv I that no indicative form shares
    "sei", "seien", "seiest", "seist", "könne", "könnest", "müsse", "müssest", "solle",
    "sollest", "wolle", "wollest", "dürfe", "möge", "mögest", "wisse",
    # frequent strong Konjunktiv II
    "gäbe", "gäben", "käme", "kämen", "ginge", "bliebe", "läge", "lägen", "stünde",
    "stände", "hieße", "wüsste", "wüssten", "täte", "ließe", "fände", "sähe", "bräuchte",
    "bräuchten", "bekäme", "hielte", "zöge",
}
NEVER_SUB = {"wurde"}  # the one indicative past in -e that is not a weak "-te"
FIRST_PERSON = {"ich"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl", "sb"}


@lru_cache(maxsize=200_000)
def _dictionary_lemma(form: str) -> str | None:
    import simplemma

    if not simplemma.is_known(form, lang="de"):
        return None
    return str(simplemma.lemmatize(form, lang="de"))


def set_lemmas(doc: Doc) -> Doc:
    for tok in doc:
        if tok.pos_ in MODEL_LEMMA_POS or tok.is_space:
            continue
        lemma = _dictionary_lemma(tok.text)
        if lemma:
            tok.lemma_ = lemma
    return doc


def _finite(tok: Token) -> bool:
    return tok.tag_ in {"VVFIN", "VAFIN", "VMFIN"} or (
        tok.pos_ in {"VERB", "AUX"} and "Fin" in tok.morph.get("VerbForm", [])
    )


def is_konjunktiv(tok: Token) -> bool:
    """Whether a finite verb form is Konjunktiv by form and subject."""
    form = tok.lower_
    if form in ALWAYS_SUB:
        return True
    if form in NEVER_SUB or not _finite(tok) or not form.endswith("e") or len(form) < 4:
        return False
    if form.endswith("te") and "Pres" not in tok.morph.get("Tense", []):
        return False  # "sagte", "hatte": the weak past, leave to the model
    subjects = [c for c in tok.children if c.dep_.lower() in SUBJECT_DEPS]
    if subjects:
        return all(s.lower_ not in FIRST_PERSON for s in subjects) and all(
            "Plur" not in s.morph.get("Number", []) for s in subjects
        )
    return "3" in tok.morph.get("Person", [])


def set_konjunktiv(doc: Doc) -> Doc:
    for tok in doc:
        if is_konjunktiv(tok) and "Sub" not in tok.morph.get("Mood", []):
            feats = tok.morph.to_dict()
            feats["Mood"] = "Sub"
            feats.setdefault("VerbForm", "Fin")
            tok.set_morph(feats)  # type: ignore[attr-defined]  # missing from spaCy stubs
    return doc


def add_to(nlp: Language, *, lemmas: bool = True, konjunktiv: bool = True) -> None:
    """Append the German rules to ``nlp`` (after the parser, before NER if any)."""
    from spacy.language import Language

    if not Language.has_factory(LEMMAS):
        Language.component(LEMMAS, requires=["token.pos"], assigns=["token.lemma"],
                           func=set_lemmas)
    if not Language.has_factory(KONJUNKTIV):
        Language.component(KONJUNKTIV, requires=["token.dep", "token.morph"],
                           assigns=["token.morph"], func=set_konjunktiv)
    where = {"after": "parser"} if "parser" in nlp.pipe_names else {"last": True}
    if konjunktiv and KONJUNKTIV not in nlp.pipe_names:
        nlp.add_pipe(KONJUNKTIV, **where)
    if lemmas and LEMMAS not in nlp.pipe_names:
        nlp.add_pipe(LEMMAS, **where)
