"""Name and date lexicon for plain-text page dumps (see ``textdump_lexicon`` for the rules).

* ``FUNCTION_WORDS``, ``NAME_PARTICLES``, ``LABEL_WORDS``, ``GENERIC_NAMES`` — what can and
  cannot be part of a person's name or handle.
* ``MONTHS``, ``DATE_LABELS``, ``BYLINE_OPENERS``, ``BIO_ROLES`` — dates, bylines and bios.
"""

from __future__ import annotations

from newstrace.stages.extract.textdump_lexicon import word_set

# Words that are no one's name and no site's name: "By Admin", "© 2024 Us", "Follow us on X".
GENERIC_NAMES = word_set("us our your the this me my all now today here them it admin editor staff")

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

# Words that make a byline-shaped line something else: a role or desk ("Staff Reporter", "Web
# Desk"), a button or section ("Enlarge Image", "Latest Headlines", "Telegraph Sport").
NOT_PERSON_WORDS = word_set(
    "staff reporter writer correspondent desk team agencies agency newsroom editors "
    "image images photo photos video videos gallery news headlines review reviews here click "
    "clicking enlarge latest top more home menu sport sports business world opinion weather "
    "live group"
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


# Roles in an author bio box: "Jane Doe is a journalist covering northern Syria."
BIO_ROLES = (
    r"journalist|reporter|correspondent|writer|editor|analyst|researcher|fellow|author"
    r"|photographer|contributor|columnist|professor|producer|commentator|blogger|freelancer"
)
