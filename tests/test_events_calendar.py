"""The month grid: days, events across midnight and month ends, today, neighbouring months."""

import re

import pytest
import time_machine

from tests.factories.events import EventIndexPageFactory, berlin, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_de(site_tree):
    return EventIndexPageFactory(parent=site_tree.home_de)


@pytest.fixture
def november(index_de):
    event(index_de, (berlin(2026, 10, 30, 9), berlin(2026, 11, 2, 17)), all_day=True,
          title="Herbstferienprogramm")
    event(index_de, (berlin(2026, 11, 13, 22), berlin(2026, 11, 14, 2)), title="Hackathon")
    event(index_de, (berlin(2026, 11, 20, 20), berlin(2026, 11, 21, 0)), title="Bis Mitternacht")
    event(index_de, (berlin(2026, 11, 30, 18), berlin(2026, 12, 1, 10)), title="Monatswechsel")
    event(index_de, (berlin(2026, 12, 31, 20), berlin(2027, 1, 1, 1)), title="Silvester")


def cells(html: str) -> dict[str, str]:
    """The content of each day cell of the grid, by ISO date."""
    table = html.split('<table class="calendar">', 1)[1].split("</table>", 1)[0]
    found = {}
    for cell in table.split("<td")[1:]:
        match = re.search(r'class="calendar__date" datetime="(\d{4}-\d{2}-\d{2})"', cell)
        if match:
            found[match.group(1)] = cell.split("</td>", 1)[0]
    return found


def with_event(grid: dict[str, str], title: str) -> list[str]:
    return sorted(day for day, cell in grid.items() if f">{title}</a>" in cell)


@time_machine.travel(berlin(2026, 11, 10, 12), tick=False)
def test_november_places_each_event_on_the_days_it_touches(client, november):
    html = client.get("/de/veranstaltungen/kalender/2026/11/").content.decode()
    grid = cells(html)
    assert len(grid) == 30
    assert with_event(grid, "Herbstferienprogramm") == ["2026-11-01", "2026-11-02"]
    assert with_event(grid, "Hackathon") == ["2026-11-13", "2026-11-14"]
    assert with_event(grid, "Bis Mitternacht") == ["2026-11-20"]
    assert with_event(grid, "Monatswechsel") == ["2026-11-30"]
    assert with_event(grid, "Silvester") == []
    assert '<time class="calendar__time" datetime="2026-11-13T22:00:00+01:00">22:00</time>' \
        in grid["2026-11-13"]
    assert "22:00" not in grid["2026-11-14"]


@time_machine.travel(berlin(2026, 11, 10, 12), tick=False)
def test_the_grid_is_an_accessible_table(client, november):
    html = client.get("/de/veranstaltungen/kalender/2026/11/").content.decode()
    table = html.split('<table class="calendar">', 1)[1].split("</table>", 1)[0]
    assert "<caption>" in table and "November 2026" in table.split("</caption>")[0]
    headers = re.findall(r'<th scope="col"><abbr title="([^"]+)">', table)
    assert len(headers) == 7
    # 1 November 2026 is a Sunday: six leading empty cells in a week starting on Monday.
    first_row = table.split("<tr>")[2].split("</tr>")[0]
    assert first_row.count("calendar__day--outside") == 6
    today = [cell for cell in table.split("<td")[1:] if 'aria-current="date"' in cell]
    assert len(today) == 1 and 'datetime="2026-11-10"' in today[0]
    assert 'href="/de/veranstaltungen/kalender/2026/10/" rel="prev nofollow"' in html
    assert 'href="/de/veranstaltungen/kalender/2026/12/" rel="next nofollow"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


@time_machine.travel(berlin(2026, 11, 10, 12), tick=False)
def test_events_continue_into_the_next_month_and_year(client, november):
    december = cells(client.get("/de/veranstaltungen/kalender/2026/12/").content.decode())
    assert with_event(december, "Monatswechsel") == ["2026-12-01"]
    assert "calendar__time" in december["2026-12-01"]
    assert "18:00" not in december["2026-12-01"]
    assert with_event(december, "Silvester") == ["2026-12-31"]
    assert not any('aria-current="date"' in cell for cell in december.values())
    january = cells(client.get("/de/veranstaltungen/kalender/2027/01/").content.decode())
    assert with_event(january, "Silvester") == ["2027-01-01"]
    october = cells(client.get("/de/veranstaltungen/kalender/2026/10/").content.decode())
    assert with_event(october, "Herbstferienprogramm") == ["2026-10-30", "2026-10-31"]


@time_machine.travel(berlin(2026, 11, 10, 12), tick=False)
def test_the_calendar_without_a_month_shows_the_current_one(client, november):
    html = client.get("/de/veranstaltungen/kalender/").content.decode()
    assert 'aria-current="date"' in html and "Hackathon" in html


def test_the_first_and_last_year_have_no_link_beyond(client, index_de):
    html = client.get("/de/veranstaltungen/kalender/2100/12/").content.decode()
    assert 'rel="next nofollow"' not in html and 'rel="prev nofollow"' in html
    html = client.get("/de/veranstaltungen/kalender/2000/01/").content.decode()
    assert 'rel="prev nofollow"' not in html and 'rel="next nofollow"' in html
