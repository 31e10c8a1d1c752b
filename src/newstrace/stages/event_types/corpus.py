"""Expand the project's own fictional template sentences into a labelled training corpus.

Templates live in ``newstrace/data/event_training/`` (see its README). Expansion is seeded, so
the same seed always yields the same corpus and the shipped model can be rebuilt exactly.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from newstrace.stages.event_types.labels import NONE_LABEL, SUB_EVENT_TYPES

_SLOT = re.compile(r"\{(\w+)\}")
# 14 fillings per template gives about 7,000 sentences (≈250 per class, 1,000 negatives): more
# only repeats the same trigger words with other place names.
FILLS_PER_TEMPLATE = 14
DATELINE_RATE = 0.2
CONTEXT_RATE = 0.33
TEMPLATE_FILES = (
    "templates_violence.yaml",
    "templates_demonstrations.yaml",
    "templates_strategic.yaml",
    "templates_none.yaml",
)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    labels: tuple[str, ...]  # one label, or two for a sentence reporting two events


def _read_yaml(name: str) -> dict[str, Any]:
    folder = resources.files("newstrace.data").joinpath("event_training")
    loaded = yaml.safe_load(folder.joinpath(name).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"event_training/{name}: expected a mapping")
    return loaded


def load_templates() -> dict[tuple[str, ...], list[str]]:
    """Templates by label tuple; unknown labels are an error, not a silent skip."""
    known = {*SUB_EVENT_TYPES, NONE_LABEL}
    templates: dict[tuple[str, ...], list[str]] = {}
    for name in TEMPLATE_FILES:
        for key, items in _read_yaml(name).items():
            labels = tuple(str(key).split("|"))
            unknown = set(labels) - known
            if unknown:
                raise ValueError(f"event_training/{name}: unknown label(s) {sorted(unknown)}")
            templates.setdefault(labels, []).extend(str(item) for item in items)
    return templates


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    text = _SLOT.sub(lambda m: rng.choice(slots[m.group(1)]), template)
    text = re.sub(r"\s+([,.;])", r"\1", re.sub(r" {2,}", " ", text)).strip()
    return text[:1].upper() + text[1:]


def _frame(text: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    """Sometimes a dateline in front and a label-neutral sentence after, as news snippets have
    them, so the model learns to look past both (rates: 1 in 5 and 1 in 3)."""
    if rng.random() < DATELINE_RATE:
        text = f"{rng.choice(slots['dateline'])} {text[:1].lower()}{text[1:]}"
    if rng.random() < CONTEXT_RATE:
        text = f"{text} {rng.choice(slots['context'])}"
    return text


def build_corpus(seed: int = 13, fills: int = FILLS_PER_TEMPLATE) -> list[Example]:
    """Every template filled ``fills`` times (fewer when it has no slots), de-duplicated."""
    slots = {key: [str(v) for v in values] for key, values in _read_yaml("slots.yaml").items()}
    rng = random.Random(seed)
    seen: set[str] = set()
    corpus: list[Example] = []
    for labels, templates in load_templates().items():
        for template in templates:
            for _ in range(fills if _SLOT.search(template) else 1):
                text = _frame(_fill(template, slots, rng), slots, rng)
                if text not in seen:
                    seen.add(text)
                    corpus.append(Example(text, labels))
    return corpus
