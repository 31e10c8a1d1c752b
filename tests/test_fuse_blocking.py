"""Fusion at scale: syndicated copies, undatable mentions, bounded blocks and near misses."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from newstrace.outlets import OutletRegistry
from newstrace.records import Attribution, Certainty, Claimant, EventMention, PlaceMention
from newstrace.stages.fuse import NEAR_MISSES_KEPT, FusionIndex, fuse
from newstrace.stages.fuse.blocking import UNDATED_CAP, BlockIndex
from newstrace.stages.fuse.score import COPY_REASON, compare

CLASH = ("Battles", "Armed clash", "Political violence")
ARMY = "Military Forces of Syria (2000-)"
ISIS = "Islamic State (Syria)"


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


def town(i: int) -> PlaceMention:
    name = f"Town{i}"
    return PlaceMention(0, 5, name, name, f"test:{name}", 35.0 + i / 100, 38.0 + i / 100, "Syria",
                        "SY", f"Province{i % 3}", None, "PPL", 1)  # fmt: skip


def report(mid: str, sentence: str, **kw: object) -> EventMention:
    """An undatable report (no event date, no publication date) unless told otherwise."""
    event_type, sub, disorder = CLASH
    base = EventMention(
        mention_id=mid, document_id=f"doc-{mid}", sentence_start=0, sentence_end=len(sentence),
        sentence=sentence, event_type=event_type, sub_event_type=sub, disorder_type=disorder,
        attribution=Attribution(Certainty.REPORTED, (Claimant("Desk", medium="Desk"),)),
        outlet=f"Desk {mid}",
    )  # fmt: skip
    return replace(base, **kw)  # type: ignore[arg-type]


def test_near_duplicate_copy_joins_the_originals_event_by_lookup(
    registry: OutletRegistry,
) -> None:
    original = report("o1", "Army units clashed with fighters near Town1.", place=town(1))
    copy = replace(original, mention_id="c1", document_id="doc-c1", duplicate_of="doc-o1",
                   sentence="ARMY units clashed with fighters near Town1!")  # fmt: skip
    index = FusionIndex.empty(registry)
    index.add([original])
    before = index.block_stats.candidates
    result = index.add([copy])
    assert index.block_stats.candidates == before  # looked up, not blocked and scored
    (event,) = (*result.created, *result.updated)
    assert set(event.mention_ids) == {"o1", "c1"}
    (decision,) = result.decisions
    assert decision.same_event and decision.reasons[0].startswith(COPY_REASON)
    assert "doc-o1" in decision.reasons[0]


def test_copy_in_the_same_batch_as_its_original_and_resumed_gives_the_same_events(
    registry: OutletRegistry,
) -> None:
    original = report("z9", "Army units clashed with fighters near Town1.", place=town(1))
    copy = replace(original, mention_id="a0", document_id="doc-a0", duplicate_of="doc-z9")
    other = report("b1", "Fighters and army units clashed near Town1.", place=town(1))
    batch = fuse([copy, other, original], registry=registry)
    assert len(batch) == 1 and set(batch[0].mention_ids) == {"z9", "a0", "b1"}
    resumed = FusionIndex.from_events(batch, [copy, other, original], registry)
    assert resumed.events() == batch
    late = replace(original, mention_id="d2", document_id="doc-d2", duplicate_of="doc-z9")
    resumed.add([late])
    assert resumed.events() == fuse([copy, other, original, late], registry=registry)


def test_undated_placeless_actorless_reports_need_matching_words_and_counts() -> None:
    seized = report("p1", "Fighters ransacked the Bhavaninagar police station in the old city.")
    same = report("p2", "A mob ransacked the Bhavaninagar police station, residents said.")
    counts_a = report("p3", "Police said 40 persons were arrested in the Bhavaninagar raid.")
    counts_b = report("p4", "About 35 persons were arrested in the Bhavaninagar raid.")
    linked = compare(seized, same)
    assert linked.same_event and "no date, place or actor on one side" in linked.reasons[-2]
    apart = compare(counts_a, counts_b)
    assert not apart.same_event and "counts differ (40 vs 35)" in apart.reasons[-1]


def test_undated_placeless_reports_meet_only_by_shared_words_actors_or_document() -> None:
    blocks = BlockIndex()
    words = report("w1", "Gunmen ransacked the Bhavaninagar police station overnight.")
    blocks.register(words)
    # Two of its three longest words shared: one block in common.
    assert list(blocks.candidates(report("w2", "Bhavaninagar station was ransacked."))) == ["w1"]
    # Only common words shared: no block in common, never scored.
    assert list(blocks.candidates(report("w3", "Police station attacked by gunmen."))) == []
    sibling = report("w4", "Nothing in common here.", document_id="doc-w1")
    assert list(blocks.candidates(sibling)) == ["w1"]  # same document
    actor = report("w5", "They attacked.", actor1=ISIS)
    blocks.register(actor)
    assert list(blocks.candidates(report("w6", "Other words.", actor1=ISIS))) == ["w5"]


def many_undated(n: int) -> list[EventMention]:
    """n undatable, placeless reports of one actor, all different incidents in wording."""
    rng = random.Random(3)
    verbs = ["ambushed", "shelled", "stormed", "besieged", "bombarded", "encircled"]
    return [
        report(
            f"u{i:05d}", f"Fighters {rng.choice(verbs)} outpost{i} and village{i}x.", actor1=ARMY
        )
        for i in range(n)
    ]


def test_many_undated_mentions_are_not_scored_all_pairs(registry: OutletRegistry) -> None:
    n = 400
    index = FusionIndex.empty(registry)
    result = index.add(many_undated(n))
    stats = index.block_stats
    # All pairs would be n(n-1)/2 = 79,800; the shared actor's block is read newest-first up to
    # UNDATED_CAP, so each report meets at most that many.
    assert stats.candidates <= n * UNDATED_CAP < n * (n - 1) // 2
    assert len(result.decisions) == stats.candidates
    assert stats.capped > 0 and len(result.capped) == n - UNDATED_CAP - 1


def test_kept_near_misses_are_bounded_per_event(registry: OutletRegistry) -> None:
    # One report and 30 that nearly match it: same town and days, but another actor named.
    when = date(2024, 5, 2)
    placed = dict(place=town(5), published=when)
    hub = report("h0", "Army units clashed with fighters near Town5.", actor1=ARMY, **placed)
    others = [
        report(
            f"h{i:02d}",
            f"Fighters and army units fought at outpost {i} near Town5.",
            document_id="doc-h",
            sentence_start=2000 * i,
            actor1=ISIS,
            **placed,
        )
        for i in range(1, 31)
    ]
    events = fuse([hub, *others], registry=registry)
    for event in events:
        near = [d for d in event.decisions if not d.same_event]
        assert len(near) <= NEAR_MISSES_KEPT
    (alone,) = [e for e in events if e.mention_ids == ("h0",)]
    near = [d for d in alone.decisions if not d.same_event]
    assert len(near) == NEAR_MISSES_KEPT  # 30 near misses scored, the 10 strongest kept
    assert [d.score for d in near] != [] and min(d.score for d in near) >= 0.5


def test_incremental_documents_equal_batch_with_copies_and_undated(
    registry: OutletRegistry,
) -> None:
    rng = random.Random(11)
    mentions: list[EventMention] = []
    for i in range(40):
        first = report(f"o{i:02d}", f"Army units clashed with fighters near Town{i % 6}.",
                       place=town(i % 6) if i % 3 else None, actor1=ARMY if i % 2 else None,
                       published=None if i % 4 else date(2024, 5, 1 + i % 9))  # fmt: skip
        mentions.append(first)
        if i % 3 == 0:
            mentions.append(replace(first, mention_id=f"c{i:02d}", document_id=f"doc-c{i:02d}",
                                    duplicate_of=first.document_id))  # fmt: skip
    batch = fuse(mentions, registry=registry)
    assert len(batch) < len(mentions)
    originals = [m for m in mentions if m.duplicate_of is None]
    copies = [m for m in mentions if m.duplicate_of is not None]
    rng.shuffle(originals)
    rng.shuffle(copies)
    index = FusionIndex.empty(registry)
    for m in [*originals, *copies]:  # one document at a time; originals before their copies
        index.add([m])
    assert index.events() == batch
