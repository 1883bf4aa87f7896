"""Markdown to card HTML and plain text: one configured markdown-it, a few rules of ours."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import validateLink
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from flashcards import sanitize
from flashcards.highlight import highlight
from flashcards.syntax import math
from flashcards.syntax.admonitions import admonitions_plugin
from flashcards.syntax.attribute_lists import attribute_lists_plugin
from flashcards.syntax.callouts import callouts_plugin
from flashcards.syntax.cjk_emphasis import cjk_emphasis_plugin
from flashcards.syntax.headless_definitions import headless_definitions_plugin
from flashcards.syntax.html_code import html_code_plugin
from flashcards.syntax.html_document import html_document_plugin
from flashcards.syntax.html_lines import html_lines_plugin
from flashcards.syntax.html_strong import html_strong_plugin
from flashcards.syntax.indented_text import indented_text_plugin
from flashcards.syntax.line_breaks import BREAKS, ends_line, line_breaks_plugin
from flashcards.syntax.link_labels import link_labels_plugin
from flashcards.syntax.links import links_plugin
from flashcards.syntax.mark import mark_plugin
from flashcards.syntax.presentation_tags import presentation_tags_plugin
from flashcards.syntax.tight_headings import tight_headings_plugin
from flashcards.syntax.wikilinks import wikilinks_plugin

KEY_CLASS = "key"
"""The class that marks an author's key phrase (inline code) on a card."""

MAX_NESTING = 100
"""markdown-it silently drops what lies deeper than this many token levels; see `too_deep`."""

_RAW = {"html_block", "html_inline"}
_HIDDEN = re.compile(r"</?(?:script|style)\b", re.I)


def _code_inline(
    _renderer: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f'<code class="{KEY_CLASS}">{escapeHtml(tokens[idx].content)}</code>'


def _image(
    _renderer: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # The tag waits aside behind a mark: the sanitizer, run over the whole when the sheet
    # has raw HTML, drops every <img> (a sheet's own raw ones included, as it should).
    tok = tokens[idx]
    alt = plain(tok.children) if tok.children else str(tok.attrGet("alt") or "")
    src = str(tok.attrGet("src") or "")
    if src.strip().lower().startswith("data:") or not validateLink(src):
        return escapeHtml(alt)  # a `javascript:` picture keeps its words, as a link does
    width = tok.attrGet("width")
    size = f' width="{width}"' if width else ""
    tag = f'<img src="{escapeHtml(src)}" alt="{escapeHtml(alt)}"{size}>'
    kept = env.setdefault("pictures", [])
    kept.append(tag)
    return f"{_MARK}{len(kept) - 1}{_MARK}"


_MARK = "fc" + secrets.token_hex(12)
"""Stands for a picture until the HTML is safe; a sheet cannot guess it."""
_MARKED = re.compile(f"{_MARK}(\\d+){_MARK}")


def _pictured(rendered: str, env: EnvType) -> str:
    """The rendered HTML with each picture's mark replaced by its tag."""
    kept = env.get("pictures")
    return _MARKED.sub(lambda m: kept[int(m[1])], rendered) if kept else rendered


def _make() -> MarkdownIt:
    # Raw HTML is parsed as HTML and then cut down to a safe subset (see `sanitize`).
    md = MarkdownIt(
        "commonmark",
        {
            "html": True,
            "linkify": False,
            "typographer": False,
            "maxNesting": MAX_NESTING,
            "highlight": highlight,  # fenced code with a language; "" leaves it plain
        },
    ).enable("table")
    md.use(front_matter_plugin)
    md.use(cjk_emphasis_plugin)
    md.use(deflist_plugin)
    md.use(headless_definitions_plugin)
    md.use(tight_headings_plugin)
    md.use(html_lines_plugin)
    md.use(attribute_lists_plugin)
    md.use(line_breaks_plugin)
    md.use(link_labels_plugin)
    md.use(links_plugin)
    md.use(wikilinks_plugin)
    md.use(callouts_plugin, sanitize.CALLOUT_KINDS)
    md.use(admonitions_plugin, sanitize.CALLOUT_KINDS)
    md.use(math.math_plugin)
    md.use(html_document_plugin)
    md.use(html_strong_plugin)
    md.use(presentation_tags_plugin)
    md.use(html_code_plugin)
    md.use(mark_plugin)
    md.use(indented_text_plugin)
    md.add_render_rule("code_inline", _code_inline)
    md.add_render_rule("image", _image)
    return md


MD = _make()


_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)", re.M)
_REFERENCE = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:", re.M)


def pieces(text: str, cut: bool = True) -> list[tuple[int, int, int]]:
    """Where to cut the text for parsing: (number of lines before, start, end) of each piece.

    Parsing a large sheet whole builds and holds millions of tokens at once. An ATX heading
    at the start of a line ends every open block but a top-level fenced code block, so the
    text is cut before each one and the pieces parse as the whole does; a piece that ends
    inside such a fence shows that the cut was inside it (see `ends_open`). Not cut at
    all when a link reference definition, usable anywhere in the text, is present.
    """
    if not cut or _REFERENCE.search(text):
        return [(0, 0, len(text))]
    # Never before the first block (front matter aside): the first piece holds the intro.
    first = _CONTENT.search(text, _front_matter_end(text))
    begin = first.start() if first else len(text)
    cuts = [m.start() for m in _HEADING.finditer(text, begin) if m.start() > begin]
    found, line = [], 0
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        found.append((line, start, end))
        line += text.count("\n", start, end)
    return found


_CONTENT = re.compile(r"\S")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def _front_matter_end(text: str) -> int:
    """Where YAML front matter ends (0 when there is none): no cut inside it."""
    if not text.startswith("---\n"):
        return 0
    end = _FRONT_MATTER_END.search(text, 4)
    return end.end() if end else len(text)


def ends_open(toks: Sequence[Token], part: str) -> bool:
    """Whether the part's last top-level block may go on past its end: a fenced code block
    left open, or raw HTML running to its last line (an HTML block ends at a blank line or
    at its own end marker, so the next part's heading could belong to it)."""
    last = next((t for t in reversed(toks) if t.level == 0), None)
    if last is None or not last.map:
        return False
    if last.type == "html_block":
        return last.map[1] >= part.count("\n") + (not part.endswith("\n"))
    if last.type != "fence":
        return False
    lines = part.split("\n")
    closing = lines[last.map[1] - 1].strip() if last.map[1] - 1 > last.map[0] else ""
    marker = last.markup
    return not (closing.startswith(marker) and not closing.strip(marker[0]))


def containers(toks: Sequence[Token]) -> list[str]:
    """For each token, the kind of the innermost block that holds it ("blockquote",
    "list_item", "callout", …; "" at the top), in one pass."""
    found: list[str] = []
    open_kinds: list[str] = []
    for tok in toks:
        if tok.nesting == -1 and open_kinds:
            open_kinds.pop()
        found.append(open_kinds[-1] if open_kinds else "")
        if tok.nesting == 1:
            open_kinds.append(tok.type.removesuffix("_open"))
    return found


def tokens(text: str) -> list[Token]:
    """The block token stream of a source; each block token's `map` holds its lines."""
    return MD.parse(text)


def too_deep(toks: Sequence[Token]) -> Token | None:
    """The first token at the depth where markdown-it stops reading, if any.

    Past `MAX_NESTING` levels the parser skips the rest of the block without a word; a
    definition cut short would be a wrong card, so the parser reports it instead.
    """
    # A container opened at the last level has its content tokenized one level deeper,
    # where markdown-it gives up.
    return next((t for t in toks if t.nesting == 1 and t.level >= MAX_NESTING - 1), None)


_LISTS = {"bullet_list", "ordered_list"}
_QUOTES = {"blockquote", "callout"}


def too_deep_message(toks: Sequence[Token], deepest: Token) -> str:
    """What nests too deep at `deepest`, lists or blockquotes, and how deep they may go.

    A list level takes two token levels (the list and its item), a blockquote one; the text
    inside takes one more. So lists stop at 49 levels and blockquotes at 98.
    """
    lists = quotes = 0
    for tok in toks:
        if tok is deepest:
            break
        kind = tok.type.rpartition("_")[0]  # "bullet_list" of "bullet_list_open"
        if kind in _LISTS:
            lists += tok.nesting
        elif kind in _QUOTES:
            quotes += tok.nesting
    if not quotes:
        return f"nested more than {MAX_NESTING // 2 - 1} levels deep; flatten the lists"
    if not lists:
        return f"blockquotes nested more than {MAX_NESTING - 2} levels deep; flatten the quotes"
    return (
        "lists and blockquotes nested too deep: a list counts two levels, a blockquote one,"
        f" and at most {MAX_NESTING - 2} levels are read; flatten them"
    )


def html(block_tokens: Sequence[Token]) -> str:
    """Card HTML for a run of block tokens; pictures as `<img src="path as written">`."""
    env: EnvType = {}
    rendered = MD.renderer.render(block_tokens, MD.options, env)
    return _pictured(_safe(rendered, block_tokens), env).strip()


def inline_html(children: Sequence[Token]) -> str:
    """Card HTML for a run of inline tokens."""
    env: EnvType = {}
    rendered = MD.renderer.renderInline(children, MD.options, env)
    return _pictured(_safe(rendered, children), env).strip()


def _safe(rendered: str, toks: Sequence[Token]) -> str:
    """Rendered HTML, sanitized where the sheet's own HTML is in it (and only there: text
    that markdown-it escaped needs nothing more, and keeps its bytes)."""
    return sanitize.clean(rendered) if _has_raw_html(toks) else rendered


def _has_raw_html(toks: Sequence[Token]) -> bool:
    return any(
        t.type in _RAW or (t.children is not None and any(c.type in _RAW for c in t.children))
        for t in toks
    )


def plain(children: Sequence[Token]) -> str:
    """The words a reader sees in a run of inline tokens, without markup."""
    parts: list[str] = []
    hidden = False  # inside raw <script> or <style>: never words a reader sees
    for child in children:
        if child.type == "html_inline" and _HIDDEN.match(child.content):
            hidden = not child.content.startswith("</")
        elif hidden:
            continue
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in math.INLINE:
            parts.append(math.plain(child))
        elif child.type in BREAKS or (child.type == "html_inline" and _is_break(child)):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _is_break(tok: Token) -> bool:
    return tok.content[:3].lower() == "<br"


def block_plain(block_tokens: Sequence[Token]) -> str:
    """Plain text of a run of block tokens, a line per block of text."""
    lines: list[str] = []
    for t in block_tokens:
        if t.type == "inline":
            lines.append(plain(t.children or []))
        elif t.type in ("fence", "code_block"):
            lines.append(t.content.strip())
        elif t.type == math.BLOCK:
            lines.append(math.plain(t))
        elif t.type == "html_block":
            lines.append(" ".join(sanitize.text(t.content).split()))
    return "\n".join(line for line in lines if line)


def bold_whole(children: Sequence[Token]) -> Sequence[Token] | None:
    """The tokens inside a line that is one bold span and nothing else but spaces
    (`**Login**`, `__X이란 …__`); None for any other line."""
    inner = [c for c in children if not (c.type == "text" and not c.content.strip())]
    if len(inner) < 3 or inner[0].type != "strong_open" or inner[-1].type != "strong_close":
        return None
    return inner[1:-1] if sum(c.type == "strong_open" for c in inner) == 1 else None


def lines(children: Sequence[Token]) -> list[list[Token]]:
    """A paragraph's inline tokens, line by line as a reader sees them (a line break ends a
    line, a `<br>` too; see `rows` for the source's lines)."""
    found: list[list[Token]] = [[]]
    for child in children:
        if child.type in BREAKS:
            found.append([])
        else:
            found[-1].append(child)
    return found


def rows(children: Sequence[Token]) -> list[int]:
    """For each line that `lines` gives, how many lines of the source come before it in the
    paragraph: a `<br>` inside a source line starts a line a reader sees on the same row."""
    found, row = [0], 0
    for child in children:
        if child.type in BREAKS:
            row += ends_line(child)
            found.append(row)
    return found


_SENTENCE_BREAK = re.compile(r"(?<=[.!?。])\s+(?=\S|$)|(?<=다\.)\s*(?=\S|$)")


def _ends_sentence(sentence: Sequence[Token]) -> bool:
    """Whether a sentence so far ends with its closing mark, as text."""
    last = sentence[-1] if sentence else None
    return last is not None and last.type == "text" and _CLOSED.search(last.content) is not None


_CLOSED = re.compile(r"[.!?。]\s*$")


def joined(lines: Sequence[Sequence[Token]]) -> list[Token]:
    """Lines of inline tokens (see `lines`) back in one run, a soft break between each."""
    run: list[Token] = [*lines[0]] if lines else []
    for line in lines[1:]:
        run += [Token("softbreak", "br", 0), *line]
    return run


def sentences(children: Sequence[Token]) -> list[list[Token]]:
    """A run of inline tokens cut into sentences (after `.`, `!`, `?` and a space or a line
    break, or after a Korean `다.`); a cut falls only in text, never inside markup."""
    found: list[list[Token]] = [[]]
    for child in children:
        if child.type in BREAKS and _ends_sentence(found[-1]):
            found[-1].append(child)
            found.append([])
            continue
        if child.type != "text" or not _SENTENCE_BREAK.search(child.content):
            found[-1].append(child)
            continue
        parts = _SENTENCE_BREAK.split(child.content)
        for k, part in enumerate(parts):
            if k:
                found.append([])
            if part:
                piece = child.copy()
                piece.content = part
                found[-1].append(piece)
    return [s for s in found if s]


def only_links(children: Sequence[Token]) -> bool:
    """Whether inline tokens hold links and pictures and nothing outside them but spaces and
    the marks that set links apart (`[Bilibili](…)/[Youtube](…)`): a reference, no text."""
    depth = 0
    for child in children:
        depth += {"link_open": 1, "link_close": -1}.get(child.type, 0)
        if depth == 0 and child.type == "text" and child.content.strip(_BETWEEN_LINKS):
            return False
        if child.type not in ("text", "link_open", "link_close", "image", "softbreak"):
            return False
    return bool(children)


_BETWEEN_LINKS = " \t/,;|\u00b7"
