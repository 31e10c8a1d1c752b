"""Codebook-grounded cue lexicon for event-type classification.

Each cue is a named regular expression for a trigger the ACLED codebook ties to a sub-event type
(weapons, verbs of capture or arrest, protest and policing words) or to a reason *not* to code
(speculation, disaster, diplomacy, claims of responsibility). The cues become features of the
linear model — it learns how much each counts — and the matched words are returned with each
guess so a coder can see why. ``CUE_LABELS`` says which sub-types a cue can justify: a secondary
guess (a second event in one sentence) is only reported when one of its own cues matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_B = r"\b"


# Regex metacharacters that end an alternative's literal prefix.
_META = frozenset("()[]{}?*+|\\.^$")
# A literal prefix this long that must occur (lower-cased) for an alternative to match lets
# ``find_cues`` skip most patterns with a substring test: 0.7 ms → 0.1 ms a sentence.
_MIN_ANCHOR = 2


def _anchor(alternative: str) -> str | None:
    """The literal text an alternative starts with, or None when it has no usable one."""
    alternative = alternative.removeprefix("(?-i:")  # a case-sensitive acronym
    prefix = []
    for i, char in enumerate(alternative):
        if char in _META or alternative[i + 1 : i + 2] in ("?", "*", "{"):
            break
        prefix.append(char)
    literal = "".join(prefix).lower()
    return literal if len(literal) >= _MIN_ANCHOR else None


def _anchors(alternatives: tuple[str, ...]) -> tuple[str, ...] | None:
    """Substrings of which one must occur for the pattern to match; None: always run it."""
    found = [_anchor(alt) for alt in alternatives]
    return None if any(a is None for a in found) else tuple(a for a in found if a)


_ANCHORS: dict[str, tuple[str, ...] | None] = {}


def _rx(*alternatives: str) -> re.Pattern[str]:
    """Case-insensitive alternatives from a word start, extended to the end of the word so the
    cues shown to a coder are whole words ("abducted", not "abduct")."""
    pattern = re.compile(_B + "(?:" + "|".join(alternatives) + r")[\w-]*", re.IGNORECASE)
    _ANCHORS[pattern.pattern] = _anchors(alternatives)
    return pattern


# Weapon nouns after "seized", "found", "recovered": a cache taken is a disrupted weapons use.
_ARMS = (
    r"(?:weapons|arms|firearms|guns|rifles|pistols|revolvers|explosives|ammunition|munitions|"
    r"mines|landmines|grenades|detonators|rockets|rounds|cartridges|explosive devices)"
)

# fmt: off
CUES: Final[dict[str, re.Pattern[str]]] = {
    "air": _rx(
        r"war-?planes?", r"jets?\b", r"air ?-?strikes?", r"air raids?", r"drones?",
        r"aircraft", r"helicopters?", r"gunships?", r"bombers?\b", r"sorties?", r"aerial",
        r"barrel bombs?", r"air force", r"(?-i:UAVs?\b)", r"unmanned", r"sukhoi", r"bombed",
        r"bombing raid",
    ),
    "shell": _rx(
        r"shell(?:s|ed|ing)\b", r"artillery", r"mortars?", r"rockets?", r"missiles?", r"howitzers?",
        r"katyushas?", r"grad\b", r"tank (?:fire|shells?)", r"barrages?", r"projectiles?",
    ),
    "ied": _rx(
        r"(?-i:IEDs?\b)", r"improvised explosive", r"roadside bombs?", r"car bombs?",
        r"land ?mines?", r"explosive device", r"bombs?\b", r"booby", r"blasts?\b",
        r"explosions?", r"explod", r"detonat", r"went off", r"blew up", r"rigged",
    ),
    # "Suicide" alone also reports a person taking their own life: only the attack senses count.
    "suicide": _rx(
        r"suicide[- ](?:bomb|attack|car|truck|vest|belt|blast|explos|mission|squad)",
        r"suicide (?:vehicle|motorcycle)", r"(?-i:VBIEDs?\b)", r"(?-i:SVBIEDs?\b)",
        r"self-detonat", r"explosive (?:vest|belt)", r"blew (?:him|her|them)sel(?:f|ves) up",
    ),
    "grenade": re.compile(r"(?<!propelled )(?<!propelled-)\bgrenades?\b", re.IGNORECASE),
    "chemical": _rx(
        r"chlorine", r"sarin", r"mustard gas", r"nerve agents?", r"toxic (?:gas|chemicals?)",
        r"poison(?:ous)? gas", r"chemical (?:attacks?|weapons?|munitions?|strikes?)",
        r"gas poisoning",
    ),
    "clash": _rx(
        r"clash", r"fight", r"fought", r"battles?\b", r"gun ?battles?", r"firefight", r"shoot-?out",
        r"exchange(?:d)? (?:of )?(?:gun)?fire", r"ambush", r"offensive", r"repel", r"skirmish",
        r"returned fire", r"traded fire", r"militants? (?:were )?killed",
        r"killed \S+ (?:militants|insurgents|fighters)",
    ),
    # Generic assault words: they mark violence without saying which kind.
    "assault": _rx(r"attack", r"assault", r"raid", r"operations?\b", r"stormed", r"launched"),
    "military_target": _rx(
        r"checkpoints?", r"military base", r"army base", r"outposts?", r"convoys?", r"patrols?",
        r"barracks", r"police stations?", r"positions", r"soldiers", r"troops",
    ),
    "regain": _rx(
        r"recaptur", r"retook", r"retake", r"regain", r"liberat", r"took back", r"reclaim",
        r"recovered", r"seized back", r"restored (?:state )?(?:control|authority)", r"cleared",
    ),
    "overtake": _rx(
        r"captur", r"seiz", r"overr[au]n", r"took control", r"taken control", r"took over",
        r"fell to", r"advanced", r"now control", r"raised their flag",
        # an armed group entering a settlement takes it ("IS entered the city of Palmyra")
        r"enter(?:ed|ing) (?:the )?(?:\w+ )?(?:city|town|village|district)", r"swept into",
        r"stormed into",
    ),
    "civilian_harm": _rx(
        r"gunmen", r"opened fire on", r"shot dead", r"civilians?", r"massacr", r"execut",
        r"assassinat", r"behead", r"stabb", r"machetes?", r"villagers", r"drive-by", r"tortur",
        r"assailants", r"attackers",
    ),
    "abduct": _rx(
        r"abduct", r"kidnap", r"hostages?", r"disappear", r"snatched", r"taken away",
        r"took away", r"whereabouts", r"ransom",
    ),
    "sexual": _rx(
        r"rap(?:e|ed|es|ing)\b", r"rapist", r"sexual", r"sexually", r"gang-rap", r"sex slav",
    ),
    "protest": _rx(
        r"protest", r"demonstrat", r"rall(?:y|ied|ies)", r"march(?:ed|es)?\b", r"sit-ins?",
        r"strik(?:e|ers|ing)\b", r"vigil", r"took to the streets", r"placards?", r"chant",
    ),
    "intervention": _rx(
        r"dispers", r"tear ?-?gas", r"water cannon", r"rubber bullets?", r"broke up", r"break up",
        r"cleared", r"batons?", r"pushed back", r"prevented", r"riot police",
        r"lathi",  # South Asian English for a police cane charge
    ),
    "lethal_force": _rx(
        r"live (?:ammunition|rounds|fire|bullets)", r"opened fire", r"fired on", r"shot dead",
        r"seriously injur", r"snipers?", r"brutal", r"beat(?:en)?\b", r"firing",
        r"fired (?:at|into)", r"open(?:ed)? fire", r"fired (?:\S+ )?rounds",
    ),
    "riot": _rx(
        r"riot(?:s|ed|ing|ers)?\b", r"stones?", r"rocks?", r"petrol bombs?", r"molotov", r"torch",
        r"set fire", r"burn(?:ing|ed|t)? (?:tyres|tires|cars|vehicles)", r"barricades?", r"storm",
        r"ransack", r"smash", r"vandali[sz]", r"pelt", r"hurl",
    ),
    "mob": _rx(
        r"mobs?\b", r"lynch", r"vigilantes?", r"angry (?:crowd|residents|villagers)", r"communal",
        r"rival (?:groups|supporters|communities)", r"beat to death", r"burned (?:her|him) alive",
    ),
    "agreement": _rx(
        r"ceasefire", r"cease-fire", r"truce", r"agreements?", r"accords?", r"deals?\b",
        r"peace (?:deal|talks|treaty)", r"surrender", r"prisoner (?:swap|exchange)",
        r"exchanged? (?:\S+ )?prisoners", r"laid down (?:their )?(?:arms|weapons)", r"amnesty",
        r"reconciliation",
    ),
    "arrest": _rx(
        r"arrest", r"detain", r"custody", r"round(?:ed)? up", r"apprehend", r"captured",
        r"jailed", r"held for questioning", r"nabbed", r"picked up", r"booked",
        r"preventive custody", r"caught",
    ),
    "change": _rx(
        r"deploy", r"reinforce", r"defect", r"merg", r"curfew", r"mobili[sz]", r"drills?\b",
        r"state of emergency", r"sent (?:\S+ ){0,3}troops", r"called up", r"formation of",
        r"new leader", r"split into", r"scramble", r"dispatch", r"fortif", r"redeploy",
        r"alert level", r"moved (?:\S+ ){0,3}(?:fighters|troops|forces|weapons)",
    ),
    "disrupt": _rx(
        r"caches?\b", r"defus", r"intercept", r"shot down", r"dismantl", r"foil", r"thwart",
        r"bomb disposal", r"sappers?", r"seiz(?:ed|ure)(?: \S+){0,4} " + _ARMS,
        r"found(?: \S+){0,5} " + _ARMS,
        r"discovered(?: \S+){0,5} " + _ARMS,
        r"was (?:found|discovered|seized|recovered|confiscated)",
        r"were (?:found|discovered|seized|recovered|confiscated)",
        r"weapons depot", r"confiscat", r"neutrali[sz]", r"disabled", r"bomb-making",
        r"before (?:it|they) (?:could )?(?:explod|detonat|reach)", r"found and", r"discovered and",
        r"recovered(?: \S+){0,5} " + _ARMS,
        r"cleared (?:\S+ ){0,3}(?:land)?mines", r"removed (?:\S+ ){0,3}(?:land)?mines",
        r"made (?:it|them) safe",
    ),
    "base": _rx(
        r"set up", r"established?", r"establishing",
        r"new (?:military )?(?:base|post|headquarters|checkpoint)",
        r"observation (?:point|post)", r"training camp", r"operating base", r"built",
    ),
    "loot": _rx(
        r"loot", r"ransack", r"torch", r"burn(?:ed|t)? (?:down|houses|homes|crops|huts)",
        r"set fire", r"demolish", r"raz(?:e|ed)\b", r"destroy", r"vandali[sz]", r"plunder",
        r"stole", r"blew up",
    ),
    "withdraw": _rx(
        r"withdr[ae]w", r"pull(?:ed)? out", r"handed over", r"hand(?:ing|s)? (?:it )?over",
        r"evacuat", r"without (?:a fight|resistance)", r"unopposed", r"vacated", r"abandon",
        r"transferred",
    ),
    "other": _rx(r"mass graves?", r"fled", r"fleeing", r"displaced", r"bodies", r"exhum"),
    "hedge": _rx(
        r"might", r"could", r"may\b", r"would", r"will\b", r"plan(?:s|ned)? to", r"threat",
        r"vow", r"warn", r"fears?\b", r"expected to", r"ready to", r"if\b", r"possible",
        r"likely", r"consider",
    ),
    "disaster": _rx(
        r"earthquake", r"floods?\b", r"flooding", r"landslide", r"cyclone", r"tsunami",
        r"hurricane", r"gas leak", r"crash", r"collid", r"capsiz", r"heatwave", r"outbreak",
        r"magnitude", r"torrential", r"eruption", r"factory fire", r"chemical (?:leak|spill|plant)",
    ),
    "diplomacy": _rx(
        r"sanctions?", r"summit", r"talks\b", r"ambassadors?", r"foreign minist", r"condemn",
        r"urged?", r"counterpart", r"diplomat",
    ),
    "claim": _rx(
        r"claimed responsibility", r"claim(?:ing|ed)? responsibility", r"behind the",
        r"hallmarks", r"blamed",
    ),
    "police": _rx(r"police", r"policem[ae]n", r"constables?", r"officers", r"cops?\b"),
    "injury": _rx(r"injur", r"wound", r"hospitali[sz]", r"hurt\b", r"bleeding"),
    "fatal": _rx(r"kill", r"dead\b", r"died", r"death", r"fatal", r"bodies", r"lifeless"),
    "crime": _rx(
        r"robber", r"theft", r"thie(?:f|ves)", r"drugs?\b", r"cocaine", r"heroin", r"fraud",
        r"smuggl", r"traffick", r"counterfeit", r"burglar",
    ),
}
# fmt: on

_ANCHORS[CUES["grenade"].pattern] = ("grenade",)

# Which sub-event types a cue can justify as a second event in the same sentence.
CUE_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "air": ("Air/drone strike",),
    "shell": ("Shelling/artillery/missile attack",),
    "ied": ("Remote explosive/landmine/IED",),
    "suicide": ("Suicide bomb",),
    "grenade": ("Grenade",),
    "chemical": ("Chemical weapon",),
    "clash": ("Armed clash",),
    "regain": ("Government regains territory",),
    "overtake": ("Non-state actor overtakes territory",),
    "civilian_harm": ("Attack",),
    "abduct": ("Abduction/forced disappearance",),
    "sexual": ("Sexual violence",),
    "protest": ("Peaceful protest",),
    "intervention": ("Protest with intervention",),
    "lethal_force": ("Excessive force against protesters",),
    "riot": ("Violent demonstration",),
    "mob": ("Mob violence",),
    "agreement": ("Agreement",),
    "arrest": ("Arrests",),
    "change": ("Change to group/activity",),
    "disrupt": ("Disrupted weapons use",),
    "base": ("Headquarters or base established",),
    "loot": ("Looting/property destruction",),
    "withdraw": ("Non-violent transfer of territory",),
    "other": ("Other",),
}


# Who acts decides between sub-types that share a verb: "captured the town" is "Government
# regains territory" for an army and "Non-state actor overtakes territory" for rebels (ACLED).
# News English puts the actor first in most event sentences, so the earlier match is taken as the
# agent; the model learns how far to trust that through the conjunction features below.
# fmt: off
_NATIONS = (
    "syrian iraqi afghan yemeni somali nigerian malian turkish israeli russian ukrainian indian "
    "pakistani libyan ethiopian sudanese".split()
)
STATE_ACTOR: Final = _rx(
    r"arm(?:y|ies)\b", r"armed forces", r"military\b", r"soldiers?", r"troop(?:s|ers)\b",
    r"government (?:forces|troops)", r"pro-government", r"regime", r"security forces",
    r"police", r"gendarm", r"national guard", r"marines", r"commandos", r"special forces",
    r"defen[cs]e forces", r"tatmadaw", r"(?-i:FARDC)", r"(?-i:SAA\b)", r"peacekeep", r"coalition",
    r"border guards?",
    *(f"{nation} forces" for nation in _NATIONS),
)
NONSTATE_ACTOR: Final = _rx(
    r"rebels?", r"militants?", r"insurgen", r"jihadis", r"terroris", r"taliban", r"islamic state",
    r"(?-i:ISIS\b)", r"(?-i:ISIL\b)", r"(?-i:IS\b)", r"daesh", r"shabaa?b", r"houthis?",
    r"huthis?", r"boko haram", r"(?-i:ISWAP)", r"militia", r"opposition", r"gunmen",
    r"separatist", r"guerrilla", r"(?-i:HTS\b)", r"hezbollah", r"(?-i:SDF\b)", r"(?-i:YPG\b)",
    r"(?-i:PKK\b)", r"(?-i:NPA\b)", r"mujahideen", r"factions?", r"armed groups?",
    r"mercenar", r"paramilitar", r"fighters", r"bandits",
)
# fmt: on
# Cues whose meaning depends on the agent (see STATE_ACTOR above).
AGENT_SENSITIVE_CUES: Final = frozenset(
    {"regain", "overtake", "withdraw", "clash", "arrest", "civilian_harm", "abduct", "change"}
)


def _lead_actor(text: str, candidates: set[str]) -> str | None:
    state = STATE_ACTOR.search(text) if "_state" in candidates else None
    other = NONSTATE_ACTOR.search(text) if "_nonstate" in candidates else None
    if state and (not other or state.start() < other.start()):
        return "state"
    return "nonstate" if other else None


def lead_actor(text: str) -> str | None:
    """The kind of actor named first in ``text``: "state", "nonstate" or None."""
    return scan(text).agent


# Patterns the anchor scan covers: the cues and the two actor patterns.
_SCANNED: Final = {**CUES, "_state": STATE_ACTOR, "_nonstate": NONSTATE_ACTOR}


def _anchor_index() -> tuple[re.Pattern[str], dict[str, frozenset[str]], frozenset[str]]:
    """One scan for every anchor at every word start (a lookahead, so anchors may overlap),
    and for each anchor the cues whose anchors are a prefix of it (a shorter anchor at the same
    place is hidden behind the longer one the scan reports)."""
    by_anchor: dict[str, set[str]] = {}
    always: set[str] = set()
    for name, pattern in _SCANNED.items():
        anchors = _ANCHORS.get(pattern.pattern)
        if anchors is None:
            always.add(name)
        for anchor in anchors or ():
            by_anchor.setdefault(anchor, set()).add(name)
    closure = {
        anchor: frozenset(
            n for other, names in by_anchor.items() if anchor.startswith(other) for n in names
        )
        for anchor in by_anchor
    }
    ordered = sorted(by_anchor, key=len, reverse=True)
    scan = re.compile(r"\b(?=(" + "|".join(re.escape(a) for a in ordered) + "))")
    return scan, closure, frozenset(always)


_ANCHOR_SCAN, _CUES_OF_ANCHOR, _ALWAYS_RUN = _anchor_index()


def _candidate_cues(lowered: str) -> set[str]:
    names = set(_ALWAYS_RUN)
    for match in _ANCHOR_SCAN.finditer(lowered):
        names |= _CUES_OF_ANCHOR[match.group(1)]
    return names


@dataclass(frozen=True, slots=True)
class CueScan:
    found: dict[str, list[str]]  # cue name → the matched words, in order
    agent: str | None  # "state" or "nonstate": the actor named first, None when neither is


def scan(text: str) -> CueScan:
    """Every cue in ``text`` and the leading actor, in one pass over the anchors."""
    candidates = _candidate_cues(text.lower())
    found: dict[str, list[str]] = {}
    for name, pattern in CUES.items():
        if name in candidates:
            hits = [match.group(0) for match in pattern.finditer(text)]
            if hits:
                found[name] = hits
    return CueScan(found, _lead_actor(text, candidates))


def find_cues(text: str) -> dict[str, list[str]]:
    """Cue name → the matched words, in order, for every cue that occurs in ``text``."""
    return scan(text).found
