"""The notes cannot drift from the code, and every shell command is accounted for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from django_docker_project.journal.notes import check_note, note_files, parse_blocks
from django_docker_project.journal.registry import all_lessons

ROOT = Path(settings.BASE_DIR)
NOTES = note_files()


def note_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("note", NOTES, ids=note_id)
def test_note_matches_the_source(note: Path) -> None:
    assert check_note(note) == []


def test_every_lesson_has_its_note() -> None:
    for lesson in all_lessons():
        assert lesson.note_path.is_file(), f"{lesson.label} has no {lesson.note}"


def runnable_commands() -> list[tuple[str, str]]:
    commands = []
    for note in NOTES:
        for block in parse_blocks(note.read_text()):
            if block.is_shell and "run" in block.attributes:
                for command in block.commands():
                    commands.append((f"{note.name}:{block.line}", command))
    return commands


@pytest.mark.slow
@pytest.mark.parametrize(("where", "command"), runnable_commands())
def test_shell_command_in_note_runs(where: str, command: str) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    completed = subprocess.run(
        command,
        shell=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, (
        f"{where}: `{command}` exited {completed.returncode}\n"
        f"{completed.stdout[-2000:]}\n{completed.stderr[-2000:]}"
    )


def checked_by_references() -> list[tuple[str, str]]:
    references = []
    for note in NOTES:
        for block in parse_blocks(note.read_text()):
            if block.attributes.get("checked-by"):
                references.append(
                    (f"{note.name}:{block.line}", block.attributes["checked-by"])
                )
    return references


@pytest.mark.parametrize(("where", "reference"), checked_by_references())
def test_checked_by_names_an_existing_test(where: str, reference: str) -> None:
    path, _, name = reference.partition("::")
    source = ROOT / path
    assert source.is_file(), f"{where}: {path} does not exist"
    assert f"def {name.split('::')[-1]}(" in source.read_text(), (
        f"{where}: {path} has no test {name}"
    )
