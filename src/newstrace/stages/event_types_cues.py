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
from typing import Final

_B = r"\b"


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(_B + "(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


CUES: Final[dict[str, re.Pattern[str]]] = {
    "air": _rx(
        r"war-?planes?", r"(?:fighter )?jets?\b", r"air ?-?strikes?", r"air raids?", r"drones?",
        r"aircraft", r"helicopters?", r"gunships?", r"bombers?\b", r"sorties?", r"aerial",
        r"barrel bombs?", r"air force", r"UAVs?\b", r"unmanned", r"sukhoi", r"bombed", r"bombing raid",
    ),
    "shell": _rx(
        r"shell(?:s|ed|ing)\b", r"artillery", r"mortars?", r"rockets?", r"missiles?", r"howitzers?",
        r"katyushas?", r"grad\b", r"tank (?:fire|shells?)", r"barrages?", r"projectiles?",
    ),
    "ied": _rx(
        r"IEDs?\b", r"improvised explosive", r"roadside bombs?", r"car bombs?", r"land ?mines?",
        r"explosive device", r"bombs?\b", r"booby", r"blasts?\b", r"explosions?", r"explod",
        r"detonat", r"went off", r"blew up", r"rigged",
    ),
    "suicide": _rx(r"suicide", r"self-detonat", r"explosive (?:vest|belt)", r"S?VBIEDs?\b"),
    "grenade": re.compile(r"(?<!propelled )(?<!propelled-)\bgrenades?\b", re.IGNORECASE),
    "chemical": _rx(
        r"chlorine", r"sarin", r"mustard gas", r"nerve agents?", r"toxic (?:gas|chemicals?)",
        r"poison(?:ous)? gas", r"chemical (?:attacks?|weapons?|munitions?|strikes?)", r"gas poisoning",
    ),
    "clash": _rx(
        r"clash", r"fight", r"fought", r"battles?\b", r"gun ?battles?", r"firefight", r"shoot-?out",
        r"exchange(?:d)? (?:of )?(?:gun)?fire", r"ambush", r"offensive", r"repel", r"skirmish",
        r"returned fire", r"militants? (?:were )?killed", r"killed \S+ (?:militants|insurgents|fighters)",
    ),
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
    "sexual": _rx(r"rap(?:e|ed|es|ing)\b", r"rapist", r"sexual", r"sexually", r"gang-rap", r"sex slav"),
    "protest": _rx(
        r"protest", r"demonstrat", r"rall(?:y|ied|ies)", r"march(?:ed|es)?\b", r"sit-ins?",
        r"strik(?:e|ers|ing)\b", r"vigil", r"took to the streets", r"placards?", r"chant",
    ),
    "intervention": _rx(
        r"dispers", r"tear ?-?gas", r"water cannon", r"rubber bullets?", r"broke up", r"break up",
        r"cleared", r"batons?", r"pushed back", r"prevented", r"riot police",
    ),
    "lethal_force": _rx(
        r"live (?:ammunition|rounds|fire|bullets)", r"opened fire", r"fired on", r"shot dead",
        r"seriously injur", r"snipers?", r"brutal", r"beat(?:en)?\b",
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
        r"jailed", r"held for questioning", r"nabbed",
    ),
    "change": _rx(
        r"deploy", r"reinforce", r"defect", r"merg", r"curfew", r"mobili[sz]", r"drills?\b",
        r"state of emergency", r"sent (?:\S+ ){0,3}troops", r"called up", r"formation of",
        r"new leader", r"split into", r"scramble",
    ),
    "disrupt": _rx(
        r"caches?\b", r"defus", r"intercept", r"shot down", r"dismantl", r"foil", r"thwart",
        r"bomb disposal", r"sappers?", r"seiz(?:ed|ure)(?: \S+){0,4} (?:weapons|arms|rifles|explosives|ammunition)",
        r"(?:found|discovered)(?: \S+){0,5} (?:explosives|weapons|ammunition|mines|detonators)",
        r"weapons depot",
    ),
    "base": _rx(
        r"set up", r"established?", r"establishing", r"new (?:military )?(?:base|post|headquarters|checkpoint)",
        r"observation (?:point|post)", r"training camp", r"operating base", r"built",
    ),
    "loot": _rx(
        r"loot", r"ransack", r"torch", r"burn(?:ed|t)? (?:down|houses|homes|crops|huts)", r"set fire",
        r"demolish", r"raz(?:e|ed)\b", r"destroy", r"vandali[sz]", r"plunder", r"stole",
        r"blew up",
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
        r"earthquake", r"floods?\b", r"flooding", r"landslide", r"cyclone", r"tsunami", r"hurricane",
        r"gas leak", r"crash", r"collid", r"capsiz", r"heatwave", r"outbreak", r"magnitude",
        r"torrential", r"eruption", r"factory fire", r"chemical (?:leak|spill|plant)",
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
    "fatal": _rx(r"kill", r"dead\b", r"died", r"death", r"fatal", r"bodies", r"lifeless"),
    "crime": _rx(
        r"robber", r"theft", r"thie(?:f|ves)", r"drugs?\b", r"cocaine", r"heroin", r"fraud",
        r"smuggl", r"traffick", r"counterfeit", r"burglar",
    ),
}

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


def find_cues(text: str) -> dict[str, list[str]]:
    """Cue name → the matched words, in order, for every cue that occurs in ``text``."""
    found: dict[str, list[str]] = {}
    for name, pattern in CUES.items():
        hits = [match.group(0) for match in pattern.finditer(text)]
        if hits:
            found[name] = hits
    return found
