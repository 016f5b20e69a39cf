"""Lesson notes: markdown files whose code comes from the source.

A fenced block in a note may name where its text comes from::

    ```python include=lessons/lesson01_views/views.py#index
    ...the region's text...
    ```

``#index`` names a region marked in the source by a line containing
``region: index`` and one containing ``endregion: index`` (in a comment of the
file's language); without ``#name`` the whole file is shown. The text between
the fences must equal the region, which ``check_note`` verifies and
``sync_note`` rewrites.

A shell block says how it is checked: ``run`` (a test runs it),
``checked-by=path::test`` (that test exercises it) or ``norun="why not"``.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from django.conf import settings

FENCE = re.compile(
    r"^(?P<fence>```+)(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
SHELL_LANGUAGES = {"shell", "bash", "sh", "console"}


class NoteError(ValueError):
    """A note refers to a file or region that does not exist."""


@dataclass
class Block:
    """A fenced code block of a note."""

    language: str
    attributes: dict[str, str]
    body: str
    line: int
    start: int = field(repr=False)
    end: int = field(repr=False)

    @property
    def include(self) -> str | None:
        return self.attributes.get("include")

    @property
    def is_shell(self) -> bool:
        return self.language in SHELL_LANGUAGES

    def commands(self) -> list[str]:
        """Return the block's commands, one per line, without prompts."""
        lines = [line.strip() for line in self.body.splitlines()]
        return [
            line.removeprefix("$ ")
            for line in lines
            if line and not line.startswith("#")
        ]


def note_files() -> list[Path]:
    """Return every markdown file held to these rules: README, notes, guides."""
    root = Path(settings.BASE_DIR)
    return [
        root / "README.md",
        *sorted((root / "notes").glob("*.md")),
        *sorted((root / "docker").glob("*.md")),
    ]


def parse_blocks(text: str) -> list[Block]:
    """Return the fenced code blocks of a markdown text."""
    blocks = []
    for match in FENCE.finditer(text):
        words = shlex.split(match["info"].strip()) if match["info"].strip() else []
        language = words[0] if words else ""
        attributes = {}
        for word in words[1:]:
            key, _, value = word.partition("=")
            attributes[key] = value
        blocks.append(
            Block(
                language=language,
                attributes=attributes,
                body=match["body"],
                line=text.count("\n", 0, match.start()) + 1,
                start=match.start("body"),
                end=match.end("body"),
            )
        )
    return blocks


def read_region(reference: str, root: Path | None = None) -> str:
    """Return the text a reference ``path`` or ``path#region`` points to."""
    root = root or Path(settings.BASE_DIR)
    relative, _, region = reference.partition("#")
    path = (root / relative).resolve()
    if root.resolve() not in path.parents or not path.is_file():
        raise NoteError(f"{relative}: no such file in the repository")
    text = path.read_text()
    if not region:
        return text if text.endswith("\n") else text + "\n"

    start = re.compile(rf"\bregion: {re.escape(region)}\b")
    end = re.compile(rf"\bendregion: {re.escape(region)}\b")
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if start.search(line)]
    ends = [i for i, line in enumerate(lines) if end.search(line)]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise NoteError(f"{relative}: no single region {region!r}")
    inner = [
        line
        for line in lines[starts[0] + 1 : ends[0]]
        if not re.search(r"\b(end)?region: \S+", line)
    ]
    return textwrap.dedent("".join(inner))


def check_note(path: Path) -> list[str]:
    """Return the problems of a note: missing sources, drifted code, bad marks."""
    problems = []
    for block in parse_blocks(path.read_text()):
        where = f"{path.name}:{block.line}"
        if block.include:
            try:
                expected = read_region(block.include)
            except NoteError as error:
                problems.append(f"{where}: {error}")
                continue
            if block.body != expected:
                problems.append(
                    f"{where}: the code differs from {block.include}; "
                    "run `python manage.py lesson sync-notes`"
                )
        if block.is_shell and not (
            "run" in block.attributes
            or block.attributes.get("checked-by")
            or block.attributes.get("norun")
        ):
            problems.append(
                f"{where}: a shell block needs `run`, `checked-by=TEST` "
                'or `norun="reason"`'
            )
    return problems


def sync_note(path: Path) -> bool:
    """Rewrite the included blocks of a note from the source; return if changed."""
    text = path.read_text()
    pieces = []
    position = 0
    for block in parse_blocks(text):
        if not block.include:
            continue
        pieces.append(text[position : block.start])
        pieces.append(read_region(block.include))
        position = block.end
    pieces.append(text[position:])
    updated = "".join(pieces)
    if updated != text:
        path.write_text(updated)
    return updated != text


def plain_markdown(text: str) -> str:
    """Return the note with its fence attributes removed, leaving the language."""

    def keep_language(match: re.Match) -> str:
        words = match["info"].split()
        language = words[0] if words else ""
        return f"{match['fence']}{language}\n{match['body']}{match['fence']}"

    return FENCE.sub(keep_language, text)


@dataclass
class RenderedNote:
    title: str
    html: str
    toc_html: str


def render_note(path: Path) -> RenderedNote:
    """Render a note to HTML with highlighted code and a table of contents."""
    renderer = markdown.Markdown(
        extensions=["fenced_code", "codehilite", "tables", "toc", "sane_lists"],
        extension_configs={
            "codehilite": {"guess_lang": False, "css_class": "highlight"},
            "toc": {"toc_depth": "2-3", "permalink": False},
        },
        output_format="html",
    )
    text = path.read_text()
    html = renderer.convert(plain_markdown(text))
    title_match = re.search(r"^# (.+)$", text, re.MULTILINE)
    title = title_match[1].strip() if title_match else path.stem
    return RenderedNote(title=title, html=html, toc_html=renderer.toc)
