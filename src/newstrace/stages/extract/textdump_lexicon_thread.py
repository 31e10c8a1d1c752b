"""Comment-thread lexicon for plain-text page dumps (see ``textdump_lexicon`` for the rules).

* ``THREAD_STRONG`` / ``THREAD_WEAK`` — whole lines that open a comment thread; weak ones
  ("Reply", "2 years ago") also occur inside threads, so they need extra context.
* ``AUTHOR_SAYS`` — a comment header that names its author ("Jane says:", "Jane said...").
* ``COMMENT_SKIP`` / ``COMMENT_END`` — inside a thread: lines that are not comment text, and
  lines that close the thread (trailing chrome).
"""

from __future__ import annotations

THREAD_STRONG: tuple[str, ...] = (
    r"notify of",
    # sort bars: "Oldest Newest Most Voted", "Sort by Best"
    r"(newest|oldest|most voted)(\s*[|·•]?\s*(newest|oldest|most voted|most liked|best|top))*",
    r"(newest|oldest) first",
    r"inline feedbacks?",
    r"view all comments",
    r"\d+\s+(comments?|responses?|replies)( to .*)?",
    r"(\d+|one) (thoughts?|responses?) (on|to) .*",
    r"comments?(\s*\(\d+\))?",
    r"(leave|post|add|write) a (reply|comment|response)",
    r"join the discussion.*",
    r"sort by (best|newest|oldest|top)",
    r"reader comments|readers'? comments|what readers (say|think)",
    r"(discussion|conversation|responses?)(\s*\(\d+\))?|join the conversation.*",
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
)

# THREAD_STRONG lines that are also menu labels (a UK site's opinion section is "Comment").
BARE_LABELS: tuple[str, ...] = (
    r"comments?|commentaires?|comentarios?|kommentare?|commenti|comentários?|комментарии"
    r"|التعليقات|discussion|conversation|responses?",
)

# Badges and verbs after a commenter's name: "Jane Doe Verified", "Jane Doe wrote".
NAME_BADGES = (
    r"verified|top (commenter|contributor|fan)|moderator|mod|author|admin|staff|subscriber"
    r"|premium|supporter|member|op|wrote|said|says|commented|replied"
)

# A WordPress-style comment header ("Jane says:"): opens a thread and names the comment's author.
AUTHOR_SAYS = (
    r"(?P<name>.{1,80}?)\s+(says|said|wrote|dit|a dit|escribió|dice|schreibt|scrive|пишет)"
    r"\s*(:|\.\.\.|…)"  # "Jane said..." is how Blogger heads a comment
)

# Relative comment ages ("• 3 years ago"): a line under a comment author's name.
THREAD_AGO: tuple[str, ...] = (
    r"[•·]?\s*\d+\s+(second|minute|hour|day|week|month|year)s? ago",
    r"[•·]?\s*(a|an|one) (minute|hour|day|week|month|year) ago",
)

THREAD_WEAK: tuple[str, ...] = (
    r"reply|log in to reply|répondre|responder|antworten|rispondi|responder|ответить|رد",
    *THREAD_AGO,
    r"[+\-−–]?\d+\s+points?",
)

# The reply form: never comment text, and no sign of a thread either (pages with no comments
# show the form too).
FORM_FIELDS: tuple[str, ...] = (
    r"(name|email|e-mail|website|nom|courriel|site web|nome|nombre|correo|sitio web)\s*\*?",
    r"(deixe uma resposta|deja una respuesta|laisser une réponse)\b.*",
    r"save my name.*",
    r"(comment|message|commentaire|comentario|kommentar)\s*\*?",
    r"your email address will not be published.*|required fields are marked.*",
    r"you must be logged in to post a comment.*|votre adresse (e-mail|de messagerie) ne sera pas.*",
    r"les champs obligatoires sont indiqués.*|tu dirección de correo electrónico no será.*",
    r"o seu endereço de e-mail não será publicado.*|campos obrigatórios.*",
)

COMMENT_SKIP: tuple[str, ...] = (
    r"reply|log in to reply|répondre|responder|antworten|rispondi|ответить|رد",
    r"(in )?reply to .{1,40}|répondre à .{1,40}|en réponse à .{1,40}",
    r"share ›?|share",
    r"report|flag|flag as inappropriate|like|dislike|upvote|downvote|vote|edit(ed)?|delete|hide",
    r"recommend( \d+)?|tweet|log ?in|login|subscribe|log in with|(or )?sign up with.*",
    r"comment policy\b.*|cancel reply|(leave|post) a (reply|comment) cancel reply",
    r"notify me .*|.*will be reviewed by (the|a) moderator.*|(show|hide) comment",
    r"sign in or create .*|.*\bto join the discussion|display threads|per page \d+",
    r"please enter your .*|you have entered an incorrect .*",
    r"(likes?|dislikes?|votes?|replies|reply)\s*\(\d+\)|\d+ repl(y|ies)|show \d+ more repl(y|ies)",
    r"report (abuse|comment|this comment)|(newest|oldest) first|top comments?|all comments",
    r"[•·]?\s*\d+\s?[smhdwy]",  # compact ages of social-network plugins: "2y", "5 d"
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
    r"(facebook )?comments plugin|loading comments.*|trouble loading.*",
    r"newer posts?( older posts?)?( home)?|older posts?( home)?|subscribe to\s*:.*",
    r"privacy( policy)?|do not sell my (data|personal information)|terms( of (use|service))?",
    r"back to top",
)
