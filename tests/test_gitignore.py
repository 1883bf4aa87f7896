"""pathspec, which decides what a folder deck skips, against the examples of git's own
gitignore documentation (gitignore(5), "PATTERN FORMAT" and "EXAMPLES")."""

from __future__ import annotations

import pathspec
import pytest

from flashcards.folders import files

# (pattern lines, path as git compares it, ignored?); a folder's path ends in "/".
EXAMPLES = [
    (["hello.*"], "hello.md", True),
    (["hello.*"], "a/hello.txt", True),
    (["hello.*"], "a/hello", False),
    (["doc/frotz/"], "doc/frotz/", True),
    (["doc/frotz/"], "a/doc/frotz/", False),
    (["frotz/"], "frotz/", True),
    (["frotz/"], "a/frotz/", True),
    (["frotz/"], "frotz", False),  # a file named frotz: the slash asks for a folder
    (["/bar"], "bar", True),
    (["/bar"], "a/bar", False),
    (["foo/*"], "foo/test.json", True),
    (["foo/*"], "foo/bar/", True),
    (["foo/*"], "a/foo/test.json", False),
    (["**/foo"], "foo", True),
    (["**/foo"], "x/y/foo", True),
    (["**/foo/bar"], "x/foo/bar", True),
    (["abc/**"], "abc/x/y.md", True),
    (["abc/**"], "x/abc/y.md", False),
    (["a/**/b"], "a/b", True),
    (["a/**/b"], "a/x/b", True),
    (["a/**/b"], "a/x/y/b", True),
    (["*.md", "!keep.md"], "keep.md", False),
    (["*.md", "!keep.md"], "drop.md", True),
    ([r"\!important!.txt"], "!important!.txt", True),
    ([r"\#notes.md"], "#notes.md", True),
    (["#notes.md"], "#notes.md", False),  # a comment
    (["/*", "!/foo", "/foo/*", "!/foo/bar"], "foo/bar/x.md", False),
    (["/*", "!/foo", "/foo/*", "!/foo/bar"], "foo/baz.md", True),
    (["/*", "!/foo", "/foo/*", "!/foo/bar"], "other.md", True),
]


@pytest.mark.parametrize(("lines", "path", "ignored"), EXAMPLES)
def test_pathspec_reads_gitignore_as_git_documents_it(
    lines: list[str], path: str, ignored: bool
) -> None:
    decided = pathspec.GitIgnoreSpec.from_lines(lines).check_file(path).include
    assert bool(decided) is ignored


def test_the_nearest_gitignore_decides(tmp_path) -> None:
    (tmp_path / "sub/deeper").mkdir(parents=True)
    for name in ("a.md", "sub/a.md", "sub/b.md", "sub/deeper/a.md"):
        (tmp_path / name).write_text("- **A**: B.\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("a.md\n", encoding="utf-8")
    (tmp_path / "sub/.gitignore").write_text("!a.md\nb.md\n", encoding="utf-8")
    (tmp_path / "sub/deeper/.gitignore").write_text("*.md\n", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in files(tmp_path)]
    assert found == ["sub/a.md"]
