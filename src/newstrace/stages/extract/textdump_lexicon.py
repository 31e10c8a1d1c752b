"""Boilerplate lexicon for plain-text page dumps: the data the text-dump cleaner matches against.

Edit the tables, not the cleaner: each table is a tuple of lowercase regular-expression fragments,
grouped by what the matched line *is*. Fragments are general chrome phrases in the languages
newstrace meets most (en, fr, es, de, it, pt, ru, ar), never strings from one particular site.

* ``STRONG_PHRASES`` — found anywhere in a line, they mark it as chrome (cookie, consent,
  copyright, newsletter, form errors). Specific enough to be safe on lines of normal length.
* ``SHORT_LINES`` — whole-line patterns, only tried on short lines (site chrome, sharing,
  login, donation ladders), because the same words occur in real prose.
* ``SOCIAL`` — the names of sharing buttons (an alternation shared by several tables).

Captions, link-list headings and article ends live in ``textdump_lexicon_layout``,
comment-thread tables in ``textdump_lexicon_thread``, names, bylines and dates in
``textdump_lexicon_names``; the same rules apply to them.

The lexicon is a Python module rather than a YAML file under ``data/`` because its entries are
regular expressions: they are compiled once at import, checked by the type checker and the
tests, and need no file I/O. Matching is case-insensitive, and whole-line tables tolerate
trailing punctuation ("Related:", "Latest News:").
"""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (tables stay readable)."""
    return frozenset(words.split())


STRONG_PHRASES: tuple[str, ...] = (
    # cookies, consent, privacy
    r"\bwe use cookies\b",
    r"\buses? cookies\b",
    r"\bcookie (policy|settings|preferences|notice)",
    # cookie-preference dialogs dumped in full: categories and purposes, two per paragraph
    r"\b(necessary|essential|functional|performance|analytics|advertisement|marketing|other)"
    r" cookies\b",
    r"\bcookies?\b[^.]{0,80}\b(website|browser|analytics|consent|opt[- ]out|personal data)\b",
    r"\baccept (all )?cookies\b",
    r"\bprivacy (policy|notice|settings)\b",
    r"\bgdpr\b",
    r"\bterms (of (use|service)|and conditions)\b",
    r"\bby continuing to (browse|use)\b",
    r"\bmanage (your )?(consent|preferences)\b",
    r"\bnous utilisons des cookies\b",
    r"\bpolitique de confidentialit",
    r"\ben poursuivant votre navigation\b",
    r"\brgpd\b",
    r"\bdonnées personnelles\b",
    r"\butilizamos cookies\b",
    r"\bpolítica de privacidad\b",
    r"\bwir verwenden cookies\b",
    r"\bdatenschutzerklärung\b",
    r"\butilizziamo (i )?cookie",
    r"\bмы используем (файлы )?cookie",
    # copyright and legal footers
    r"\ball rights reserved\b",
    r"\btous droits réservés\b",
    r"\btodos los derechos reservados\b",
    r"\balle rechte vorbehalten\b",
    r"\btutti i diritti riservati\b",
    r"\btodos os direitos reservados\b",
    r"\bвсе права защищены\b",
    r"^(copyright\s*)?©",
    # newsletters and forms
    r"\bsuccessfully subscribed\b",
    r"\bsubscribe to (our|the)\b.{0,40}\bnewsletter\b",
    r"\bsign up (for|to) (our|the)\b.{0,40}\bnewsletter\b",
    r"\bnewsletter sign[- ]?up\b",
    r"\bwill use the information you provide\b",
    r"\bplease try again\b",
    r"\bunsubscribe at any time\b",
    r"\binscrivez-vous à (notre|la) (newsletter|lettre)",
    r"\babonnez-vous à (notre|la) newsletter\b",
    r"\bsuscríbete a (nuestro|nuestra)\b",
    r"\bnewsletter abonnieren\b",
    r"\biscriviti alla (nostra )?newsletter\b",
    # scripts, browsers, images
    r"\benable javascript\b",
    r"\bjavascript (is )?(disabled|required)\b",
    r"\bad ?blocker\b",
    r"\bclick (here )?to (see|view|enlarge) the (full|larger)",
    r"\bfull[- ]size image\b",
    r"\bskip to (main )?content\b",
    r"\bturn on javascript\b",
    r"\bsharing options\b",
    r"\bopens in (a )?new window\b",
    r"\bopens in (a )?new tab\b",
    # photo licensing, paywalls and wire trust footers
    r"\bpurchase licensing rights\b",
    r"\bsubscribe to (continue|keep) reading\b",
    r"\bcontinue reading\b",
    r"\bfor subscribers only\b",
    r"\balready a subscriber\b",
    r"\bsubscription options\b",
    r"\bcancel any ?time\b",
    r"\b(register|sign in|log in) to read\b",
    r"\b(register|sign in|log in) to continue\b",
    r"\bis (only )?(available )?(for|to) subscribers\b",
    r"\bis (only )?(available )?(for|to) (paying )?members\b",
    r"\bunlock (this|the full|full) (article|story|access)\b",
    r"^our standards\s*:",
    # donation appeals and promos written as sentences between paragraphs
    r"\bsupport (our|independent|quality) journalism\b",
    r"\breaders like you\b",
    r"\bdonate (today|now)\b",
    r"\bjoin our telegram\b",
    r"\bjoin our whatsapp\b",
    r"\b(story|article) continues below\b",
    r"\bscroll to continue\b",
    # the reply form of a page without comments
    r"\be-?mail address will not be published\b",
    r"\brequired fields are marked\b",
    # Arabic copyright footer ("all rights reserved")
    r"جميع الحقوق محفوظة",
)

# Literal triggers: a line is matched against STRONG_PHRASES only when its lowercase text
# contains one of these. Every strong phrase must contain a trigger (a test checks it); the
# prefilter is plain substring search, which keeps a 20 KB dump well under 10 ms (the big
# alternation alone costs ~0.3 ms per 1,000-character paragraph).
STRONG_TRIGGERS: tuple[str, ...] = (
    "cookie",
    "privacy",
    "gdpr",
    "rgpd",
    "terms",
    "continuing",
    "consent",
    "preferences",
    "confidentialit",
    "navigation",
    "données",
    "privacidad",
    "datenschutz",
    "rights",
    "droits",
    "derechos",
    "rechte",
    "diritti",
    "direitos",
    "права",
    "©",
    "subscri",
    "sign up",
    "newsletter",
    "information you provide",
    "try again",
    "inscrivez",
    "abonnez",
    "suscr",
    "javascript",
    "blocker",
    "size image",
    "skip to",
    "click",
    "licensing",
    "continue",
    "cancel",
    "standards",
    "to read",
    "members",
    "unlock",
    "sharing",
    "new window",
    "new tab",
    "journalism",
    "readers like you",
    "donate",
    "telegram",
    "whatsapp",
    "continues below",
    "scroll",
    "will not be published",
    "required fields",
    "الحقوق",
)

# Sharing buttons, alone or glued together by the scraper ("FacebookTwitterPinterestEmail").
SOCIAL = (
    r"share|tweet|email|e-mail|whatsapp|telegram|facebook|twitter|reddit|linkedin|vk|copy link"
    r"|pinterest|tumblr|flipboard|messenger|pocket|threads|bluesky|sms"
)

SHORT_LINES: tuple[str, ...] = (
    # menus and site chrome
    r"(open |close |main )?menu( close| open)?",
    r"close",
    r"search( for)?:?",
    r"home",
    r"toggle navigation",
    r"navigation",
    r"back to top",
    r"print( this)?( article| page)?",
    r"advertisement|sponsored( content)?|publicité|anuncio|anzeige|pubblicità|реклама",
    r"(log ?in|sign ?in|sign ?up|register|log ?out|my account|create (an|your) account)",
    r"forgot (your )?password\??|connexion|se connecter|s'inscrire|mon compte|iniciar sesión",
    r"anmelden|registrieren|accedi|entrar|войти|регистрация",
    # consent and form buttons
    r"(accept|reject|refuse|decline)( all)?( cookies)?|(i )?agree|got it|ok(ay)?",
    r"manage (preferences|settings|options)|cookie settings|(your )?e-?mail( address)?",
    r"tout accepter|tout refuser|continuer sans accepter|paramétrer les cookies|votre e-?mail",
    # sharing and following
    # share bars, also glued by the scraper: "FacebookTwitterPinterestEmail"
    rf"({SOCIAL})(\s*[|·•]?\s*({SOCIAL}))*",
    r"share (this|on|via)\b.*",
    r"(follow|like) us( on .*)?",
    # "Follow <Outlet> on Telegram, X and VK": promos between paragraphs of state-media pages
    r"(follow|join|subscribe to) .{1,50} on (telegram|twitter|x|facebook|vk|instagram|youtube"
    r"|rumble|odysee|whatsapp|threads|tiktok)\b.*",
    r"(you can )?share this (story|article|page|post)\b.*",
    r"(share|save|get short url|copy link|listen( to this article)?|download( the)? (pdf|report))",
    r"like this|like loading.*|sign up here",
    r"(posted|filed) (in|under) .{1,80}",
    r"key events|show key events only",
    # a time of day alone: live-blog entry stamps ("14:32 GMT"), never article text
    r"\d{1,2}[:.h]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*([a-z]{2,5}([+-]\d{1,2})?)?",
    r"شارك|فيسبوك|تويتر|واتساب|تلغرام|طباعة|الرئيسية",
    r"partager|compartir|teilen|condividi",
    r"suivez-nous.*|síguenos.*|folgen sie uns.*|seguici.*",
    # donations and subscriptions
    r"(support|donate to|soutenez|soutenir|unterstützen sie|apoya a|sostieni)"
    r" (?!(for|of|from|to|in|on|the|a|an|is|was|grows|falls|la|le|les|de|du|des)\b)\S+( \S+){0,2}",
    r"(donate|donate now|make a donation|give now|subscribe|subscribe now)",
    r"become a (patron|member|supporter)( of .{1,40})?",
    r"(one[- ]time|monthly|yearly|annually|other amount|custom amount|pay with .*|paypal)",
    r"(faire un don|faites un don|je fais un don|donar|spenden|dona ora|s'abonner|abonnez-vous)",
    # relative timestamps: meaningless without the crawl date, never article text
    r"((updated|posted|published) )?\d+ (second|minute|hour|day|week|month|year)s? ago",
    r"((updated|posted|published) )?\d+ ?(s|m|h|d|w|mo|y|min|mins|hr|hrs) ago",
    r"((mis à jour|publié) )?il y a \d+ \w+|hace \d+ \w+|vor \d+ \w+|\d+ \w+ назад",
    # comment counters and buttons that sit in the header, and reading-time chrome
    r"(log in to )?reply|(leave|post) a (reply|comment)( cancel reply)?|comments?",
    r"\d+ (comments?|commentaires?|comentarios?|kommentare?|commenti|коммент\w*)",
    r"\d+ (min(ute)?s?|mn) (read|de lecture|de lectura|lesezeit)",
)


def compile_lines(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching a *whole* (stripped) line against any fragment."""
    # trailing punctuation and the arrows of buttons ("Related:", "Reply ↓", "Share ›")
    tail = r"[\s:.!?↓→›»]*\Z"
    return re.compile(r"(?:" + "|".join(f"(?:{f})" for f in fragments) + ")" + tail, re.I)


def compile_tails(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern finding any fragment at the *end* of a line (use search)."""
    return re.compile(r"(?:" + "|".join(f"(?:{f})" for f in fragments) + r")\s*\Z", re.I)


def compile_search(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern finding any fragment anywhere in a line."""
    return re.compile("|".join(f"(?:{f})" for f in fragments), re.I)


def compile_triggered(
    fragments: tuple[str, ...], triggers: tuple[str, ...]
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(trigger, pattern) pairs: each fragment is grouped under the first trigger it contains.

    A line then runs only the few small patterns whose literal trigger it contains.
    """
    groups: dict[str, list[str]] = {}
    for fragment in fragments:
        trigger = next(t for t in triggers if t in fragment)  # StopIteration: add a trigger
        groups.setdefault(trigger, []).append(fragment)
    return tuple((t, compile_search(tuple(group))) for t, group in groups.items())
