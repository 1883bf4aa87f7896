"""The note types' style: light and night, fluid on a phone, a Korean font stack."""

from __future__ import annotations

from flashcards.highlight import css as highlight_css

CSS = """\
/* Every colour is a variable set in the light rule or the night rule below, and nowhere else. */
.card {
  --fg: #1b1b1f;
  --bg: #ffffff;
  --muted: #575b61;
  --rule: #d5d7db;
  --key-fg: #3b2a00;
  --key-bg: #fdeeb5;
  --link: #0b57d0;
  --code-bg: #f4f5f7;
  --code-keyword: #7b1fa2;
  --code-builtin: #00639b;
  --code-function: #0b57d0;
  --code-string: #2e7d32;
  --code-number: #b3261e;
  --code-comment: #5f6368;
  color: var(--fg);
  background-color: var(--bg);
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card, .night-mode .card {
  --fg: #ececef;
  --bg: #1c1c1f;
  --muted: #b4b8bf;
  --rule: #45474c;
  --key-fg: #fff1c2;
  --key-bg: #4d3d06;
  --link: #a8c7fa;
  --code-bg: #26272b;
  --code-keyword: #d7aefb;
  --code-builtin: #7cd0ff;
  --code-function: #a8c7fa;
  --code-string: #9ad29a;
  --code-number: #f6ae8f;
  --code-comment: #a5a9b0;
}

/* Fluid: no fixed widths, so a 390px phone and a desktop window both fit. */
.card {
  font-family: "Apple SD Gothic Neo", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic",
    "Nanum Gothic", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 1.2rem;
  line-height: 1.65;
  text-align: left;
  word-break: keep-all;       /* Korean lines break between words, not inside them */
  overflow-wrap: anywhere;    /* but a long URL or identifier never overflows */
  margin: 0 auto;
  padding: 1rem 1.1rem 2rem;
  max-width: 42rem;
  box-sizing: border-box;
  -webkit-text-size-adjust: 100%;
}
.card * { box-sizing: border-box; max-width: 100%; }
.card img { height: auto; }      /* a picture narrowed to the phone keeps its shape */
.meta {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25em 0.6em;
  font-size: 0.8rem;
  color: var(--muted);
  margin-bottom: 0.6em;
}
.prompt::before { content: "· "; }
.term { font-size: 1.55rem; font-weight: 700; line-height: 1.35; }
.expansion { font-size: 1.3rem; font-weight: 600; }
.definition { margin-top: 0.4em; }
.language { font-size: 0.75rem; color: var(--muted); margin-top: 0.9em; letter-spacing: 0.02em; }
hr#answer { border: 0; border-top: 1px solid var(--rule); margin: 1em 0; }
code.key {
  font-family: inherit;
  font-weight: 600;
  padding: 0.05em 0.12em;
  border-radius: 0.25em;
  color: var(--key-fg);
  background-color: var(--key-bg);
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
.blank { color: var(--muted); font-weight: 600; letter-spacing: 0.05em; }
a { color: var(--link); }
ul, ol { padding-left: 1.3em; margin: 0.4em 0; }
p { margin: 0.4em 0; }
.cloze { font-weight: 700; color: var(--key-fg); background-color: var(--key-bg); }

/* What sheets write beyond lists: callout boxes, key caps, tables, headings in a definition. */
.callout { border-left: 0.25em solid var(--rule); padding: 0.2em 0 0.2em 0.7em; margin: 0.6em 0; }
.callout-title { font-weight: 700; color: var(--muted); }
kbd {
  font-family: inherit;
  font-size: 0.9em;
  padding: 0 0.3em;
  border: 1px solid var(--rule);
  border-radius: 0.25em;
}
sup, sub { line-height: 0; }
table { display: block; overflow-x: auto; border-collapse: collapse; margin: 0.4em 0; }
th, td { border: 1px solid var(--rule); padding: 0.2em 0.45em; vertical-align: top; }
.definition :is(h1, h2, h3, h4, h5, h6) { font-size: 1.05em; margin: 0.6em 0 0.2em; }
blockquote { margin: 0.4em 0; padding-left: 0.7em; border-left: 0.2em solid var(--rule); }
details > summary { font-weight: 600; }

/* Code blocks, highlighted at build time: a long line scrolls inside its block, never the card. */
pre {
  overflow-x: auto;
  padding: 0.5em 0.7em;
  border-radius: 0.3em;
  background-color: var(--code-bg);
  font-size: 0.85em;
  line-height: 1.45;
}
pre code { font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono CJK KR", monospace; }
/* A formula set by MathJax wider than the phone scrolls too. */
div.math { overflow-x: auto; }
""" + highlight_css()  # each token kind's colour: the variables above
