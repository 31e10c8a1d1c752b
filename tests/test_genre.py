"""Genre scorer: real samples (read from ../shared at test time) and fictional texts per class."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.records import Extraction, Genre
from newstrace.stages.genre import FEATURES, classify_genre, genre_scores

# --- real samples through a deliberately naive paragraph split --------------------------------

# The pipeline's extract stage separates reader comments; this stand-in stops at the comment
# widget's first line and keeps only sentence-length lines, so the test exercises the scorer,
# not the cleaner.
_COMMENT_START = re.compile(
    r"^(?:notify of|\d+ comments?|leave a (?:reply|comment)|comments?)$", re.I
)


def _naive_extraction(path: Path) -> Extraction:
    title: str | None = None
    paragraphs: list[str] = []
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if _COMMENT_START.match(line):
            break
        n_words = len(line.split())
        if title is None and 4 <= n_words <= 20 and not line.endswith("."):
            title = line
        if n_words >= 12:
            paragraphs.append(line)
    return Extraction(body="\n\n".join(paragraphs), title=title)


@pytest.mark.shared
def test_sample_report_is_report(samples_dir: Path) -> None:
    extraction = _naive_extraction(samples_dir / "000_f8c9a77859afcc4e.txt")
    assert classify_genre(extraction) is Genre.REPORT, genre_scores(extraction)


@pytest.mark.shared
def test_sample_column_is_opinion(samples_dir: Path) -> None:
    extraction = _naive_extraction(samples_dir / "003_7730bb2ab92353fe.txt")
    assert classify_genre(extraction) is Genre.OPINION, genre_scores(extraction)


# --- fictional texts, one per class (written for this test; no real incident or person) -------

WIRE_REPORT = """\
KIRKUK, Iraq (newstrace demo, fictional) — Two soldiers were killed and three wounded when a \
roadside bomb struck an army patrol south-west of Kirkuk on Tuesday, security officials said.

The device exploded as the patrol passed a farm track near the village of Tel Ward, a police \
officer told reporters, speaking on condition of anonymity because he was not authorised to \
brief the media. The wounded were taken to a hospital in Kirkuk, he said.

"The patrol was returning from a search operation when the bomb went off," the officer said. \
"We have sealed off the area and started a sweep of the nearby orchards."

No group immediately claimed responsibility. Islamic State remnants have carried out similar \
attacks in the rural areas between Kirkuk and Salahuddin, according to the provincial \
security committee, which announced on Wednesday that it had arrested two suspects.

A spokesman for the Joint Operations Command confirmed the death toll in a statement and said \
investigations were under way. Residents reported hearing gunfire shortly after the blast.

This text is fictional and was written for the newstrace tests.
"""

OP_ED_BODY = """\
Let me say plainly what everyone in the region already knows: the so-called security plan for \
the Euphrates valley has failed, and we are all paying for it.

How many more convoys must burn before someone in the capital admits the obvious? How many \
more families must bury their sons? I have driven that road for twenty years, and I have never \
seen it as empty, as frightened, as abandoned as it is this winter.

The officials who drew up this plan were not naive. They were cynical. They knew the checkpoints \
would be sold to the highest bidder and they signed off anyway, because a map with coloured \
lines looks better in a briefing room than the shameful truth on the ground.

Imagine being a farmer near the river. You cannot sell your harvest, you cannot reach the \
clinic, and you are told by men in clean uniforms that the situation is under control. Surely \
we owe these people more than slogans!

We should stop pretending. The plan must be scrapped, and the money must go to the villages \
that have been left to fend for themselves. Anything less is a disgrace.

This text is fictional and was written for the newstrace tests.

— Samira Haddad (a fictional columnist)
"""

LISTING_PAGE = """\
Latest news
Syria
Iraq
Drone strike reported near desert road
3 min read
Read more
Council members meet over water shortages
2 min read
Read more
Market reopens after repairs
4 min read
Read more
Football: local club wins regional cup
Read more
Page 1 of 12
Next page
All headlines on this page are fictional and were written for the newstrace tests.
"""

TEASER_LISTING = (
    "\n".join(
        f"{headline}. Local sources reported damage, officials said on Monday.\n"
        f"Read more\nJanuary {day}, 2025"
        for day, headline in enumerate(
            [
                "Shelling hits farmland east of a river town",
                "Checkpoint reopens after a week of closures",
                "Fuel prices rise again in northern markets",
                "Two arrested over a warehouse fire",
                "Schools close early as storms reach the valley",
                "Bridge repairs delayed by a lack of cement",
                "Aid convoy reaches a desert camp",
                "Council debates a new water pipeline",
            ],
            start=6,
        )
    )
    + "\nAll teasers on this page are fictional and were written for the newstrace tests."
)

DONATION_PAGE = """\
Support independent journalism
Donate today
Choose an amount
$10 monthly
$25 monthly
$50 monthly
$100 one-time
Your donation is tax-deductible. Pay by credit card, PayPal or bank transfer.
Become a member and get our newsletter, ad-free pages and members only events.
Subscribe to our newsletter. Sign up now. Unsubscribe at any time. Read our privacy policy.
This page is fictional and was written for the newstrace tests.
"""

SHORT_TEXT = "Page not found. This fictional page was written for the newstrace tests."

PRESS_RELEASE = """\
FOR IMMEDIATE RELEASE

A fictional logistics company announced today that it has opened a new warehouse in an \
industrial zone, adding 120 jobs and 40,000 square metres of storage for regional customers.

"This investment reflects our confidence in the region," said the company's chief executive, \
a fictional person. The warehouse will serve retailers and humanitarian customers alike.

About the company: a fictional provider of storage and transport services founded in 2011.

Forward-looking statements: this release contains statements about future plans that involve \
risks and uncertainties.

Media contact: press office (fictional)

###

This release is fictional and was written for the newstrace tests.
"""


def test_wire_report_is_report() -> None:
    extraction = Extraction(body=WIRE_REPORT, title="Roadside bomb kills two soldiers near Kirkuk")
    assert classify_genre(extraction) is Genre.REPORT, genre_scores(extraction)


def test_op_ed_is_opinion_from_its_voice_alone() -> None:
    # No desk label in title or URL: the author's voice has to carry the decision.
    extraction = Extraction(body=OP_ED_BODY, title="The road nobody wants to drive")
    assert classify_genre(extraction) is Genre.OPINION, genre_scores(extraction)


def test_opinion_label_in_url_tips_a_neutral_text() -> None:
    neutral = "Officials met on Monday to discuss the water shortage in the province. " * 6
    report = Extraction(body=neutral, title="Water talks")
    labelled = Extraction(
        body=neutral, title="Water talks", url="https://example.org/opinion/water"
    )
    assert classify_genre(report) is Genre.REPORT
    assert classify_genre(labelled) is Genre.OPINION


def test_first_person_inside_quotes_stays_a_report() -> None:
    scores = genre_scores(Extraction(body=WIRE_REPORT))
    # "We have sealed off the area" is the officer's voice, blanked before counting.
    assert scores["first_plural"] == 0.0
    assert scores["opinion"] < scores["report"]


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("listing", LISTING_PAGE),
        ("teaser listing", TEASER_LISTING),
        ("donation", DONATION_PAGE),
        ("short", SHORT_TEXT),
        ("press release", PRESS_RELEASE),
        ("empty", ""),
    ],
)
def test_non_news_pages_are_other(name: str, body: str) -> None:
    extraction = Extraction(body=body)
    assert classify_genre(extraction) is Genre.OTHER, (name, genre_scores(extraction))


def test_demo_feed_reports_are_reports() -> None:
    # The bundled feed's bodies are verbatim article text (JSONL contract): no extraction needed.
    feed = resources.files("newstrace") / "data" / "demo" / "feed.jsonl"
    for line in feed.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        extraction = Extraction(body=doc["text"], title=doc["title"], url=doc["url"])
        assert classify_genre(extraction) is Genre.REPORT, (doc["id"], genre_scores(extraction))


def test_scores_expose_every_feature_and_contribution() -> None:
    scores = genre_scores(Extraction(body=OP_ED_BODY))
    for feature in FEATURES:
        assert feature.name in scores
        assert f"{feature.genre.value}:{feature.name}" in scores
        # A contribution never exceeds its documented weight (saturating features).
        assert 0.0 <= scores[f"{feature.genre.value}:{feature.name}"] <= feature.weight
        assert feature.why


INTERVIEW = """\
A district council head in the Euphrates valley spoke to the desk on Sunday about water \
shortages and security on the river road. This interview is fictional.

Q: How bad is the shortage this winter?
A: I have never seen the river this low. We are pumping half of what we pumped last year.
Q: Who do you blame?
A: I don't blame anyone publicly. We need the upstream authorities to release more water.
Q: Is the road safe?
A: Mostly. There was an attack on a checkpoint last month, but the army has added patrols.
"""


def test_interview_turns_are_speech_not_the_author_s_voice() -> None:
    scores = genre_scores(Extraction(body=INTERVIEW, title="Interview: a council head"))
    assert scores["first_person"] == scores["rhetorical_questions"] == 0.0
    assert classify_genre(Extraction(body=INTERVIEW)) is not Genre.OPINION


def test_article_in_another_language_defaults_to_report() -> None:
    body = (
        "Deux civils ont été tués lundi dans une frappe de drone près de Raqqa, selon des "
        "habitants joints par téléphone, qui ont décrit une voiture en feu sur la route. "
    ) * 4
    assert classify_genre(Extraction(body=body, language="fr")) is Genre.REPORT


def test_us_as_country_is_not_a_pronoun() -> None:
    body = "US forces said on Monday that US aircraft struck targets, officials told reporters."
    assert genre_scores(Extraction(body=body))["first_plural"] == 0.0


@settings(max_examples=200, deadline=None)
@given(
    body=st.text(max_size=3000),
    title=st.none() | st.text(max_size=200),
    url=st.none() | st.text(max_size=200),
)
def test_never_raises_on_arbitrary_text(body: str, title: str | None, url: str | None) -> None:
    extraction = Extraction(body=body, title=title, url=url)
    assert classify_genre(extraction) in set(Genre)
    scores = genre_scores(extraction)
    assert all(value >= 0.0 for value in scores.values())
