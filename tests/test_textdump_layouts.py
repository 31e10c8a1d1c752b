"""Golden checks for the text-dump cleaner on the page layouts of many kinds of outlet.

Each fixture in ``fixtures/dumps`` is a fictional page written for these tests in the layout of
one family of real sites (wire agency, broadcaster, state media, blog, Disqus, live blog, photo
essay, paywall, Arabic site, research note). Checks are "must contain / must not contain"
phrases, in the spirit of trafilatura's golden tests, plus title, byline, date and comments.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newstrace.records import Extraction
from newstrace.stages.extract.textdump import clean_text_dump


@pytest.fixture(scope="module")
def dump(fixtures_dir: Path) -> dict[str, Extraction]:
    folder = fixtures_dir / "dumps"
    return {p.stem: clean_text_dump(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt")}


def _check(found: Extraction, must: list[str], must_not: list[str]) -> None:
    for phrase in must:
        assert phrase in found.body, phrase
    for phrase in must_not:
        assert phrase not in found.body, phrase
        assert all(phrase not in c.text for c in found.comments), phrase


def _authors(found: Extraction) -> list[str | None]:
    return [comment.author for comment in found.comments]


def test_wire_agency_credits_and_trust_footer(dump: dict[str, Extraction]) -> None:
    found = dump["wire_mogadishu"]
    assert found.title == "Car bomb kills at least seven near Mogadishu checkpoint, police say"
    assert found.author == "Hassan Warsame and Jane Doe"
    assert found.published == date(2024, 3, 14)  # "20248:42 AM": the scraper glued the time
    assert found.outlet == "newstrace demo (fictional)"
    must = [
        "MOGADISHU, March 14 (newstrace demo) - A car bomb exploded",
        '"Most of the dead are civilians who were waiting to pass," he said.',
        "heard gunfire for several minutes after the blast.",
    ]
    must_not = [
        "Purchase Licensing Rights",
        "Sign up here",
        "Reporting by",
        "Our Standards",
        "Suggested Topics",
        "Gunmen kill three at hotel",
        "Market data is delayed",
        "around the clock",
    ]
    _check(found, must, must_not)
    assert found.comments == ()


def test_broadcaster_breadcrumbs_captions_and_story_lists(dump: dict[str, Extraction]) -> None:
    found = dump["broadcaster_kharkiv"]
    assert found.title == "Ukraine war: Strikes on Kharkiv leave two dead, officials say"
    assert found.author == "Olena Kovalenko"  # a bare name over "Outlet, City"
    assert found.published is None  # "3 hours ago" has no anchor date
    must = [
        "Two people were killed and at least 20 wounded",
        "its account could not be verified.",
        '"We were already in the corridor, that is what saved us," said Iryna',
    ]
    must_not = [
        "Image source",
        "Getty Images",
        "Firefighters worked through the night",  # the caption under "Image caption,"
        "Watch: Residents clear debris",
        "Related Topics",
        "More on this story",
        "Ukraine says it downed 30 drones",
        "Top Stories",
        "Floods hit southern Brazil",
        "Published",
        "Share",
        "other sites",
    ]
    _check(found, must, must_not)
    assert found.comments == ()  # "Published / 1 day ago" under related links is no thread


def test_state_media_promos_between_paragraphs(dump: dict[str, Extraction]) -> None:
    found = dump["statemedia_belgorod"]
    assert found.title == "Ukrainian drones hit fuel depot in Belgorod Region – governor"
    assert found.published == date(2024, 6, 14)
    assert found.outlet == "newstrace demo (fictional)"
    must = [
        "Ukrainian forces launched a wave of drones at Belgorod Region overnight",
        "Kiev has not commented on the claims.",
        'Moscow has described the attacks as "terrorism".',
    ]
    must_not = [
        "Follow newstrace demo",
        "on Telegram, X and VK",
        "READ MORE",
        "Kiev shelling damages power line",
        "Share this story",
        "Get short URL",
        "FILE PHOTO",
        "Russia & FSU",
        "comment section has been closed",
        "cookies",
    ]
    _check(found, must, must_not)
    assert found.comments == ()


def test_wordpress_blog_with_bio_box_and_says_thread(dump: dict[str, Extraction]) -> None:
    found = dump["wordpress_aleppo"]
    assert found.title == "Aleppo countryside: what the new front line means for Atarib"
    assert found.author == "Layla Hassan"
    assert found.published == date(2023, 9, 3)
    must = [
        "Shelling returned to the western Aleppo countryside this week",
        "residents remember from 2016.",
    ]
    must_not = [
        "is a journalist covering northern Syria",  # the bio box under the article
        "Posted in",
        "Like Loading",
        "Share this",
        "Leave a Reply",
        "Your email address",
        "Save my name",
        "Post Comment",
        "Blog at",
        "Idlib: the market",
    ]
    _check(found, must, must_not)
    assert [(c.author, c.published) for c in found.comments] == [
        ("Omar K.", "2023-09-03"),
        ("abu_jaafar", "2023-09-03"),
        ("Layla Hassan", "2023-09-04"),
        ("kareem.s", "2023-09-05"),
    ]
    assert found.comments[3].text == "Good summary. The map would help."


def test_disqus_reply_headers_name_the_author_not_the_parent(
    dump: dict[str, Extraction],
) -> None:
    found = dump["disqus_replies_rafah"]
    assert found.title == "Aid trucks wait at Rafah crossing as talks stall"
    must = [
        "Dozens of aid trucks were waiting",
        "Their figures could not be independently checked.",
    ]
    must_not = ["TOPICS", "Fuel shortage closes bakery", "8 min read", "Comment Policy"]
    _check(found, must, must_not)
    assert _authors(found) == ["nile_watcher", "Sam Cohen", "nile_watcher", "Guest", "R. Mansour"]
    assert found.comments[4].text.count("\n\n") == 1
    for junk in ("Reply", "Share ›", "Show more replies", "Load more", "LOG IN", "Avatar"):
        assert all(junk not in c.text for c in found.comments), junk
    assert all("Do Not Sell" not in c.text and c.author != "Privacy" for c in found.comments)


def test_live_blog_time_stamps_are_not_text(dump: dict[str, Extraction]) -> None:
    found = dump["liveblog_khartoum"]
    title = "Sudan war live: Fighting reported near Khartoum airport as truce collapses"
    assert found.title == title
    assert found.published == date(2023, 4, 23)
    must = [
        "Residents of southern Khartoum say artillery fire has resumed",
        "The army says it has retaken two bridges over the Nile.",
        "The journey usually takes about 12 hours.",
        "Welcome to our live coverage.",
    ]
    must_not = ["GMT", "Key events", "JavaScript", "Share", "Most viewed", "Sudan truce collapses"]
    _check(found, must, must_not)
    assert found.comments == ()


def test_photo_essay_captions_and_credits(dump: dict[str, Extraction]) -> None:
    found = dump["photos_marib"]
    assert found.title == "In pictures: Displaced families in Marib brace for winter"
    assert found.author == "Ahmed Saleh"
    assert found.published == date(2022, 12, 2)
    must = [
        "Tens of thousands of families displaced by fighting around Marib",
        "about 300 new families had arrived in November alone",
        "One agency said it could cover only a third of the families",
        '"We burn plastic when there is no wood," said Fatima',
    ]
    must_not = [
        "Enlarge this image",
        "carries firewood",
        "(AFP)",
        "toggle caption",
        "Ahmed Saleh/",
        "Children queue for water",
        "Image source",
        "A boy sits outside",
        "1 of 8",
        "Families repair the roofs",
        "Credit:",
        "Hide caption",
        "Previous",
        "Flooding in Hodeidah",
    ]
    _check(found, must, must_not)


def test_lowercase_handles_and_sort_bar(dump: dict[str, Extraction]) -> None:
    found = dump["handles_ramadi"]
    assert found.title == "Curfew lifted in Ramadi after two days of clashes"
    assert found.published is None  # 12/03/2024 could be 12 March or 3 December
    must = ["Authorities lifted a curfew in Ramadi", "traffic returned to the main bridge"]
    _check(found, must, ["Admin |", "Oldest", "Telegram", "5 Comments", "Notify of"])
    assert _authors(found) == [
        "Reader from Ramadi",
        "anon_123",
        "john.smith",
        "abu ali",
        "the_observer",
    ]
    assert found.comments[0].text == (
        "The toll is higher than this. My street had two funerals yesterday."
    )
    assert found.comments[2].text.count("\n\n") == 1
    assert all("12/03/2024" not in c.text and "Reply" not in c.text for c in found.comments)
    assert all("Would love your thoughts" not in c.text for c in found.comments)


def test_paywall_teaser_and_inline_read_also(dump: dict[str, Extraction]) -> None:
    found = dump["paywall_tripoli"]
    assert found.title == "Clashes in Tripoli kill at least 12, health ministry says"
    assert found.author == "Nadia Ferjani"  # a bare name over the date line
    assert found.published == date(2023, 8, 15)
    must = [
        "Clashes between two armed groups in the Libyan capital Tripoli",
        "Flights were diverted to Misrata.",
        "evacuated families from several streets.",
    ]
    must_not = [
        "Read also",
        "Libya's rival governments trade blame",
        "Listen to this article",
        "Subscribe",
        "subscribers only",
        "Already a subscriber",
        "Cancel anytime",
        "subscription options",
        "elections postponed",
    ]
    _check(found, must, must_not)


def test_arabic_page(dump: dict[str, Extraction]) -> None:
    found = dump["ar_homs"]
    assert found.title == "مقتل ثلاثة مدنيين في قصف على ريف حمص الشمالي"
    assert found.author == "سارة الخطيب"
    assert found.published == date(2024, 3, 10)
    assert found.outlet == "newstrace demo (fictional)"
    must = ["حمص - قُتل ثلاثة مدنيين", "بعد هدوء نسبي استمر عدة أشهر."]
    must_not = ["اقرأ أيضا", "الوسوم", "فيسبوك", "أخبار ذات صلة", "انفجار في ريف دمشق", "التعليقات"]
    _check(found, must, must_not)
    assert [(c.author, c.published) for c in found.comments] == [
        ("أبو محمد", "2024-03-10"),
        ("ريم", "2024-03-11"),
    ]
    assert all(c.text.endswith(".") for c in found.comments)  # "رد" (Reply) is not text


def test_research_note_contents_and_footnotes(dump: dict[str, Extraction]) -> None:
    found = dump["report_toc_sahel"]
    assert found.title == "Armed groups and the fuel trade in central Mali"
    assert found.published == date(2023, 6, 6)
    assert found.author is None
    must = [
        "Armed groups in central Mali have increasingly taxed fuel trucks",
        "the amounts had doubled within a year.[3]",
        "likely to stay high through the rainy season.",
    ]
    must_not = ["Contents", "Download PDF", "[1] Interviews", "receipts", "Topics", "newsletter"]
    _check(found, must, must_not)


def test_markerless_comments_after_the_share_bar(dump: dict[str, Extraction]) -> None:
    found = dump["nomarker_kherson"]
    assert found.title == "Ferry crossing near Kherson shelled, regional officials say"
    assert found.author == "Mark Ellis"  # "Mark Ellis | June 20, 2024": a byline with no "By"
    assert found.published == date(2024, 6, 20)
    must = ["A ferry landing on the Dnipro river", "Kyiv did not comment on the accusation."]
    _check(found, must, ["Tweet", "Subscribe"])
    for phrase in ("believe a word", "old people", "tired of these", "heroes"):
        assert phrase not in found.body
    assert len(found.comments) == 4 and _authors(found) == [None] * 4
    assert found.comments[0].text == "I don't believe a word of this, the boats were military."


def test_demo_dumps_keep_handles_apart(dump: dict[str, Extraction]) -> None:
    demo = Path(__file__).resolve().parents[1] / "src/newstrace/data/demo/dumps"
    found = clean_text_dump((demo / "qaim-roadside-bomb.txt").read_text(encoding="utf-8"))
    assert _authors(found) == ["Abu Omar al-Anbari", "Reader from Ramadi", "Abu Omar al-Anbari"]
    assert found.comments[1].text.startswith("Two killed?")


def test_russian_page(dump: dict[str, Extraction]) -> None:
    found = dump["ru_belgorod"]
    assert found.title == "При атаке беспилотников на Белгород пострадали два человека"
    assert found.author == "Иван Петров"
    assert found.published == date(2024, 6, 14)
    must = ["Два человека получили ранения", "Независимо проверить эти данные не удалось."]
    must_not = ["Читайте также", "В Курской области", "Поделиться", "ВКонтакте", "Комментарии"]
    _check(found, must, must_not)
    assert [(c.author, c.published) for c in found.comments] == [
        ("Сергей К.", "2024-06-14"),
        ("marina_b", "2024-06-14"),
    ]
    assert all("Ответить" not in c.text for c in found.comments)


def test_blogger_said_thread_with_dates_after_the_text(dump: dict[str, Extraction]) -> None:
    found = dump["blogger_deir"]
    assert found.title == "Clashes reported near Deir ez-Zor bridge"
    assert found.author == "Euphrates Watcher"  # "Posted by … at 9:14 PM" under the post
    assert found.published == date(2017, 10, 4)
    must = ["Fighting was reported on Tuesday", "its own account of the fighting so far."]
    _check(found, must, ["Posted by", "Labels", "Share to", "Post a Comment", "Older Post"])
    assert [(c.author, c.published) for c in found.comments] == [
        ("Anonymous", "2017-10-04"),
        ("Anonymous", "2017-10-05"),
        ("Karim D.", "2017-10-05"),
    ]
    assert found.comments[1].text == "Why trust activists? They always exaggerate."


def test_social_plugin_thread_and_form_chrome(dump: dict[str, Extraction]) -> None:
    found = dump["fbplugin_gao"]
    assert found.title == "Attack on army post near Gao kills soldiers – local sources"
    assert found.author is None  # "By Staff Reporter" names a role, not a person
    assert found.published == date(2024, 3, 9)
    assert found.outlet == "newstrace demo (fictional)"
    must = ["Gunmen attacked an army post near Gao", "attacks on military positions since 2012."]
    must_not = ["RELATED ARTICLES", "convoy ambushed", "Plugin", "Please enter", "Like ·", "2y"]
    _check(found, must, must_not)
    assert _authors(found) == ["Moussa Traoré", "Fatou Diallo", "Ibrahim Keita"]


def test_name_and_role_byline_and_signed_in_thread(dump: dict[str, Extraction]) -> None:
    found = dump["guardianish_sanaa"]
    assert found.title == "Airstrikes hit port city of Hodeidah as Red Sea tensions rise"
    assert found.author == "Jane Roe"  # "Jane Roe Middle East correspondent"
    assert found.published == date(2024, 3, 12)  # "First published", not "Last modified"
    must = [
        "Airstrikes hit the Yemeni port city of Hodeidah",
        "most of the country's food imports.",
    ]
    must_not = ["Explore more", "Reuse this content", "Most viewed", "join the discussion"]
    _check(found, must, [*must_not, "Per page", "Loading comments", "Report"])
    assert _authors(found) == ["peacenik77", "Sana_from_Aden", "OldHand"]


def test_text_browser_dump_with_link_numbers(dump: dict[str, Extraction]) -> None:
    found = dump["lynx_baqubah"]
    assert found.title == "Gunmen kill three at checkpoint near Baqubah, police say"
    assert found.author == "Jane Doe"  # "By [7]Jane Doe | March 3, 2024"
    assert found.published == date(2024, 3, 3)
    must = ["Gunmen opened fire on a police checkpoint north of", "detained two suspects"]
    must_not = ["Skip to content", "[3]Home", "Advertisement", "Share on", "Kirkuk", "https://"]
    _check(found, must, must_not)
    assert found.comments == ()


def test_key_points_list_is_not_the_headline(dump: dict[str, Extraction]) -> None:
    found = dump["keypoints_karabakh"]
    assert found.title == "Ceasefire violations reported along Nagorno-Karabakh line"
    assert found.author == "Ani Petrosyan"
    assert found.published == date(2024, 3, 3)
    must = ["Both sides reported ceasefire violations", "to exercise restraint,"]
    must_not = ["Advertisement", "Continue reading", "Share options", "Top Stories", "Floods"]
    _check(found, must, must_not)


def test_headline_and_summary_list_after_the_article(dump: dict[str, Extraction]) -> None:
    found = dump["teasers_tigray"]
    assert found.title == "Drone strike hits wedding party in Tigray, witnesses say"
    assert found.author == "Selam Tesfaye"
    assert found.published == date(2024, 5, 2)
    must = ["A drone strike hit a wedding party", "reported sporadic incidents."]
    must_not = ["More from Africa", "El Fasher", "food supplies", "Kismayo", "tear gas"]
    _check(found, must, must_not)
    assert found.body.endswith("reported sporadic incidents.")


def test_thread_with_like_counts_and_reply_to_lines(dump: dict[str, Extraction]) -> None:
    found = dump["likes_sulaymaniyah"]
    assert found.title == "Protest in Sulaymaniyah turns violent, police say"
    _check(found, ["Police fired tear gas", "treated for breathing problems."], ["Comments (4)"])
    assert _authors(found) == ["Karwan A.", "lisa m", "Hawre"]
    assert found.comments[1].text == "Same in Erbil, nobody talks about it."
    for junk in ("Like (", "Report abuse", "Reply", "replies", "ago", "Newest first"):
        assert all(junk not in c.text for c in found.comments), junk


def test_markerless_comments_after_extra_blank_lines(dump: dict[str, Extraction]) -> None:
    found = dump["gapped_kidal"]
    assert found.title == "Clashes in Kidal leave several dead, residents say"
    assert found.body.endswith("Neither account could be verified independently.")
    assert len(found.comments) == 3 and _authors(found) == [None] * 3
    assert found.comments[2].text == "Praying for everyone in Kidal, stay safe!"


def test_thread_resumes_after_the_author_box_and_post_links(dump: dict[str, Extraction]) -> None:
    found = dump["interrupted_daraa"]
    assert found.title == "Roadside bomb hits bus near Daraa, local monitors say"
    must = ["A roadside bomb hit a minibus", "between Daraa and the Jordanian border."]
    _check(found, must, ["Curfew extended", "Notify me", "Cancel Reply", "Facebook"])
    assert found.body.endswith("between Daraa and the Jordanian border.")
    assert [(c.author, c.published) for c in found.comments] == [
        ("Abu Fadi", "2023-08-17"),
        ("Samira Haddad", "2023-08-18"),  # the author box above is not her comment
    ]
    assert found.comments[-1].text == "Thank you, we will add the closure to the report."


def test_opinion_disclaimers_and_syndication_footers(dump: dict[str, Extraction]) -> None:
    found = dump["opinion_disclaimer_idlib"]
    assert found.title == "Idlib: Who Benefits from the Latest Escalation?"
    assert found.author == "Viktor Rasmussen"
    assert (
        found.outlet == "newstrace demo (fictional)"
    )  # "The original source of this article is …"
    must = [
        "The escalation around Idlib this month",
        "which is precisely why each side makes it.",
        "This article was originally published on",  # provenance is text (and a lead for dedup)
    ]
    must_not = ["views expressed", "Disclaimer"]
    _check(found, must, [*must_not, "Copyright", "Facebook page", "Region:", "Become a Member"])
    assert found.comments == ()


def test_menus_teaser_counts_and_an_empty_form_are_no_thread(dump: dict[str, Extraction]) -> None:
    found = dump["nothread_mosul"]
    assert found.title == "Rebuilding of Mosul's old bridge resumes after funding delay"
    must = ["Work on rebuilding one of the bridges", "a temporary crossing further south."]
    must_not = ["Leave a Reply", "Required fields", "About this site", "Power cuts", "dam"]
    _check(found, must, must_not)
    assert found.body.endswith("a temporary crossing further south.")
    assert found.comments == ()  # "Comment" menus, "12 comments" counters, a form: no comments
