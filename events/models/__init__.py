from events.choices import EventFormat, EventStatus

from .event import EventPage
from .index import EventIndexPage
from .occurrences import EventOccurrence

__all__ = ["EventFormat", "EventIndexPage", "EventOccurrence", "EventPage", "EventStatus"]
