"""The month grid of the events calendar: weeks from Monday to Sunday, events per day."""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR


@dataclass
class Day:
    date: date
    in_month: bool
    is_today: bool
    occurrences: list = field(default_factory=list)


class MonthGrid:
    def __init__(self, year: int, month: int, occurrences, today: date):
        self.year, self.month = year, month
        self.first = date(year, month, 1)
        self.weeks = [
            [
                Day(
                    date=day,
                    in_month=day.month == month,
                    is_today=day == today,
                    occurrences=[o for o in occurrences if o.covers(day)]
                    if day.month == month
                    else [],
                )
                for day in week
            ]
            for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
                year, month
            )
        ]

    @property
    def weekdays(self) -> list[tuple[str, str]]:
        """(full name, abbreviation) from Monday to Sunday, translated."""
        return [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)]

    @property
    def previous(self) -> tuple[int, int]:
        return (self.year - 1, 12) if self.month == 1 else (self.year, self.month - 1)

    @property
    def next(self) -> tuple[int, int]:
        return (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)

    @property
    def has_events(self) -> bool:
        return any(day.occurrences for week in self.weeks for day in week)
