"""Boilerplate lexicon for plain-text page dumps: the data the text-dump cleaner matches against.

Edit the tables, not the cleaner: each table is a tuple of lowercase regular-expression fragments,
grouped by what the matched line *is*. Fragments are general chrome phrases in the languages
newstrace meets most (en, fr, es, de, it, pt, ru), never strings from one particular site.

* ``STRONG_PHRASES`` — found anywhere in a line, they mark it as chrome (cookie, consent,
  copyright, newsletter, form errors). Specific enough to be safe on lines of normal length.
* ``SHORT_LINES`` — whole-line patterns, only tried on short lines (site chrome, sharing,
  login, donation ladders), because the same words occur in real prose.
* ``CAPTION_LINES`` — image alt text, captions and photo credits.
* ``LINK_LIST_HEADINGS`` — headings that open a list of links ("Related", "Read more",
  "Latest News"): the short lines after them are links, not article text.
* ``THREAD_STRONG`` / ``THREAD_WEAK`` — whole lines that open a comment thread; weak ones
  ("Reply", "2 years ago") also occur inside threads, so they need extra context.
* ``COMMENT_SKIP`` / ``COMMENT_END`` — inside a thread: lines that are not comment text, and
  lines that close the thread (trailing chrome).
* ``MONTHS`` — month names and abbreviations for dates in bylines and datelines.

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
    # photo licensing, paywalls and wire trust footers
    r"\bpurchase licensing rights\b",
    r"\bsubscribe to (continue|keep) reading\b",
    r"\bcontinue reading\b",
    r"\bfor subscribers only\b",
    r"\balready a subscriber\b",
    r"\bsubscription options\b",
    r"\bcancel any ?time\b",
    r"^our standards\s*:",
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
    "الحقوق",
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
    r"(share|tweet|email|e-mail|whatsapp|telegram|facebook|twitter|reddit|linkedin|vk|copy link)"
    r"((\s*[|·•]\s*|\s+)(share|tweet|email|e-mail|whatsapp|telegram|facebook|twitter|reddit"
    r"|linkedin|vk|copy link))*",
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
    r"become a (patron|member|supporter)",
    r"(one[- ]time|monthly|yearly|annually|other amount|custom amount|pay with .*|paypal)",
    r"(faire un don|faites un don|je fais un don|donar|spenden|dona ora|s'abonner|abonnez-vous)",
    # relative timestamps: meaningless without the crawl date, never article text
    r"((updated|posted|published) )?\d+ (second|minute|hour|day|week|month|year)s? ago",
    r"((mis à jour|publié) )?il y a \d+ \w+|hace \d+ \w+|vor \d+ \w+|\d+ \w+ назад",
    # comment counters and buttons that sit in the header, and reading-time chrome
    r"(log in to )?reply|leave a (reply|comment)|comments?",
    r"\d+ (comments?|commentaires?|comentarios?|kommentare?|commenti|коммент\w*)",
    r"\d+ (min(ute)?s?|mn) (read|de lecture|de lectura|lesezeit)",
)

# Image alt text, captions and credits: tried on lines of up to 30 words (a caption sentence).
CAPTION_LINES: tuple[str, ...] = (
    r"image[-:].*",
    r"(photo|picture|foto|image|illustration|credit|crédit|source|video)\s*:.*",
    r".*\((photo|image|credit|crédit|foto|picture|video)\s*:[^)]*\)",
    r"(getty images|afp|reuters|ap|epa|anadolu)( photo)?( via getty images)?",
    r"(click|tap) (here )?to (see|view|enlarge|zoom).*",
    # caption furniture of broadcaster and photo pages ("Image source, …", "1 of 8")
    r"(image|media|video|photo) (source|caption)s?\s*[,:]?.*",
    r"(toggle|hide|show|expand) (caption|image)|enlarge this (image|photo)",
    r"\d{1,3} of \d{1,3}|(previous|next)( (image|photo|slide|picture))?",
    r"file (photo|picture|image)\b.*",
    # a caption sentence closed by a short credit in brackets: "… near Marib. (AFP)"
    r".*[.!?]\s*\([^()]{1,30}\)",
    # wire credit lines: "(Reporting by …; Editing by …)"
    r"\(?((additional )?(reporting|writing|editing|compiled|translated) by\b.*)\)?",
)

LINK_LIST_HEADINGS: tuple[str, ...] = (
    r"related( articles| posts| stories| news| content| coverage)?",
    r"read (more|also|next)",
    r"see also",
    r"latest( news| stories| posts| articles)?",
    r"more (stories|news|from \S+.*)",
    r"you (may|might) (also )?(like|be interested in)",
    r"recommended( for you)?",
    r"(most|the most) (read|popular|viewed|shared)",
    r"trending( now)?",
    r"(popular|recent) posts",
    r"(tags|topics|categories|filed under|keywords)(\s*:.*)?",
    r"(related|suggested|more) topics|trends|top stories|features|more in \S+.*",
    r"more on this (story|topic)|read next|site index|browse|podcasts",
    # tables of contents and reference lists: what follows are links or notes
    r"(table of )?contents|in this (article|report)|on this page|jump to",
    r"(foot|end)?notes|references|sources|bibliography",
    r"(الوسوم|كلمات مفتاحية)(\s*:.*)?|أخبار ذات صلة|اقرأ أيضا|اقرأ أيضاً|الأكثر قراءة",
    r"share this( article| story)?",
    r"(à )?lire aussi|voir aussi|sur le même sujet|les plus lus|dernières (nouvelles|infos)",
    r"(mots[- ]clés|étiquettes|thèmes)(\s*:.*)?",
    r"leer más|lea también|noticias relacionadas",
    r"etiquetas(\s*:.*)?",
    r"mehr zum thema|auch interessant|das könnte sie auch interessieren",
    r"schlagwörter(\s*:.*)?",
    r"leggi anche|articoli correlati|leia também|читайте также",
    r"похожие (новости|статьи)",
)

THREAD_STRONG: tuple[str, ...] = (
    r"notify of",
    # sort bars: "Oldest Newest Most Voted", "Sort by Best"
    r"(newest|oldest|most voted)(\s*[|·•]?\s*(newest|oldest|most voted|most liked|best|top))*",
    r"inline feedbacks?",
    r"view all comments",
    r"\d+\s+(comments?|responses?|replies)( to .*)?",
    r"(\d+|one) (thoughts?|responses?) (on|to) .*",
    r"comments?(\s*\(\d+\))?",
    r"(leave|post|add|write) a (reply|comment|response)",
    r"join the discussion.*",
    r"sort by (best|newest|oldest|top)",
    r"reader comments",
    r"(show|load) (\d+ )?(more )?comments",
    r"comments are closed\.?",
    r"\d+\s+commentaires?|commentaires?|laisser un commentaire|ajouter un commentaire",
    r"réagir|réagissez",
    r"\d+\s+comentarios?|comentarios?|deja (un|tu) comentario|dejar un comentario",
    r"\d+\s+kommentare?|kommentare?|kommentar (schreiben|verfassen)",
    r"\d+\s+commenti|commenti|lascia un commento",
    r"\d+\s+comentários?|comentários?|deixe um comentário",
    r"\d+\s+коммент\w*|комментарии|оставить комментарий",
    r"التعليقات(\s*\(\d+\))?|\d+\s+تعليقا?ت?|(أضف|اترك) تعليقا?",
    r"leave a reply cancel reply",
)

# Lines that close an article: share bars, tag rows, wire credits. Reader comments pasted with
# no thread marker start after one of these (see ``textdump_tail``).
ARTICLE_END_LINES: tuple[str, ...] = (
    r"(share|tweet|email|e-mail|whatsapp|telegram|facebook|twitter|reddit|linkedin|print"
    r"|copy link)( (this|on|via)\b.*)?",
    r"(tags|topics|filed under)\s*:.*",
    r"\(?(additional )?(reporting|writing|editing) by\b.*",
    r"our standards\s*:.*",
)

# Roles in an author bio box: "Jane Doe is a journalist covering northern Syria."
BIO_ROLES = (
    r"journalist|reporter|correspondent|writer|editor|analyst|researcher|fellow|author"
    r"|photographer|contributor|columnist|professor|producer|commentator|blogger|freelancer"
)

# A WordPress-style comment header ("Jane says:"): opens a thread and names the comment's author.
AUTHOR_SAYS = (
    r"(?P<name>.{1,40}?)\s+(says|said|wrote|dit|a dit|escribió|dice|schreibt|scrive|пишет)\s*:"
)

THREAD_WEAK: tuple[str, ...] = (
    r"reply|log in to reply|répondre|responder|antworten|rispondi|responder|ответить|رد",
    r"[•·]?\s*\d+\s+(second|minute|hour|day|week|month|year)s? ago",
    r"[•·]?\s*(a|an|one) (minute|hour|day|week|month|year) ago",
    r"[+\-−–]?\d+\s+points?",
)

COMMENT_SKIP: tuple[str, ...] = (
    r"reply|log in to reply|répondre|responder|antworten|rispondi|ответить|رد",
    r"(in )?reply to .{1,40}|répondre à .{1,40}|en réponse à .{1,40}",
    r"share ›?|share",
    r"report|flag|flag as inappropriate|like|dislike|upvote|downvote|vote|edit(ed)?|delete|hide",
    r"recommend( \d+)?|tweet|log ?in|login|subscribe|log in with|(or )?sign up with.*",
    r"comment policy\b.*|cancel reply|leave a reply cancel reply",
    r"collapse|expand|avatar|load more( comments)?|show more( replies)?|hide replies",
    r"view (\d+ )?(more )?(replies|comments)",
    r"cancel reply|post comment|submit|send",
    r"[+\-−–]?\d+",
    r"[+\-−–]?\d+\s+(points?|votes?|likes?)",
    r"(\d+\s+)?(likes?|j'aime)",
    r"[•·]?\s*\d+\s+(second|minute|hour|day|week|month|year)s? ago",
    r"[•·]?\s*(a|an|one) (minute|hour|day|week|month|year) ago",
    r"il y a \d+ \w+",
    r"hace \d+ \w+",
    r"vor \d+ \w+",
    r"\d+ \w+ fa",
    r"\d+ \w+ назад",
    r"[•·|]+",
    r"(name|email|e-mail|website|nom|courriel|site web)\s*\*?",
    r"save my name.*",
    r"(comment|message|commentaire|comentario|kommentar)\s*\*?",
    r"your email address will not be published.*|required fields are marked.*",
    r"you must be logged in to post a comment.*|votre adresse (e-mail|de messagerie) ne sera pas.*",
    r"les champs obligatoires sont indiqués.*|tu dirección de correo electrónico no será.*",
    r"advertisement|sponsored",
)

COMMENT_END: tuple[str, ...] = (
    r"would love your thoughts.*",
    r"powered by disqus.*",
    r"also on .{1,60}",
    r"what do you think\??",
    r"subscribe to (comments|replies).*",
    r"comments are closed\.?",
    r"les commentaires sont fermés\.?",
    r"this site uses akismet.*",
    r"(blog at|proudly powered by|powered by wordpress) .*",
    r"privacy( policy)?|do not sell my (data|personal information)|terms( of (use|service))?",
    r"back to top",
)

# Particles that start lowercase inside personal names ("Abu Bakr al-Baghdadi", "leon mc ...").
NAME_PARTICLES = word_set(
    "al el bin ibn abu de del della der di da dos du la le van von mc mac st ter den y"
)

# Function words and short replies: a line made of these is a sentence, never a person's name.
FUNCTION_WORDS = word_set(
    "the a an of and or but to in on at for with from by as is are was were be been it its "
    "this that these those there here he she we you they i me my our your his her their us "
    "them not no yes so do does did have has had will would can could should may might must "
    "what who why how when where which if then than too very just also only all any some "
    "well done good great nice true false agreed exactly indeed thanks thank lol ok okay "
    "le la les un une des et ou est sont pas que qui je tu il elle nous vous ils oui non "
    "el los las y o es no que por con para sí der die das und ist nicht ja nein "
    "il lo gli e è non sì o os as é não sim"
)

# Page labels that are title-like but never a person's name ("Published", "Share", "Privacy"):
# without them a "Published / 1 day ago" pair in a related-links list looks like a comment header.
LABEL_WORDS = word_set(
    "published updated posted share save menu search subscribe login features privacy home "
    "recommend advertisement sponsored podcasts trends topics related contents summary notes"
)

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan janvier janv enero ene januar jän gennaio gen janeiro январь января يناير",
            "february feb février févr fevrier febrero februar febbraio fevereiro fev"
            " февраль февраля فبراير شباط",
            "march mar mars marzo märz marz março марта март مارس آذار",
            "april apr avril abril aprile abr апрель апреля أبريل ابريل نيسان",
            "may mai mayo maggio maio май мая مايو أيار",
            "june jun juin junio juni giugno junho июнь июня يونيو حزيران",
            "july jul juillet juil julio juli luglio lug julho июль июля يوليو تموز",
            "august aug août aout agosto ago augusto август августа أغسطس آب",
            "september sep sept septembre septiembre settembre set setembro сентябрь сентября"
            " سبتمبر أيلول",
            "october oct octobre octubre oktober okt ottobre ott outubro out октябрь октября"
            " أكتوبر",
            "november nov novembre noviembre novembro ноябрь ноября نوفمبر",
            "december dec décembre decembre diciembre dic dezember dez dicembre dezembro"
            " декабрь декабря ديسمبر",
        ),
        start=1,
    )
    for name in names.split()
}

# Words that label a line as the article's publication date ("Posted on 4 January 2018").
DATE_LABELS = (
    r"posted|published|publish date|date|updated|last updated|publié|mis à jour|publicado"
    r"|actualizado|veröffentlicht|aktualisiert|pubblicato|aggiornato|опубликовано"
    r"|تاريخ النشر|نشر في|نشر|آخر تحديث|تم النشر"
)

# Byline openers: "By Jane Doe", "Par Marie Dupont", "Written by …", "Author: …".
BYLINE_OPENERS = (
    r"by|written by|posted by|author:?|par|por|von|di|door|av|auteur\s*:|autor:?|автор:?"
    r"|بقلم\s*:?|كتب\s*:?|كتبت\s*:?|إعداد\s*:?"
)


def compile_lines(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching a *whole* (stripped) line against any fragment."""
    return re.compile(r"(?:" + "|".join(f"(?:{f})" for f in fragments) + r")[\s:.!?]*\Z", re.I)


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
