"""The outlet registry: bundled entries, lookups, and users' files overriding them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.outlets import OutletFileError, OutletRegistry

DEMO_DESKS = ("A", "B", "C", "D")


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


def test_bundled_registry_has_labelled_outlets_with_a_basis(registry: OutletRegistry) -> None:
    outlets = registry.outlets()
    assert len(outlets) >= 40
    assert all(o.basis for o in outlets)  # every label, even "unclassified", says why
    assert len({o.id for o in outlets}) == len(outlets)
    assert registry.versions[0].startswith("newstrace/data/outlets.yaml@")


@pytest.mark.parametrize(
    ("query", "outlet_id"),
    [
        ("SANA", "sana"),
        ("the Syrian Arab News Agency", "sana"),
        ("https://www.sana.sy/en/?p=1", "sana"),
        ("arabic.rt.com", "rt"),
        ("SouthFront", "southfront"),
        ("https://southfront.press/some-page/", "southfront"),
        ("Syria News", "syria-news"),
        ("SOHR", "sohr"),
        ("newstrace demo (fictional) – Desk C", "demo-desk-c"),
        ("newstrace demo (fictional) - Desk C", "demo-desk-c"),
        ("https://demo.newstrace.invalid/desk-b/2025/01/22/x", "demo-desk-b"),
        ("https://demo.newstrace.invalid/wire/2024/10/15/x", "demo-wire"),
        ("https://demo.newstrace.invalid/opinion/x", "demo"),
    ],
)
def test_lookup_by_name_alias_domain_or_url(
    registry: OutletRegistry, query: str, outlet_id: str
) -> None:
    found = registry.lookup(query)
    assert found is not None and found.id == outlet_id


def test_unknown_outlets_are_none_and_keyed_by_name(registry: OutletRegistry) -> None:
    assert registry.lookup("Furat Valley Bulletin") is None
    assert registry.lookup("") is None
    assert registry.key("The Furat Valley Bulletin") == "furat valley bulletin"
    assert registry.key("Desk A") == "demo-desk-a"


def test_label_shows_the_affiliation(registry: OutletRegistry) -> None:
    assert registry.label("SANA") == "Syrian Arab News Agency (state-owned)"
    assert registry.label("Syria News") == "Syria News"  # unclassified: no label shown
    assert registry.label("Furat Valley Bulletin") == "Furat Valley Bulletin"


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    extra = tmp_path / "my-outlets.yaml"
    extra.write_text(
        "version: 3\n"
        "outlets:\n"
        "  - id: syria-news\n"
        "    name: Syria News\n"
        "    domains: [syrianews.cc]\n"
        "    affiliation: my label\n"
        "    basis: my team's review of 2025-01-01\n"
        "  - id: furat\n"
        "    name: Furat Valley Bulletin (fictional)\n"
        "    aliases: [Furat Valley Bulletin]\n"
        "    affiliation: unclassified\n",
        encoding="utf-8",
    )
    registry = OutletRegistry.load([extra])
    syria_news = registry.lookup("https://syrianews.cc/page")
    assert syria_news is not None and syria_news.affiliation == "my label"
    furat = registry.lookup("Furat Valley Bulletin")
    assert furat is not None and furat.id == "furat"
    assert registry.versions[-1] == f"{extra}@3"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("outlets: []\n", "'version'"),
        ("version: 1\nsources: []\n", "unknown top-level key"),
        ("version: 1\noutlets:\n  - id: x\n    name: X\n", "missing affiliation"),
        ("version: 1\noutlets:\n  - {id: x, name: X, affiliation: state-owned}\n", "basis"),
        ("version: 1\noutlets:\n  - {id: x, name: X, affiliation: a, basis: b, owner: c}\n",
         "unknown key"),
        ("version: 1\noutlets: [\n", "not valid YAML"),
    ],
)  # fmt: skip
def test_bad_user_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(OutletFileError, match=message):
        OutletRegistry.load([bad])


def test_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutletFileError, match="cannot read outlet file"):
        OutletRegistry.load([tmp_path / "absent.yaml"])


def test_demo_desks_are_distinct_outlets(registry: OutletRegistry) -> None:
    keys = {registry.key(f"newstrace demo (fictional) – Desk {d}") for d in DEMO_DESKS}
    assert len(keys) == len(DEMO_DESKS)
