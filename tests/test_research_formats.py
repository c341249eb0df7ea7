"""ConvoKit, Hugging Face datasets, RTTM, Praat TextGrid and ELAN: each export is loaded
back by the format's own maintained library (convokit, datasets, pyannote.database,
praatio, pympi-ling), on invented documents and, where it is beside the checkout, on the
shared corpus."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest

import transcriptkit
from analysis_data import CORPUS_FILES, FERRY, OMAR, ROSA, STUDIO, TIMED, corpus
from transcriptkit import Transcript
from transcriptkit.export import FORMATS, WRITERS, Options, untimed_note
from transcriptkit.ids import doc_id

needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="no shared corpus beside the checkout")


def _docs() -> list[tuple[str, Transcript]]:
    return [(p.name, transcriptkit.parse_file(p)) for p in (STUDIO, FERRY)]


_corpus = corpus


def _timed_turns(t: Transcript) -> int:
    return sum(1 for x in t.turns if x.start is not None and x.end is not None and x.end >= x.start)


# ---- ConvoKit ---------------------------------------------------------------------------


@pytest.fixture
def convokit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """convokit, with its config file written under a temporary home, not the user's."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return pytest.importorskip("convokit")


def test_convokit_opens_the_corpus_folder(tmp_path: Path, convokit) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "corpus"
    docs = [*_docs(), ("empty.txt", Transcript(kind="other")), ("timed.txt", TIMED)]
    WRITERS["convokit"](docs, target, Options())
    assert sorted(p.name for p in target.iterdir()) == [
        "conversations.json",
        "corpus.json",
        "index.json",
        "speakers.json",
        "utterances.jsonl",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing speaker would only warn
        corpus = convokit.Corpus(filename=str(target))
    studio = corpus.get_conversation(doc_id("studio.txt"))
    assert studio.meta["title"] == "Quarry Summer" and studio.meta["date"] == "2025-07-19"
    utts = list(studio.traverse("dfs"))
    assert [u.speaker.id for u in utts] == [
        "nora-fellway",
        "piet-anselm",
        "nora-fellway",
        "piet-anselm",
        "delia-marsh",
        "nora-fellway",
        "delia-marsh",
    ]
    assert utts[0].reply_to is None
    assert all(b.reply_to == a.id for a, b in itertools.pairwise(utts))
    assert utts[1].text == "Thanks, Nora. I grew up near the quarry and I always--"
    assert utts[0].timestamp is None  # untimed
    assert corpus.get_speaker("nora-fellway").meta["role"] == "host"
    assert corpus.get_speaker("delia-marsh").meta["role"] == "reporter"
    assert len(corpus.get_speaker("nora-fellway").get_conversation_ids()) == 2  # both shows
    timed = corpus.get_conversation(doc_id("timed.txt"))
    assert [u.timestamp for u in timed.get_chronological_utterance_list()] == [
        0.0,
        9.0,
        15.0,
        15.5,
        20.0,
        30.0,
    ]
    assert corpus.meta["skipped"] == [
        {"doc_id": doc_id("empty.txt"), "source": "empty.txt", "kind": "other"}
    ]
    assert len(list(corpus.iter_utterances())) == 7 + 5 + 6


@needs_corpus
def test_convokit_opens_the_whole_corpus(tmp_path: Path, convokit) -> None:  # type: ignore[no-untyped-def]
    docs = list(_corpus())
    WRITERS["convokit"](docs, tmp_path / "c", Options())
    corpus = convokit.Corpus(filename=str(tmp_path / "c"))
    with_turns = [t for _, t in docs if t.turns and t.kind != "article"]
    assert len(list(corpus.iter_conversations())) == len(with_turns)
    assert len(list(corpus.iter_utterances())) == sum(len(t.turns) for t in with_turns)
    assert len(corpus.meta["skipped"]) == len(docs) - len(with_turns)


# ---- Hugging Face datasets --------------------------------------------------------------


def test_datasets_in_every_shape() -> None:
    datasets = pytest.importorskip("datasets")
    docs = [*_docs(), ("empty.txt", Transcript(kind="other"))]
    turns = transcriptkit.to_dataset(docs, shape="turns")
    assert isinstance(turns, datasets.Dataset)
    assert turns.num_rows == 7 + 5 + 1
    assert turns[0]["speaker"] == "NORA FELLWAY" and turns[12]["kind"] == "other"
    convs = transcriptkit.to_dataset(docs, shape="conversations")
    assert convs.num_rows == 3
    assert [t["speaker_id"] for t in convs[1]["turns"]] == ["nora-fellway", "odo-rask"] * 2 + [
        "nora-fellway"
    ]
    assert convs[2]["turns"] == []
    media = transcriptkit.to_dataset(docs, shape="mediasum")
    assert media.column_names == ["id", "program", "date", "url", "title", "utt", "speaker"]
    assert media[1]["id"] == doc_id("ferry.txt") and media[1]["program"] == "Valley Hour"
    assert media[1]["utt"][2] == "How many?"
    assert media[1]["speaker"][:2] == ["NORA FELLWAY, HOST", "ODO RASK"]
    chat = transcriptkit.to_dataset(docs, shape="messages")
    first = chat[1]["messages"][:2]
    assert first == [
        {
            "role": "assistant",
            "name": "NORA FELLWAY",
            "content": "The ferry runs again. Odo, are you on board?",
        },
        {"role": "user", "name": "ODO RASK", "content": "I am. The deck is full of bicycles."},
    ]
    with pytest.raises(ValueError, match="unknown dataset shape"):
        transcriptkit.to_dataset(docs, shape="books")  # type: ignore[arg-type]


@needs_corpus
def test_mediasum_records_for_the_whole_corpus() -> None:
    pytest.importorskip("datasets")
    docs = list(_corpus())
    media = transcriptkit.to_dataset(docs, shape="mediasum")
    assert media.num_rows == len(docs)
    assert all(len(r["utt"]) == len(r["speaker"]) for r in media)


# ---- RTTM, TextGrid, ELAN ---------------------------------------------------------------


def test_rttm_reads_back_with_pyannote(tmp_path: Path) -> None:
    util = pytest.importorskip("pyannote.database.util")
    target = tmp_path / "talk.rttm"
    target.write_text(FORMATS["rttm"](TIMED, Options(doc="talk show.txt")), encoding="utf-8")
    (annotation,) = util.load_rttm(str(target)).values()
    assert annotation.uri == "talk_show"
    tracks = [(s.start, s.end, label) for s, _, label in annotation.itertracks(yield_label=True)]
    assert tracks == [
        (0.0, 10.0, ROSA),
        (9.0, 15.0, OMAR),
        (15.0, 16.0, ROSA),
        (15.5, 30.0, OMAR),
        (20.0, 21.0, ROSA),
        (30.0, 40.0, ROSA),
    ]
    assert annotation.label_duration(ROSA) == pytest.approx(22.0)


def test_textgrid_reads_back_with_praatio(tmp_path: Path) -> None:
    textgrid = pytest.importorskip("praatio.textgrid")
    target = tmp_path / "talk.TextGrid"
    target.write_text(FORMATS["textgrid"](TIMED, Options()), encoding="utf-8")
    tg = textgrid.openTextgrid(str(target), includeEmptyIntervals=False)
    assert tg.tierNames == ("ROSA TILL", "OMAR VEST")
    rosa = tg.getTier("ROSA TILL").entries
    assert [(e.start, e.end) for e in rosa] == [(0, 10), (15, 16), (20, 21), (30, 40)]
    assert rosa[1].label == "word word word"
    assert tg.maxTimestamp == 40


def test_textgrid_quotes_and_joins_a_speakers_own_overlap(tmp_path: Path) -> None:
    textgrid = pytest.importorskip("praatio.textgrid")
    t = TIMED.model_copy(deep=True)
    t.turns[0].text = 'She said "no" twice.'
    t.turns[2].start = 9.5  # ROSA's turn 2 now starts before her turn 0 ends (10.0)
    target = tmp_path / "t.TextGrid"
    target.write_text(FORMATS["textgrid"](t, Options()), encoding="utf-8")
    rosa = textgrid.openTextgrid(str(target), includeEmptyIntervals=False).getTier("ROSA TILL")
    assert rosa.entries[0].label == 'She said "no" twice. word word word'
    assert (rosa.entries[0].start, rosa.entries[0].end) == (0, 16)


def test_eaf_reads_back_with_pympi(tmp_path: Path) -> None:
    elan = pytest.importorskip("pympi.Elan")
    target = tmp_path / "talk.eaf"
    target.write_text(FORMATS["eaf"](TIMED, Options()), encoding="utf-8")
    eaf = elan.Eaf(str(target))
    assert sorted(eaf.get_tier_names()) == ["OMAR VEST", "ROSA TILL"]
    omar = sorted(eaf.get_annotation_data_for_tier("OMAR VEST"))
    assert [(a, b) for a, b, _ in omar] == [(9000, 15000), (15500, 30000)]
    assert omar[0][2] == " ".join(["word"] * 12)


def test_an_untimed_transcript_gives_valid_empty_files_and_a_note(tmp_path: Path) -> None:
    util = pytest.importorskip("pyannote.database.util")
    textgrid = pytest.importorskip("praatio.textgrid")
    elan = pytest.importorskip("pympi.Elan")
    t = transcriptkit.parse_file(STUDIO)
    assert FORMATS["rttm"](t, Options()) == ""
    (tmp_path / "e.rttm").write_text("", encoding="utf-8")
    assert util.load_rttm(str(tmp_path / "e.rttm")) == {}
    (tmp_path / "e.TextGrid").write_text(FORMATS["textgrid"](t, Options()), encoding="utf-8")
    assert textgrid.openTextgrid(str(tmp_path / "e.TextGrid"), False).tierNames == ()
    (tmp_path / "e.eaf").write_text(FORMATS["eaf"](t, Options()), encoding="utf-8")
    assert elan.Eaf(str(tmp_path / "e.eaf")).get_tier_names() == {}.keys()
    assert untimed_note(t, "rttm") == "no turn has times, so the rttm output holds none"
    half = TIMED.model_copy(deep=True)
    half.turns[1].start = None
    assert untimed_note(half, "eaf") == "1 of 6 turns have no times and are not in the eaf output"
    assert untimed_note(TIMED, "rttm") is untimed_note(t, "csv") is None


@needs_corpus
def test_every_timed_corpus_document_reads_back(tmp_path: Path) -> None:
    util = pytest.importorskip("pyannote.database.util")
    textgrid = pytest.importorskip("praatio.textgrid")
    elan = pytest.importorskip("pympi.Elan")
    timed = [(name, t) for name, t in _corpus() if _timed_turns(t)]
    assert timed, "the corpus has timed documents (captions, timestamped exports)"
    for i, (name, t) in enumerate(timed):
        n = _timed_turns(t)
        rttm, grid, eaf = (tmp_path / f"{i}.{ext}" for ext in ("rttm", "TextGrid", "eaf"))
        rttm.write_text(FORMATS["rttm"](t, Options(doc=name)), encoding="utf-8")
        grid.write_text(FORMATS["textgrid"](t, Options(doc=name)), encoding="utf-8")
        eaf.write_text(FORMATS["eaf"](t, Options(doc=name)), encoding="utf-8")
        (annotation,) = util.load_rttm(str(rttm)).values()
        assert len(list(annotation.itertracks())) == n, name
        tiers = textgrid.openTextgrid(str(grid), includeEmptyIntervals=False).tiers
        assert 0 < sum(len(tier.entries) for tier in tiers) <= n, name
        doc = elan.Eaf(str(eaf))
        assert sum(len(doc.get_annotation_data_for_tier(x)) for x in doc.get_tier_names()) == n


# ---- the command line -------------------------------------------------------------------


def test_cli_writes_parquet_and_convokit_with_o(tmp_path: Path, convokit) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from transcriptkit.cli import app

    pq = pytest.importorskip("pyarrow.parquet")
    runner = CliRunner()
    out = tmp_path / "turns.parquet"
    result = runner.invoke(app, ["parse", str(STUDIO), str(FERRY), "-f", "parquet", "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert pq.read_table(out).num_rows == 12
    folder = tmp_path / "ck"
    result = runner.invoke(app, ["parse", str(STUDIO), "-f", "convokit", "-o", str(folder)])
    assert result.exit_code == 0
    assert len(list(convokit.Corpus(filename=str(folder)).iter_utterances())) == 7
    result = runner.invoke(app, ["parse", str(STUDIO), "-f", "parquet"])
    assert result.exit_code == 2 and "give it with -o" in result.stderr
    result = runner.invoke(app, ["parse", str(STUDIO), "-f", "rttm"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "warning: " in result.stderr and "no turn has times" in result.stderr
    result = runner.invoke(app, ["parse", str(STUDIO), str(FERRY), "-f", "textgrid"])
    assert result.exit_code == 2 and "one document" in result.stderr
