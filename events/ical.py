"""iCalendar (RFC 5545) output: the dates of one event, or a subscription feed."""

from datetime import datetime, timedelta

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from events.choices import EventFormat, EventStatus

# How far back a subscription feed reaches; older dates stay on the site's archive.
FEED_PAST = timedelta(days=180)
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def feed_start(now: datetime) -> datetime:
    return now - FEED_PAST


def location(page) -> str:
    place = ", ".join(part for part in (page.venue_name, page.venue_address) if part)
    if page.event_format == EventFormat.ON_SITE:
        return place
    online = page.online_url or str(EventFormat.ONLINE.label)
    return f"{place}; {online}" if place else online


def description(page) -> str:
    parts = [page.summary]
    if page.status != EventStatus.SCHEDULED:
        parts.insert(0, " ".join(filter(None, [str(page.get_status_display()), page.status_note])))
    if page.registration_url:
        parts.append(page.registration_url)
    return "\n\n".join(part for part in parts if part)


def vevent(occurrence, request, stamp: datetime) -> icalendar.Event:
    page = occurrence.page
    event = icalendar.Event()
    event.add("uid", occurrence.ical_uid)
    event.add("dtstamp", stamp)
    if occurrence.all_day:
        event.add("dtstart", occurrence.first_day)
        event.add("dtend", occurrence.last_day + timedelta(days=1))
    else:
        event.add("dtstart", occurrence.local_start)
        event.add("dtend", occurrence.local_end)
    summary = page.title
    if page.status != EventStatus.SCHEDULED:
        summary = f"{page.get_status_display()}: {summary}"
    event.add("summary", summary)
    event.add("description", description(page))
    if place := location(page):
        event.add("location", place)
    event.add("url", page.get_full_url(request))
    event.add("status", ICAL_STATUS[page.status])
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def build(occurrences, request, name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    language = get_language() or settings.LANGUAGE_CODE
    cal.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//events//{language.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    stamp = timezone.now()
    for occurrence in occurrences:
        cal.add_component(vevent(occurrence, request, stamp))
    cal.add_missing_timezones()
    return cal


def response(request, occurrences, name: str, filename: str, inline: bool = False):
    body = build(occurrences, request, name).to_ical()
    result = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    result["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return result
