"""Does a text meant to be Indonesian still hold English words? A checker for tests.

`english_words(text)` lists the English words of ``text``: words of a list of
common English words that are not also Indonesian (nor loanwords PST texts use,
such as *data*, *online*, *status*, *target*). What a person reads as data or
code is left out before looking:

* quoted values (``'17/03/2026'``, ``"pst-core[plot]"``, ```code```), as errors
  show the values they were given;
* identifiers: dotted or underscored names (``WorkingDays.n``, ``round_rupiah``,
  ``catalog().sop``), CamelCase and ALLCAPS names (``DataFrame``, ``PNBP``,
  ``START``), Python's own names (``date``, ``str``, ``True``), words with digits;
* options and their values (``--invalid skip``), ``key=value`` pairs,
  commands (``pip install ...``, ``pst-core workflow`` before an error's colon),
  argparse's synopsis (``penggunaan: pst-core ...``, help text), a package and
  its version (``holidays 0.109``);
* file paths and URLs;
* any name passed in ``ignoring`` (a field name such as ``at`` or ``names``);
* hyphenated ids (``identity-card``, ``desk-free``) unless every part is English
  (``timezone-aware``).

`assert_indonesian(text)` fails with the words found. Used on every error kind's
``describe("id")`` and, by the next checks, on every command's output.

Examples:
    >>> english_words("kalender tidak punya waktu kerja; allowed: none of the days")
    ['allowed', 'none', 'of', 'the', 'days']
    >>> english_words("START: nilai tidak sah '17/03/2026'; pakai --invalid skip")
    []
    >>> english_words("pst-core report sla: kesalahan: data holidays 0.109")
    []
    >>> english_words("tenggat 2.5 hours 1.5")
    ['hours']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ENGLISH_WORDS", "assert_indonesian", "english_words"]

# Common English words that are not Indonesian words, nor loanwords PST texts use
# ("data", "online", "email", "info", "status", "target", "total", "unit", "portal",
# "format", "median", "minimum", "per", "rating", "bank", "main", "no" as in "No. SK"
# are all Indonesian too, and left out on purpose).
_ENGLISH = """
    a about above after again against all allowed already also always among an and another
    any are argument arguments around as at available back be because been before being
    below between both but by can cannot choice choose close closed collective column
    columns come contiguous could count counted day days deadline decimal decree decreed
    deep did do does done down due during each either else empty end ended ends
    enough error errors estimated even event events every exactly except exists existing
    expected explicit failed false field fields file files first following for found
    friday from gave given got group groups had has have having her here his holiday
    holidays hour hours how however if ignored in instead integer internal interrupted into
    invalid is it its itself just known last least leave left less letter letters level
    levels line lines listed long lower make many match may mean means meet met minute
    minutes missing monday month months more most much must name named names national naive
    near need needs neither nested never next nor not nothing now number numbers of off on
    once one only open opening option options or other our out over overdue paid past pass
    passed path paused period periods please previous price problem problems provided
    provisional quantity read readable reads ready reason receipt regressive report reports
    request requested requests require required requirement requirements returned right role
    roles row rows running same saturday saved say says schedule schedules score scores
    second seconds see service services shall share she should show shown since skipped so
    some something standard standards start started starts state states still string such
    sunday syntax table tables tariff tariffs text than that the their them then there these
    they thing this those three through thursday time times timer timers to today too top
    transition transitions tuesday two type types under unknown unless until up upon usage
    use used uses using valid value values very was wednesday week weeks were what when
    where whether which while whole why will with within without word words working would
    writable write written wrong year years yet you your zone absent account action add
    affects agreement ambiguous amount amounts application applies appointment approved
    asked aware bad band blank book borne bound box breached breaches business byte calendar
    cancelled case category cells channel channels characters charge charts checked
    checklist city clear clock clocks code command commas commercial complaint complaints
    complete completion compliance contact continue contract control converted cost costs
    counts cover created cut cycle decide denied description device different direct
    directory document documents dot drawing duties education eligible element english
    entity equipment ever examples exceeds expired expiry extra facilities fall falls fee
    fewer filled finished finite five fix flat force foreign formal fractions free give go
    goal good government grade guard guest handling heading horizon hyphens identity
    illustrative incomplete increasing index individual indonesian initial installed instant
    institution issued item keys kind large lasts lead legal lone looks made mapping message
    microdata monthly move moved negative none note offer offers office officer official
    offset order outside overlap overlapping own page pair parse parties party payer
    permission permitted person phone points population position priced prices printed
    private procedure procedures product products province publication published purpose
    purposes queue quote ran records regency region regional regulation related remove
    removed requester research respondents response revised rounded sample satisfaction
    satisfied secondary separated sequence sheet shipping side single source sources space
    staff starting stated step strictly suggestion suggestions system systems take tax
    terminal thousands timeline timezone title training transaction transactions twice
    unexpected units unrecognized user validity verified visit warning warnings ways weakest
    website weekend weight weighted whose workflow wrote zero
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())

# Names a text may use as names: Python's and pst_core's types, said as themselves.
_PYTHON = """
    date datetime time timedelta str int float bool list tuple dict set bytes
    None True False true false
"""
_NAMES = frozenset(_PYTHON.split())
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.")

_QUOTED = re.compile(r"(?<!\w)'[^'\n]*'(?!\w)|(?<!\w)\"[^\"\n]*\"(?!\w)|`[^`\n]*`")
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+", re.IGNORECASE)
_COMMAND = re.compile(r"\b(?:pip install|python -m)\s+\S+|\bpst-core(?: [a-z]+){0,2}(?=:)")
# A package and its version (``holidays 0.109``), a name and not a word.
_VERSIONED = re.compile(
    r"\b(?:holidays|pst_core|pst-core|pandas|numpy|matplotlib|dask|pyarrow)\s+\d+(?:\.\d+)+\b"
)
# argparse's synopsis (``usage: pst-core deadline [-h] ...`` and its indented lines): help.
_USAGE = re.compile(r"^(?:penggunaan|usage): .*(?:\n[ ]+\S.*)*", re.MULTILINE)
_PATH = re.compile(r"(?<!\S)(?:~|\.{1,2})?/\S*|\S+\\\S+")
_EDGE = "\"'`.,;:!?()[]{}<>«»“”‘’"
_CODE_CHARACTERS = re.compile(r"[._=,()\[\]{}<>/\\@#|*+%$^~&0-9]")
_WORD = re.compile(r"[A-Za-z]+")


def _is_name(core: str) -> bool:
    """An identifier, a code fragment or a value rather than a word."""
    if _CODE_CHARACTERS.search(core):
        return True
    letters = core.replace("-", "").replace("'", "")
    return sum(1 for c in letters if c.isupper()) > 1 or core in _NAMES


def english_words(text: str, *, ignoring: Iterable[str] = ()) -> list[str]:
    """The English words of ``text`` that a person would read as words, in order.

    ``ignoring`` lists names the text is known to use as names (an error's field).
    """
    for name in ignoring:
        text = re.sub(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", " ", text)
    found = [a for a in _ABBREVIATIONS if a in text.lower()]
    for pattern in (_USAGE, _QUOTED, _URL, _COMMAND, _VERSIONED, _PATH):
        text = pattern.sub(" ", text)
    option_value = False
    for token in text.split():
        core = token.strip(_EDGE)
        after_option, option_value = option_value, core.startswith("-") and len(core) > 1
        if not core or after_option or option_value or _is_name(core):
            continue
        found += _english(core)
    return found


def _english(core: str) -> list[str]:
    """The English words of one token; a hyphenated one (an id such as ``identity-card``,
    ``desk-free``) counts only when every part is English (``timezone-aware``)."""
    words = [match[0].lower() for match in map(_WORD.match, core.split("-")) if match]
    english = [w for w in words if len(w) > 1 and w in ENGLISH_WORDS]
    if "-" in core and len(english) < len(core.split("-")):
        return []
    return english


def assert_indonesian(text: str, *, ignoring: Iterable[str] = ()) -> None:
    """Fail when ``text`` holds English words (see `english_words`)."""
    words = english_words(text, ignoring=ignoring)
    assert not words, f"English words {words} in Indonesian text: {text!r}"
