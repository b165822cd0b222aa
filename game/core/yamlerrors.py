"""YAML syntax errors in plain words: what is wrong on the line, how to fix it, the line and a caret.

libyaml says ``did not find expected key``; a trainer needs "this line is
indented 6 spaces but the other keys here are at 8". :func:`explain` reads
the parser's error and the text around its mark and returns
``(line, column, message)`` (1-based), the message ending with the line as
written and a ``^`` under the place::

    this line is indented 7 spaces, but the other keys of this item are at 8; ...
        |        next: x
        |       ^
"""

from __future__ import annotations

import re
from typing import Any

from game.core.problems import EXCERPT

_KEY = re.compile(r"^(\s*)(- )?([^\s:#'\"{}\[\],][^:#]*?|\"[^\"]*\"|'[^']*'):(\s|$)")


def explain(text: str, exc: Any) -> tuple[int, int, str]:
    """The line, column and plain-words message for a ``yaml.MarkedYAMLError``."""
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    row, col = (mark.line, mark.column) if mark else (0, 0)
    problem = str(exc.problem or exc.context or "the YAML is malformed")
    context = str(exc.context or "")
    start = exc.context_mark
    message = f"YAML syntax: {problem}"  # what libyaml says, when no reason below fits
    for reason in (_tab, _quote_not_closed, _flow, _block_sequence_here, _mapping_values, _expected_key, _expected_dash, _cannot_start):
        try:
            found = reason(lines + ["", ""], row, col, problem, context, start)
        except (IndexError, ValueError, AttributeError):  # text too odd to read around: keep libyaml's words
            found = None
        if found:
            row, col, message = found
            break
    return row + 1, col + 1, message + show(lines, row, col)


def show(lines: list[str], row: int, col: int) -> str:
    """The line as written and a caret under the column (0-based)."""
    if not 0 <= row < len(lines):
        return ""
    line = lines[row].replace("\t", " ")
    return f"{EXCERPT}{line}{EXCERPT}{' ' * max(0, min(col, len(line)))}^"


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tab(lines: list[str], row: int, col: int, problem: str, context: str, start: Any):
    for r in (row, row - 1):
        if 0 <= r < len(lines) and "\t" in lines[r][: _indent(lines[r]) + 1]:
            return r, lines[r].index("\t"), ("this line is indented with a tab; YAML needs spaces: replace the tab with spaces "
                                             "(as many as the lines around it use)")
    return None


def _quote_not_closed(lines, row, col, problem, context, start):
    if "quoted scalar" not in context or start is None:
        return None
    quote = lines[start.line][start.column : start.column + 1] if start.line < len(lines) else '"'
    if "end of stream" in problem or "end of the document" in problem:
        return start.line, start.column, f"the text that starts with {quote} here is never closed; add the closing {quote} at the end of the text"
    if "escape" in problem:
        return row, col, ("a '\\' inside double quotes starts an escape like \\n; write '\\\\' for a backslash, "
                          "or put the text in single quotes")
    return start.line, start.column, f"the text in quotes that starts here is not closed properly ({problem}); check its closing {quote}"


def _flow(lines, row, col, problem, context, start):
    """Inside { } or [ ]: an unquoted ': ', an apostrophe, a '#', or a bracket never closed."""
    if "expected ',' or" not in problem:
        return None
    closer = problem.rstrip("'")[-1]
    opener = "{" if closer == "}" else "["
    first = start.line if start is not None else row
    opening = lines[first] if first < len(lines) else ""
    hash_at = opening.find(" #", start.column if start is not None else 0)
    if hash_at >= 0:
        return first, hash_at + 1, "a ' #' starts a comment, so the rest of the line is cut off; put the text in double quotes"
    if start is not None and row > start.line and _indent(lines[row]) <= _indent(lines[start.line]):
        return start.line, start.column, (f"the '{opener}' here is never closed: add '{closer}' at the end of the line "
                                          f"(a {{...}} or [...] must close on the line where it opens, or on a line indented more)")
    line = lines[row] if row < len(lines) else ""
    before = line[:col]
    segment = (before[before.rfind(opener) + 1 :] if opener in before else before).split(",")[-1]
    if line[col - 1 : col] == "'" and "'" in segment[:-1]:
        return row, col - 1, ("an apostrophe inside a text in single quotes ends the text; put the text in double quotes "
                              "(\"It's fine\") or write the apostrophe twice ('It''s fine')")
    if line[col : col + 1] == ":" and ":" in segment:
        key, _, value = segment.strip().partition(":")
        rest = re.split(r"[,%s]" % re.escape(closer), line[col:], maxsplit=1)[0].rstrip()
        return row, col, (f"a ':' followed by a space inside a text needs the whole text in quotes: "
                          f"{key}: \"{value.strip()}{rest}\"")
    if '"' in segment or '"' in before:
        return _after_quote(line, row, col)
    return row, col, (f"inside {opener} {closer} the items are separated by ', ' and the last is followed by '{closer}'; "
                      f"a text with ':', ',', '#' or quotes in it needs double quotes around it")


def _after_quote(line: str, row: int, col: int) -> tuple[int, int, str]:
    """Text after a closing quote, or a closing quote missing so the next key was swallowed."""
    closing = line.rfind('"', 0, col)
    opening = line.rfind('"', 0, closing) if closing > 0 else -1
    swallowed = re.search(r",\s*[a-z_]+:\s", line[opening + 1 : closing]) if opening >= 0 else None
    if swallowed:
        end = opening + 1 + swallowed.start()
        return row, end, (f"the text in quotes that starts at column {opening + 1} has no closing quote: "
                          f"add '\"' here, at the end of the text, before '{swallowed.group().strip()}'")
    return row, col, "text goes on after its closing quote; put the whole text inside the quotes"


def _block_sequence_here(lines, row, col, problem, context, start):
    if "block sequence entries are not allowed" not in problem:
        return None
    key = lines[row][:col].rstrip()
    return row, col, (f"a list cannot start on the same line as its key: put '- ...' on the next line, indented under "
                      f"'{key.strip().rstrip(':')}', or write the list in brackets: {key} [a, b]")


def _mapping_values(lines, row, col, problem, context, start):
    if "mapping values are not allowed" not in problem:
        return None
    line = lines[row]
    head = _KEY.match(line)
    if head and col > head.end() - 1:  # a second ': ' on a line that already has its key: a colon inside the text
        key = head.group(3)
        value = line[head.end():].strip()
        return row, col, (f"a ':' followed by a space inside a text needs the whole text in quotes: "
                          f"{key}: \"{value}\"")
    previous = _previous_content(lines, row)
    if previous is not None and _indent(line) > _indent(lines[previous]):
        above = _KEY.match(lines[previous])
        at = _indent(lines[previous]) + (2 if above and above.group(2) else 0)
        return row, _indent(line), (f"this line is indented {_spaces(_indent(line))}, more than the line above ({at}), but that line's "
                                    f"value is already written; line it up with the keys above, or put a text that goes on over "
                                    f"several lines in quotes")
    return row, col, "a ':' followed by a space here makes this look like a key; if it is part of a text, put the whole text in quotes"


def _expected_key(lines, row, col, problem, context, start):
    if "expected key" not in problem or start is None:
        return None
    line = lines[row] if row < len(lines) else ""
    if col > _indent(line):  # the trouble is inside the line: text after a quoted text
        if re.search(r"[\"'][^\"']*$", line[:col]) or line[:col].rstrip().endswith(('"', "'")):
            return _after_quote(line, row, col)
        return row, col, "this line cannot be read as 'key: value'; if the value has ': ' or starts with a quote, put it all in double quotes"
    want = start.column
    have = _indent(line)
    if line.lstrip().startswith("- "):
        items = [_indent(lines[r]) for r in range(row - 1, -1, -1) if lines[r].lstrip().startswith("- ")]
        at = f"the items above are at {items[0]}; indent it {_spaces(items[0])} to line up its '- ' with theirs" if items else "line its '- ' up with the other items of its list"
        return row, have, f"this list item is indented {_spaces(have)}, but {at}"
    return row, have, (f"this line is indented {_spaces(have)}, but the other keys here are at {want}; "
                       f"indent it {_spaces(want)} to keep it with them")


def _expected_dash(lines, row, col, problem, context, start):
    if "expected '-' indicator" not in problem or start is None:
        return None
    line = lines[row] if row < len(lines) else ""
    dash = start.column
    have = _indent(line)
    inner = _item_keys_column(lines, start.line, row, dash)
    if line.lstrip().startswith("- "):  # a new item out of line with the items above
        return row, have, f"this list item is indented {_spaces(have)}, but the items above are at {dash}; indent it {_spaces(dash)} to line up its '- ' with theirs"
    if have == dash:
        return row, have, (f"this line is at the level of the list's '- ' but does not start with '- '; indent it {_spaces(inner)} to make it "
                           f"part of the item above, or start it with '- ' to begin a new item")
    return row, have, (f"this line is indented {_spaces(have)}, but the other keys of this item are at {inner}; "
                       f"indent it {_spaces(inner)} (or move it left to line up with the key that holds the list)")


def _item_keys_column(lines: list[str], first: int, row: int, dash: int) -> int:
    """Where the keys of the list items start: after '- ' of the item above ``row``."""
    for r in range(row - 1, first - 1, -1):
        line = lines[r]
        if line.strip() and _indent(line) == dash and line.lstrip().startswith("- "):
            return dash + 2 + (len(line[dash + 2 :]) - len(line[dash + 2 :].lstrip(" ")))
    return dash + 2


def _cannot_start(lines, row, col, problem, context, start):
    if "cannot start any token" not in problem:
        return None
    char = lines[row][col : col + 1] if row < len(lines) else ""
    return row, col, f"a text cannot start with '{char}' unless it is in quotes; put the whole text in double quotes"


def _previous_content(lines: list[str], row: int) -> int | None:
    for r in range(row - 1, -1, -1):
        if lines[r].strip() and not lines[r].lstrip().startswith("#"):
            return r
    return None
