"""The note checker catches drifted code, missing regions and unmarked commands."""

from pathlib import Path

from django_docker_project.journal.notes import (
    check_note,
    read_region,
    render_note,
    sync_note,
)

SOURCE = "django_docker_project/journal/progress.py"


def write_note(tmp_path: Path, text: str) -> Path:
    note = tmp_path / "99_test.md"
    note.write_text(text)
    return note


def included(reference: str, body: str) -> str:
    return f"# Test\n\n```python include={reference}\n{body}```\n"


def test_a_note_whose_code_matches_the_source_passes(tmp_path: Path) -> None:
    note = write_note(tmp_path, included(SOURCE, read_region(SOURCE)))
    assert check_note(note) == []


def test_a_note_whose_code_drifted_fails(tmp_path: Path) -> None:
    body = read_region(SOURCE).replace("def ", "def renamed_", 1)
    note = write_note(tmp_path, included(SOURCE, body))
    [problem] = check_note(note)
    assert "differs from" in problem


def test_a_missing_file_or_region_fails(tmp_path: Path) -> None:
    note = write_note(
        tmp_path,
        included("no/such/file.py", "x\n")
        + included(f"{SOURCE}#no-such-region", "x\n"),
    )
    problems = check_note(note)
    assert len(problems) == 2
    assert "no such file" in problems[0]
    assert "no single region" in problems[1]


def test_a_path_outside_the_repository_is_refused(tmp_path: Path) -> None:
    note = write_note(tmp_path, included("../../etc/passwd", "x\n"))
    assert "no such file" in check_note(note)[0]


def test_an_unmarked_shell_block_fails(tmp_path: Path) -> None:
    note = write_note(tmp_path, "# T\n\n```shell\nmake run\n```\n")
    assert "needs `run`" in check_note(note)[0]


def test_marked_shell_blocks_pass(tmp_path: Path) -> None:
    note = write_note(
        tmp_path,
        '# T\n\n```shell norun="needs Docker"\ndocker build .\n```\n\n'
        "```shell run\npython --version\n```\n",
    )
    assert check_note(note) == []


def test_sync_rewrites_drifted_code(tmp_path: Path) -> None:
    note = write_note(tmp_path, included(SOURCE, "stale\n"))
    assert sync_note(note) is True
    assert check_note(note) == []
    assert sync_note(note) is False


def test_region_markers_select_and_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text(
        "a = 1\n# region: middle\nb = 2\n# endregion: middle\nc = 3\n"
    )
    assert read_region("mod.py#middle", root=tmp_path) == "b = 2\n"


def test_render_has_highlighted_code_and_a_table_of_contents(tmp_path: Path) -> None:
    note = write_note(
        tmp_path,
        "# Title\n\n## First part\n\n```python include=x.py#y\nprint('hi')\n```\n",
    )
    rendered = render_note(note)
    assert rendered.title == "Title"
    assert 'class="highlight"' in rendered.html
    assert 'href="#first-part"' in rendered.toc_html
    assert "include=" not in rendered.html
