"""Title, date and program: decided once (metadata.py), from the forms pages print, the
same in every process. Documents here are invented."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcriptkit import parse
from transcriptkit.metadata import parse_date, program_said

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("Friday, January 06, 2006", "2006-01-06"),
        ("Sat April 16, 2011", "2011-04-16"),
        ("February 24, 2022 Episode Transcript", "2022-02-24"),
        ("Aired March 4, 2004 - 20:00 ET", "2004-03-04"),
        ("10/28/2021", "2021-10-28"),
        ("16/09/2012", "2012-09-16"),  # only a day can be 16
        ("Posted 10.3.12", "2012-10-03"),
        ("Upload Date: 2021/03/04", "2021-03-04"),  # year first: year, month, day
        ("2019.11.7", "2019-11-07"),
        ("12th March 2024", "2024-03-12"),  # day first, with its ordinal
        ("Tuesday 1st October 2024", "2024-10-01"),
        ("the 21st of March, 2025", "2025-03-21"),
        ("26-Mar-2024", "2024-03-26"),  # day first, with hyphens, as records print it
        ("Hearing held 5-JAN-2023", "2023-01-05"),
    ],
)
def test_printed_date_forms(printed: str, iso: str) -> None:
    assert parse_date(printed) == dt.date.fromisoformat(iso)


def test_a_date_that_ends_someones_sentence_stays_in_their_words() -> None:
    text = (
        "Harbour Hour\n12th March 2024\n\nODA PELL: It is Tuesday, the\n12th of March 2024.\n\n"
        "MARCUS FENN: And the ferry is late.\n\nODA PELL: Again.\n"
    )
    doc = parse(text)
    assert doc.metadata.date == dt.date(2024, 3, 12)
    assert doc.turns[0].text == "It is Tuesday, the 12th of March 2024."


def test_a_year_first_path_in_a_link_is_not_a_date() -> None:
    assert parse_date("see https://example.org/2021/03/04/story") is None
    assert parse_date("2021/13/40") is None


def test_figures_follow_the_documents_own_order() -> None:
    assert parse_date("04/03/2013") == dt.date(2013, 4, 3)  # month first by default
    assert parse_date("04/03/2013", day_first=True) == dt.date(2013, 3, 4)
    # A page that prints 13/03/2013 somewhere writes day first everywhere.
    text = "A Tide Report\n\n04/03/2013\n\nRepeated on 13/03/2013\n\nKIT HALE: Hi.\n"
    assert parse(text).metadata.date == dt.date(2013, 3, 4)


def test_a_short_year_or_ambiguous_dots_need_a_word_saying_date() -> None:
    assert parse("10.3.12\n\nKIT HALE: Hi.\n").metadata.date is None
    assert parse("Posted 10.3.12\n\nKIT HALE: Hi.\n").metadata.date == dt.date(2012, 10, 3)


@pytest.mark.parametrize(
    ("said", "program"),
    [
        ("This is MORNING EDITION from NPR News. I'm Ada Quist.", "MORNING EDITION"),
        ("From the harbour studios, this is THE LONG TABLE. I'm Ida Berg.", "THE LONG TABLE"),
        ("You're listening to NIGHT DESK on Harbour Radio.", "NIGHT DESK"),
        ("It's the HARBOR POLITICS PODCAST. I'm Juno Bell.", "HARBOR POLITICS PODCAST"),
        ("This is U.S. DESK, from Harbour Public Media.", "U.S. DESK"),
    ],
)
def test_the_program_a_host_names_on_air(said: str, program: str) -> None:
    assert program_said(said) == program


def test_a_network_or_a_title_case_phrase_is_not_a_program() -> None:
    assert program_said("This is NPR.") is None
    assert program_said("This is Fresh Ideas, a new show.") is None
    assert program_said("Well, this is IT, folks") is None


@pytest.mark.parametrize(
    "furniture",
    [
        "Show: NIGHT HARBOR",
        "Albany, NY",
        "Episode 13",
        "WHRB 91.7 FM",
        "* * * ~ * * *",
        "By Ada Quist and Noor Belcastro",
        "Interview by Ada Quist",
        "by NOOR BELCASTRO",
        "By Ada Quist | March 3, 2024",
    ],
)
def test_furniture_is_never_the_title(furniture: str) -> None:
    text = f"{furniture}\n\nIDA BERG: Good evening.\n\nOLE VANG: Evening.\n"
    assert parse(text).metadata.title is None


def test_a_headline_wrapped_over_two_lines_and_repeated_is_one_title() -> None:
    block = "Oral History Interview with\nAnnika R. Holm\nHarbour Town, Oregon\nMay 3, 1977\n"
    text = f"{block}A note on this interview.\n\n{block}\nBERG: To start, what is a ledger?\n"
    t = parse(text)
    assert t.metadata.title == "Oral History Interview with Annika R. Holm"
    assert t.metadata.date == dt.date(1977, 5, 3)


def test_tied_repeated_headlines_pick_the_first_printed() -> None:
    # Both headlines repeat twice and no teaser runs on from either: the earliest wins,
    # whatever order a set would iterate in.
    # (Same length, so no other tie-break decides.)
    text = "Salt Roads\nTide Lines\n\nSalt Roads\nTide Lines\n\nIDA BERG: Hello.\n"
    assert parse(text).metadata.title == "Salt Roads"
    swapped = "Tide Lines\nSalt Roads\n\nTide Lines\nSalt Roads\n\nIDA BERG: Hello.\n"
    assert parse(swapped).metadata.title == "Tide Lines"


# ---- the same result in every process -------------------------------------------------

_DIGESTS = """
import hashlib, json, sys
import transcriptkit
for name in sys.argv[1:]:
    t = transcriptkit.parse_file(name)
    print(hashlib.sha256(t.model_dump_json().encode()).hexdigest())
"""


def _digests(files: list[Path], seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _DIGESTS, *map(str, files)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return done.stdout.split()


def _documents() -> list[Path]:
    files = sorted(FIXTURES.rglob("*.txt"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*/*.txt"))
    return files


def test_the_same_json_under_two_hash_seeds() -> None:
    files = _documents()
    first, second = _digests(files, "1"), _digests(files, "4242")
    assert len(first) == len(files)
    differ = [f.name for f, a, b in zip(files, first, second, strict=True) if a != b]
    assert not differ, f"JSON differs between PYTHONHASHSEED=1 and 4242: {differ}"


def test_the_digest_script_sees_a_difference() -> None:
    # The comparison above can fail: two different documents give different digests.
    a = hashlib.sha256(json.dumps(parse("IDA: Hi.\n").model_dump(mode="json")).encode())
    b = hashlib.sha256(json.dumps(parse("OLE: Hi.\n").model_dump(mode="json")).encode())
    assert a.hexdigest() != b.hexdigest()


def test_the_name_under_an_items_number_is_the_title() -> None:
    """`Episode 7` / `Tides`: one word under the number on top names the item."""
    text = (
        "Episode 7\n"
        "Tides\n"
        "Why the sea rises twice a day, and what the moon has to do with it.\n"
        "Book a harbour tour with us\n\n"
        "WREN ABEL: Welcome back to the show about the sea.\n\n"
        "PIET MOLL: Glad to be here again.\n"
    )
    assert parse(text).metadata.title == "Tides"


def test_a_headline_run_onto_npr_logo_line_is_stated() -> None:
    """The NPR preset: `NPR logo Harbour Update` states the headline, even below the teaser
    that opens the page."""
    text = (
        "Harbour Update Reporter Ines Moll sums up the week's news from the harbour.\n"
        "NPR logo Harbour Update\n"
    )
    t = parse(text, style="npr")
    assert t.metadata.title == "Harbour Update"


def test_bbc_navigation_is_no_title() -> None:
    """The `bbc` preset: `MORE PROGRAMMES` above the page's stamp is navigation; the
    headline under the stamp is the title."""
    text = (
        "Help\n"
        "BBC NewsHarbour Hour\n\n"
        "MORE PROGRAMMES\n\n"
        "Page last updated at 09:12 GMT, Sunday, 4 May 2014 10:12 UK\n\n"
        "Transcript Ada Quist interview\n\n"
        "WREN ABEL:\n\nGood morning, and welcome.\n\n"
        "ADA QUIST:\n\nGood morning.\n"
    )
    t = parse(text)
    assert t.metadata.style == "bbc"
    assert t.metadata.title == "Transcript Ada Quist interview"
    assert t.metadata.date == dt.date(2014, 5, 4)


def test_markup_around_a_title_is_no_part_of_it() -> None:
    text = "<h1>Salt Road: Episode 4</h1>\n\nIDA BERG: Good evening.\n\nOLE VANG: Evening.\n"
    assert parse(text).metadata.title == "Salt Road: Episode 4"


def test_a_byline_under_the_headline_is_not_the_title() -> None:
    text = (
        "Ferries Stop For The Winter\n\nBy Ada Quist\nPublished March 4, 2024\n\n"
        "IDA BERG, HOST: Good evening.\n\nOLE VANG: Evening.\n"
    )
    assert parse(text).metadata.title == "Ferries Stop For The Winter"


def test_a_dateline_right_under_a_repeated_headline_dates_the_page() -> None:
    text = (
        "Harbor Radio\nNight Desk\nListen Live\n\nWhy the ferry stopped for the winter\n"
        "Harbor Radio · Posted: Sep 12, 2024 6:21 PM EDT | Last Updated: September 13, 2024\n\n"
        "Email\n\nNight Desk\n6:10 The ferry stops\n\nThe ferry has stopped. Ida Berg spoke "
        "with Ole Vang about it.\n\nHost: Why did it stop?\n\nOle Vang: Ice.\n\n"
        "Host: Until when?\n\nOle Vang: Spring.\n"
    )
    assert parse(text).metadata.date == dt.date(2024, 9, 12)


def test_a_headline_in_sentence_case_over_its_dateline_is_the_title() -> None:
    text = (
        "Harbor Radio\nNight Desk\nFull Episodes\n\nWhy the ferry stopped for the winter\n"
        "May 6, 2024 5:00 AM ET\n\nIDA BERG, HOST: Good evening.\n\nOLE VANG: Evening.\n"
    )
    assert parse(text).metadata.title == "Why the ferry stopped for the winter"


def test_a_headline_printed_twice_is_not_one_headline_wrapped() -> None:
    head = "Quist: The ferry plan will cost more than promised"
    text = (
        f"Harbor News\nShows\nPublished October 21, 2015\n{head}\n{head}\n"
        "IDA BERG, HOST: Good evening.\nOLE VANG: Evening.\nBERG: Thanks.\n"
    )
    assert parse(text).metadata.title == head


def test_the_day_a_page_was_updated_dates_it_only_where_nothing_else_does() -> None:
    text = (
        "'The Night Desk with Ida Berg' for Tuesday, March 3, 2009\n"
        "Read the transcript to the Tuesday show\nupdated 11:04 a.m. ET, Wed., March 4, 2009\n"
        "IDA BERG, HOST: Good evening.\nOLE VANG: Evening.\n"
    )
    assert parse(text, style="msnbc").metadata.date == dt.date(2009, 3, 3)
    only = "Harbor News\nLast updated: March 4, 2009\n\nIDA BERG, HOST: Hi.\n\nOLE VANG: Hi.\n"
    assert parse(only).metadata.date == dt.date(2009, 3, 4)
    both = (
        "Ferries Wait Out the Ice\nBy Oda Pell\nPublished 08/09/2021, 6:00 AM\n"
        "Updated Aug. 10, 2021\nIDA BERG: Hi.\nOLE VANG: Hi.\n"
    )
    assert parse(both).metadata.date == dt.date(2021, 8, 9)


def test_a_shows_name_printed_twice_over_the_headline_is_not_the_title() -> None:
    text = (
        "Harbor Radio\nNight Desk\nNight Desk\nThe quiet winter of the harbor seals\n"
        "October 3, 2023\n\nIDA BERG: Good evening.\n\nOLE VANG: Evening.\n"
    )
    assert parse(text).metadata.title == "The quiet winter of the harbor seals"


def test_an_html_pages_heading_is_its_title() -> None:
    text = (
        "<!DOCTYPE html>\n<html><head><title>Harbor</title></head><body>\n"
        "<h1>The Caf&eacute; Hour</h1>\n<p>ADA QUIST, HOST: Good morning.</p>\n"
        "<p>NOOR BELCASTRO: Thanks.</p>\n</body></html>\n"
    )
    assert parse(text).metadata.title == "The Café Hour"


def test_a_long_string_of_headlines_is_the_title_wherever_its_cut_falls() -> None:
    # A network's page strings the night's headlines into one long line; which headline
    # the 200th character lands after (here right after a `;`) does not decide the title.
    headlines = (
        "Vessberg Warns Ferry Fares Will Rise; Harbor Board Splits Over Night Crossings; "
        "Storm Closes Northern Pass for a Third Day; Fishermen Ask Province for Winter Aid; "
        "Lighthouse Keepers Mark a Century; Ice Festival Opens Early. Aired 9-10p ET"
    )
    assert headlines[:200].rsplit(" ", 1)[0].endswith(";")  # the case this test is about
    text = (
        f"Return to Transcripts main page\nHarbor Tonight\n{headlines}\n"
        "Aired January 9, 2025 - 21:00 ET\n"
        "IDA BERG, HARBOR ANCHOR: Good evening. I'm Ida Berg.\n"
        "OLE VANG, HARBOR CORRESPONDENT: Good evening, Ida.\n"
    )
    assert parse(text).metadata.title == headlines


@pytest.mark.parametrize(
    "printed",
    [
        "**Ferries of the North**",
        "__Ferries of the North__",
        "*Ferries of the North*",
        "**Ferries** of the **North**",
    ],
)
def test_markdown_emphasis_is_no_word_of_the_title(printed: str) -> None:
    text = (
        f"{printed}\nMarch 26, 2024\n\n"
        "ADA QUIST, HOST: Welcome to the show, it is a fine day on the water.\n\n"
        "OMAR VIDAL: Thank you for having me on.\n"
    )
    assert parse(text).metadata.title == "Ferries of the North"
