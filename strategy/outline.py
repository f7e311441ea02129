"""A chapter's sections, goals and measures with their anchors and positional numbers.

Anchors come from StreamField block ids: wagtail-localize copies them unchanged into the
translation and they survive reordering, so ``#g-…`` and ``#m-…`` are the same in German and
English and keep pointing at the same goal or measure. Numbers ("Goal 2", "Measure 2.3") follow
the current order and are only shown, never linked.
"""

from dataclasses import dataclass, field
from typing import Any

from .blocks import MeasureStatus


def anchor(prefix: str, block_id: str) -> str:
    return f"{prefix}-{block_id.replace('-', '')[:8]}"


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    content: Any


@dataclass(frozen=True)
class Measure:
    key: str  # the block id: the same in every language, the key of its discussion
    anchor: str
    number: str
    title: str
    description: str
    status: str
    responsible_unit: str
    timeframe: str

    @property
    def status_label(self) -> str:
        return dict(MeasureStatus.choices).get(self.status, "")


@dataclass(frozen=True)
class Goal:
    key: str
    anchor: str
    number: int
    title: str
    description: str
    measures: list[Measure] = field(default_factory=list)


def sections(stream) -> list[Section]:
    return [
        Section(anchor("s", child.id), child.value["heading"], child.value["content"])
        for child in stream
    ]


def goals(stream) -> list[Goal]:
    result = []
    for goal_number, child in enumerate(stream, start=1):
        value = child.value
        measures = [
            Measure(
                key=item.id,
                anchor=anchor("m", item.id),
                number=f"{goal_number}.{measure_number}",
                title=item.value["title"],
                description=item.value["description"],
                status=item.value["status"],
                responsible_unit=item.value["responsible_unit"],
                timeframe=item.value["timeframe"],
            )
            for measure_number, item in enumerate(value["measures"].bound_blocks, start=1)
        ]
        result.append(
            Goal(child.id, anchor("g", child.id), goal_number, value["title"],
                 value["description"], measures)
        )
    return result
