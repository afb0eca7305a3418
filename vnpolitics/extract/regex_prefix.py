"""Patterns searched faster by a look-ahead for the characters a match can open with (the first
two when every match holds two or more and both can be bounded).

Python's ``re`` tries a pattern at every position of a text; a pattern that opens with an optional
lead, a look-behind or an alternation ("(?<!\\w)(?:Sáng|Chiều ...)?\\s*(?P<d>\\d{1,2}) ...") costs
several steps at each, though nearly every position opens no match. A look-ahead for the first
characters a match can consume ("(?=[sStTcC...\\d])") fails at one step there, and changes no
match: it only tests what the pattern itself requires of the character at the match's start.

The first characters are read from the pattern as ``re`` parses it, so a new form added to a table
of patterns is covered without a second list to keep; a pattern whose opening cannot be bounded
(one that may match an empty string, or opens with any character) is compiled as it is.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

_CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s"}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT}
_ZERO_WIDTH = {c.AT, c.ASSERT, c.ASSERT_NOT}


def compile_with_opening(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, led by a look-ahead for the characters a match opens with
    when they can be bounded; the same matches, groups and offsets either way."""
    parsed = _parser.parse(pattern, flags)
    inline_flags = parsed.state.flags != _parser.parse("", flags).state.flags  # "(?i)..." opens it
    anchored = bool(parsed.data) and parsed.data[0] == (c.AT, c.AT_BEGINNING_STRING)
    anchored = anchored or (
        bool(parsed.data) and parsed.data[0] == (c.AT, c.AT_BEGINNING) and not flags & re.M
    )
    # "^..." is tried at the start alone already: a look-ahead first would have it tried everywhere
    if inline_flags or anchored:
        return re.compile(pattern, flags)
    pair = _pair(list(parsed))
    if pair is not None:  # two characters reject more positions than one: "Hà" opens no "HĐND"
        first, second = ("".join(sorted(pieces)) for pieces in pair)
        return re.compile(f"(?=[{first}][{second}])(?:{pattern})", flags)
    opening = _opening_class(parsed)
    if opening is None:
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{opening}])(?:{pattern})", flags)


def _pair(items: list) -> tuple[set[str], set[str]] | None:
    """(class pieces of a match's first character, of its second) for a sequence every match of
    which holds two characters or more, or None when they cannot be bounded so."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is c.LITERAL or op is c.IN:
            first = {_char(av)} if op is c.LITERAL else _class_pieces(av)
            second = _first(items[index + 1 :])
            if first is None or second is None or second[1]:
                return None  # unbounded, or the match may hold this one character alone
            return first, second[0]
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            # a group whose own matches hold two characters: what follows it is never read
            return None if add_flags or del_flags else _pair(list(sub))
        if op is c.BRANCH:
            pairs = [_pair(list(alternative)) for alternative in av[1]]
            if any(p is None for p in pairs):
                return None
            return set().union(*(p[0] for p in pairs)), set().union(*(p[1] for p in pairs))
        return None
    return None


def _opening_class(parsed) -> str | None:
    """The body of a character class holding every first character of a match, or None."""
    found = _first(list(parsed))
    if found is None or found[1]:
        return None  # unbounded, or the pattern may match an empty string
    return "".join(sorted(found[0]))


def _first(items: list) -> tuple[set[str], bool] | None:
    """(class pieces a sequence's match may open with, whether it may consume nothing), or None."""
    pieces: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the first character comes from what follows
        if op is c.LITERAL:
            return pieces | {_char(av)}, False
        if op is c.IN:
            opening = _class_pieces(av)
            return None if opening is None else (pieces | opening, False)
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            found = None if add_flags or del_flags else _first(list(sub))
        elif op is c.BRANCH:
            found = _branch(av[1])
        elif op in _REPEATS:
            low, _, sub = av
            found = _first(list(sub))
            if found is not None and low == 0:
                found = (found[0], True)
        else:
            return None  # any character, a back-reference, a conditional ...: not bounded
        if found is None:
            return None
        pieces |= found[0]
        if not found[1]:
            return pieces, False
    return pieces, True


def _branch(alternatives: list) -> tuple[set[str], bool] | None:
    pieces: set[str] = set()
    nullable = False
    for alternative in alternatives:
        found = _first(list(alternative))
        if found is None:
            return None
        pieces |= found[0]
        nullable = nullable or found[1]
    return pieces, nullable


def _class_pieces(items: list) -> set[str] | None:
    pieces = set()
    for op, av in items:
        if op is c.LITERAL:
            pieces.add(_char(av))
        elif op is c.RANGE:
            pieces.add(f"{_char(av[0])}-{_char(av[1])}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            pieces.add(_CATEGORIES[av])
        else:
            return None  # a negated class, a category such as \W: not bounded
    return pieces


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def required_literal(pattern: str, flags: int = 0) -> str:
    """The longest run of plain characters every match of ``pattern`` holds ("" if none): a text
    without it has no match, so a search can skip it ("tháng" in "(?:Sáng )?(\\d+) tháng (\\d+)").

    Read from the pattern's top-level sequence as ``re`` parses it (and groups that add no flags);
    anything optional, repeated or alternative breaks a run, and look-arounds are left out (they
    may read past what the match holds). Under IGNORECASE the run is matched in lower case."""
    runs, run = [], ""
    for op, av in _required_items(list(_parser.parse(pattern, flags))):
        if op is c.LITERAL:
            run += chr(av)
            continue
        runs.append(run)
        run = ""
    runs.append(run)
    return max(runs, key=len)


def _required_items(items: list) -> list:
    """The items of a sequence, groups without flags opened in place."""
    out = []
    for op, av in items:
        if op is c.SUBPATTERN and not (av[1] or av[2]):
            out += _required_items(list(av[3]))
        else:
            out.append((op, av))
    return out
