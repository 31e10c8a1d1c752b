"""Layout lexicon for plain-text page dumps (see ``textdump_lexicon`` for the rules).

* ``CAPTION_LINES`` / ``CAPTION_TAILS`` — image alt text, captions and photo credits (whole
  lines, and credits that close a caption sentence).
* ``LINK_LIST_HEADINGS`` — headings that open a list of links ("Related", "Read more",
  "Latest News"): the short lines after them are links, not article text.
* ``ARTICLE_END_LINES`` — share bars, tag rows and credits that close an article.
"""

from __future__ import annotations

from newstrace.stages.extract import textdump_lexicon as lex

# Image alt text, captions and credits: tried on lines of up to 30 words (a caption sentence).
CAPTION_LINES: tuple[str, ...] = (
    r"image[-:].*",
    r"(photo|picture|foto|image|illustration|credit|crédit|source|video)\s*:.*",
    r"(getty images|afp|reuters|ap|epa|anadolu)( photo)?( via getty images)?",
    r"(click|tap) (here )?to (see|view|enlarge|zoom).*",
    # caption furniture of broadcaster and photo pages ("Image source, …", "1 of 8")
    r"(image|media|video|photo) (source|caption)s?\s*[,:]?.*",
    r"(toggle|hide|show|expand) (caption|image)|enlarge this (image|photo)",
    r"\d{1,3} of \d{1,3}|(previous|next)( (image|photo|slide|picture))?",
    r"file (photo|picture|image)\b.*",
    # disclaimers that open or close opinion pieces (provenance lines such as "This article was
    # originally published by …" and editor's notes stay: extraction gold counts them as text)
    r"disclaimer\s*:.*|the views expressed (in this|here)\b.*",
    r"the (views|opinions) (expressed )?(in this article )?(are|belong to) (those of )?"
    r"the author.*",
    # wire credit lines: "(Reporting by …; Editing by …)"
    r"\(?((additional )?(reporting|writing|editing|compiled|translated) by\b.*)\)?",
)

# Photo credits that close a caption sentence: searched at the end of lines of up to 30 words
# that contain "(" or "©" ("… near Marib. (Photo: AFP)", "… 2019. © Agency / Name").
CAPTION_TAILS: tuple[str, ...] = (
    r"\((photo|image|credit|crédit|foto|picture|video)\s*:[^)]*\)",
    r"[.!?]\s*\([^()]{0,30}\b(photo|image|picture|file|handout|pool|supplied|courtesy"
    r"|credit|getty|via)\b[^()]{0,30}\)",
    r"[.!?]\s+©\s*[^©.!?]{2,60}",
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
    r"(previous|next|older|newer) (post|article|story|entry)",
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

# Lines that close an article: share bars, tag rows, wire credits. Reader comments pasted with
# no thread marker start after one of these (see ``textdump_tail``).
ARTICLE_END_LINES: tuple[str, ...] = (
    rf"({lex.SOCIAL}|print)( (this|on|via)\b.*)?",
    r"(tags|topics|filed under)\s*:.*",
    r"\(?(additional )?(reporting|writing|editing) by\b.*",
    r"our standards\s*:.*",
)
