"""Read the keywords of a SPARQL request without running it.

The endpoint must know, before it runs anything, whether a text is a query or an update,
which query form it is (to negotiate the result format) and whether it has a ``SERVICE``
clause (which would make the server fetch a URL of the client's choosing). A regular
expression over the raw text is fooled by ``"SERVICE"`` in a string, ``<…/SERVICE>`` in
an IRI or ``# SERVICE`` in a comment; this lexer skips those, as
:func:`graph.store._where_brace` does.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

# An IRIREF (SPARQL grammar, production 139): nothing of these between < and >.
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
# A prefixed name (``ex:SERVICE``, ``SERVICE:x``, ``:a.b``) is one token that is not a
# keyword; a bare word is letters, digits and underscores only, so the engine's own
# splitting of ``?o .SERVICE`` or ``a.SERVICE`` into ``.`` and ``SERVICE`` is matched.
_WORD = re.compile(r"(?:[^\W\d][\w\-.\u00b7]*)?:[\w\-.:%\u00b7]*|[^\W\d]\w*")
# Numbers on their own, so ``1.SERVICE`` is ``1``, ``.``, ``SERVICE`` as the engine reads it.
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_VARIABLE = re.compile(r"[?$]\w+")
_LANGTAG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[a-z]+)?")


def keywords(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, WORD)`` for each bare word outside strings, IRIs, comments and variables.

    Words come upper-cased; a prefixed name keeps its colon, so it never equals a keyword.

    >>> [w for _, w in keywords('SELECT ?service WHERE { ?s ex:SERVICE "SERVICE" } # SERVICE')]
    ['SELECT', 'WHERE', 'EX:SERVICE']
    >>> [w for _, w in keywords("ASK { <http://x/SERVICE> ?p '''a\\nSERVICE''' }")]
    ['ASK']
    >>> [w for _, w in keywords('ASK ²SERVICE')]  # a digit to str.isdigit, not a number
    ['ASK', '²SERVICE']
    """
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in "'\"":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
        elif c == "<" and (iri := _IRIREF.match(text, i)):
            i = iri.end()
        elif c in "?$" and (variable := _VARIABLE.match(text, i)):
            i = variable.end()
        elif c == "@":
            # A language tag ("…"@en) or a direction; never a keyword.
            tag = _LANGTAG.match(text, i + 1)
            i = tag.end() if tag else i + 1
        elif c.isdigit() and (number := _NUMBER.match(text, i)):
            i = number.end()
        elif word := _WORD.match(text, i):
            yield i, word.group().upper()
            i = word.end()
        else:
            i += 1


def query_form(text: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``; ``UPDATE`` for an update; else None.

    >>> query_form('PREFIX s: <http://x/ASK#> # CONSTRUCT\\nselect * { ?s ?p "DESCRIBE" }')
    'SELECT'
    >>> query_form("INSERT DATA { <http://a> <http://b> <http://c> }")
    'UPDATE'
    >>> query_form("PREFIX") is None
    True
    """
    return _outline(text)[0]


def service_clause(text: str) -> int | None:
    """Offset of the first ``SERVICE`` keyword outside strings, IRIs and comments, or None.

    >>> service_clause('SELECT * { ?s ?p "SERVICE <http://evil>" }') is None
    True
    >>> service_clause("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    11
    >>> service_clause("SELECT * { service silent <http://x> { } }")
    11
    >>> service_clause("SELECT * { ?s ?p 1.SERVICE <http://x> { } }")
    19
    >>> service_clause("SELECT * { ?s a.Service <http://x> { } }")
    16
    """
    return _outline(text)[1]


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``.

    >>> line_column("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


#: Texts longer than this are lexed afresh each time rather than kept in the cache.
OUTLINE_CACHE_CHARS = 8192


def outline(text: str) -> tuple[str | None, int | None]:
    """:func:`query_form` and :func:`service_clause` in one pass, remembered for short texts.

    Clients send the same few queries again and again; lexing one costs more than
    answering a selective query, so the recent answers are kept.

    >>> outline('SELECT * { SERVICE <http://x> { } }')
    ('SELECT', 11)
    >>> outline("INSERT DATA { <http://a> <http://b> 'SERVICE' }")
    ('UPDATE', None)
    """
    if len(text) > OUTLINE_CACHE_CHARS:
        return _outline(text)
    return _cached_outline(text)


def _outline(text: str) -> tuple[str | None, int | None]:
    """The first query form (or ``UPDATE``) and the offset of the first ``SERVICE``, in one pass."""
    form = service = None
    for offset, word in keywords(text):
        if form is None:
            if word in QUERY_FORMS:
                form = word
            elif word in UPDATE_KEYWORDS:
                form = "UPDATE"
        if word == "SERVICE" and service is None:
            service = offset
        if form is not None and service is not None:
            break
    return form, service


_cached_outline = lru_cache(maxsize=256)(_outline)
