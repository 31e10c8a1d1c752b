"""Build ``archive.warc.gz`` of the demo corpus: how the committed archive was made.

Run ``python -m newstrace.data.demo.make_warc`` (optionally ``--out PATH``). The archive holds a
``warcinfo`` record, two crawled pages (``request`` + ``response`` pairs of HTML) and one
WET-style ``conversion`` record (plain text, as web-crawl text extracts ship it). Record ids and
dates are fixed, so re-running the script reproduces the committed file byte for byte.

Everything here is fictional: invented incidents and people in real places, carried by the
invented outlet "newstrace demo (fictional)".
"""

from __future__ import annotations

import argparse
import html
import uuid
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARCHIVE = Path(__file__).resolve().parent / "archive.warc.gz"
FILENAME = "archive.warc.gz"
MARK = "This is a fictional report written for the newstrace demo."
OUTLET = "newstrace demo (fictional)"
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://demo.newstrace.invalid/")


@dataclass(frozen=True, slots=True)
class DemoPage:
    url: str
    desk: str
    title: str
    author: str
    published: str  # ISO datetime as the page's metadata gives it
    crawled: str  # WARC-Date of the capture
    paragraphs: tuple[str, ...]

    @property
    def outlet(self) -> str:
        return f"{OUTLET} – {self.desk}"


ARIHA = DemoPage(
    url="https://demo.newstrace.invalid/desk-b/2024/11/12/ariha-market-shelling",
    desk="Desk B",
    title="Shelling hits market in Ariha, killing two",
    author="Yara Darwish (fictional)",
    published="2024-11-12T10:15:00+03:00",
    crawled="2024-11-13T04:21:07Z",
    paragraphs=(
        "ARIHA, Syria (newstrace demo, fictional) — Two civilians were killed and five wounded "
        "when artillery shells hit a vegetable market in Ariha, in the southern Idlib "
        "countryside, on Monday morning, local rescue teams said.",
        "The shells struck shortly after 8 am, when the market was busy, a rescuer who took "
        "part in the response told Desk B. He said the fire came from government positions to "
        "the east, near Saraqib.",
        "Syrian state media did not mention the market. A military source quoted by a "
        'pro-government news site said the army had "responded to sources of fire" in the '
        "Idlib countryside on Monday after attacks on its positions near Saraqib.",
        "Ariha lies inside the area where a ceasefire agreed by Russia and Turkey in March 2020 "
        "was meant to halt the fighting. Shelling across the front line has continued, with "
        "each side accusing the other of violations.",
        "Residents said some families had begun sending their children to relatives in "
        "villages further north, fearing that the shelling could escalate in the coming weeks.",
        f"{MARK} The shelling, the rescuer and the military source are invented; the places "
        "and the March 2020 ceasefire are real.",
    ),
)

KARAMA = DemoPage(
    url="https://demo.newstrace.invalid/desk-c/2025/01/21/raqqa-council-member-abducted",
    desk="Desk C",
    title="Gunmen abduct council member in Raqqa countryside",
    author="Bashar Khalil (fictional)",
    published="2025-01-21T08:45:00+03:00",
    crawled="2025-01-22T11:02:45Z",
    paragraphs=(
        "Gunmen abducted a member of a local civil council from his home in the town of "
        "al-Karama, east of Raqqa, late on Sunday, his family and local officials said.",
        "Three armed men in a car without number plates took Ibrahim al-Hamad, 52, who sits on "
        "the council's services committee, shortly before midnight, his son told Desk C. "
        '"They said they were security and would bring him back in an hour. We have heard '
        'nothing since," he said.',
        "The Internal Security Forces in Raqqa said they had opened an investigation and set "
        "up checkpoints on the roads out of al-Karama. They did not say whom they suspected.",
        "No group has claimed the abduction. Council members and tribal figures in the Raqqa "
        "countryside have been kidnapped or killed several times in recent years, in attacks "
        "officials have blamed on Islamic State cells, though others were linked to local feuds.",
        "Relatives said they had received no ransom demand by Tuesday morning.",
        f"{MARK} The abduction, the council member and his family are invented.",
    ),
)

DHIBAN = DemoPage(
    url="https://demo.newstrace.invalid/desk-d/2024/09/10/dhiban-tribal-clashes",
    desk="Desk D",
    title="Tribal fighters seize villages east of Deir ez-Zor before SDF pushes back",
    author="Desk D staff (fictional)",
    published="2024-09-10T16:40:00+03:00",
    crawled="2024-09-11T02:13:59Z",
    paragraphs=(
        "Arab tribal fighters who crossed the Euphrates from government-held areas took control "
        "of Dhiban and the nearby village of al-Tayyana in eastern Deir ez-Zor on Monday after "
        "clashes with the Syrian Democratic Forces, residents and a war monitor said.",
        "At least six fighters were killed on both sides, according to the monitor, which said "
        "the toll could rise. The SDF said in a statement that it had killed "
        '"dozens of mercenaries" and accused the Syrian government and Iran-backed groups of '
        "arming the attackers.",
        "On Tuesday the SDF said its units had retaken al-Tayyana after bringing in "
        "reinforcements from Hasakah. Residents of Dhiban said tribal fighters were still in "
        "parts of the town on Tuesday afternoon.",
        "The area saw similar fighting in August 2023, when tribal forces rose against the SDF "
        "across the eastern Deir ez-Zor countryside before the group restored control weeks "
        "later.",
        f"{MARK} The clashes, the toll and the statements are invented; the places and the "
        "fighting of August 2023 are real.",
    ),
)

# The two pages captured as HTML, and the one shipped as extracted text (WET style).
CRAWLED = (ARIHA, KARAMA)
CONVERTED = DHIBAN


def page_html(page: DemoPage) -> str:
    """A small but realistic article page: metadata, navigation, share links, related, footer."""
    e = html.escape
    body = "\n".join(f"    <p>{e(p, quote=False)}</p>" for p in page.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(page.title)} – {e(page.outlet)}</title>
<meta name="author" content="{e(page.author)}">
<meta property="og:site_name" content="{e(page.outlet)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(page.title)}">
<meta property="og:url" content="{e(page.url)}">
<meta property="article:published_time" content="{e(page.published)}">
<link rel="canonical" href="{e(page.url)}">
</head>
<body>
<div class="cookie-notice">We use cookies to count visits. <a href="/privacy">Privacy</a></div>
<header><a class="logo" href="/">{e(page.outlet)}</a>
<nav><a href="/">Home</a> <a href="/syria/">Syria</a> <a href="/iraq/">Iraq</a>
<a href="/opinion/">Opinion</a> <a href="/donate/">Donate</a></nav></header>
<main>
<article>
  <h1>{e(page.title)}</h1>
  <p class="byline">By {e(page.author)} ·
    <time datetime="{e(page.published)}">{e(page.published[:10])}</time></p>
  <div class="article-body">
{body}
  </div>
  <div class="share">Share: <a href="#email">Email</a> · <a href="#copy">Copy link</a></div>
</article>
<aside class="related"><h3>Related</h3><ul>
  <li><a href="/latest/">Latest stories from the demo desks</a></li>
</ul></aside>
</main>
<footer><p>© {e(page.published[:4])} {e(OUTLET)}. An invented outlet: nothing here happened.</p>
</footer>
</body>
</html>
"""


def page_text(page: DemoPage) -> str:
    """The page as a WET conversion record carries it: every visible line, chrome included."""
    published = datetime.fromisoformat(page.published)
    lines = (
        page.outlet,
        "Home | Syria | Iraq | Opinion | Donate",
        f"{published:%B} {published.day}, {published.year}",
        page.title,
        *page.paragraphs,
        "Share: Email · Copy link",
        f"© {published.year} {page.outlet} | Privacy | Terms",
    )
    return "\n".join(lines) + "\n"


def _record_id(url: str, record_type: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_ID_NAMESPACE, f'{record_type} {url}')}>"


def _headers(url: str, record_type: str, date: str, **extra: str) -> dict[str, str]:
    return {"WARC-Record-ID": _record_id(url, record_type), "WARC-Date": date, **extra}


def _write_warcinfo(writer: WARCWriter) -> None:
    fields = (
        "software: newstrace demo make_warc\r\n"
        "format: WARC File Format 1.1\r\n"
        "description: fictional pages written for the newstrace demo\r\n"
        f"operator: {OUTLET}\r\n"
        "isPartOf: newstrace-demo-fictional\r\n"
    ).encode()
    date = min(p.crawled for p in (*CRAWLED, CONVERTED))
    record = writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(fields),
        length=len(fields),
        warc_content_type="application/warc-fields",
        warc_headers_dict=_headers(FILENAME, "warcinfo", date, **{"WARC-Filename": FILENAME}),
    )
    writer.write_record(record)


def _write_capture(writer: WARCWriter, page: DemoPage) -> None:
    path = page.url.split("/", 3)[3]
    host = page.url.split("/")[2]
    request = StatusAndHeaders(
        f"GET /{path} HTTP/1.1",
        [("Host", host), ("User-Agent", "newstrace-demo/1.0"), ("Accept", "text/html")],
        is_http_request=True,
    )
    writer.write_record(
        writer.create_warc_record(
            page.url,
            "request",
            http_headers=request,
            warc_headers_dict=_headers(page.url, "request", page.crawled),
        )
    )
    payload = page_html(page).encode("utf-8")
    response = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            page.url,
            "response",
            payload=BytesIO(payload),
            length=len(payload),
            http_headers=response,
            warc_headers_dict=_headers(page.url, "response", page.crawled),
        )
    )


def _write_conversion(writer: WARCWriter, page: DemoPage) -> None:
    text = page_text(page).encode("utf-8")
    extra = {"WARC-Identified-Content-Language": "eng"}
    writer.write_record(
        writer.create_warc_record(
            page.url,
            "conversion",
            payload=BytesIO(text),
            length=len(text),
            warc_content_type="text/plain",
            warc_headers_dict=_headers(page.url, "conversion", page.crawled, **extra),
        )
    )


def build(out: Path = ARCHIVE) -> Path:
    """Write the demo archive to ``out`` and return the path."""
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        _write_warcinfo(writer)
        for page in CRAWLED:
            _write_capture(writer, page)
        _write_conversion(writer, CONVERTED)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ARCHIVE, help="where to write the archive")
    args = parser.parse_args(argv)
    print(build(args.out))


if __name__ == "__main__":
    main()
