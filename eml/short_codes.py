"""The ``ShortCode`` of a candidate: the key of a person above kieskring level (510d, 520).

In an election with several kieskringen a party may file different lists, so a candidate's
number (``CandidateIdentifier Id``) is only unique within one kieskring's list. The Kiesraad's
total count (510d) therefore keys the election's total by ``ShortCode`` and its units per
kieskring by number *and* ``ShortCode``; its result (520) gives every elected person's
``ShortCode`` beside the order of election (eml-nl.md §6.4, §6.6).

The form, read off the Kiesraad's TK2023 510d and 520 (150 of them): the letters of the last
name without its prefix, spaces, hyphens and apostrophes, cut so that with the letters of the
initials the code has at most 14 characters, then those initials: ``Yeşilgöz`` D. →
``YeşilgözD``; ``van der Burg`` E. → ``BurgE``; ``Michon-Derkzen`` I.J.M. → ``MichonDerkzIJM``;
``Palmen-Schlangen`` S.T.P.H. → ``PalmenSchlSTPH``. Two persons with the same code get a digit
after it from the second one on (the 510d has ``VeenJ1``) [to verify: which of the two gets the
digit is not known from the published files; OSV gives it to the later one, in the order of
party number and position on the lowest kieskring's list].

The code is a key, never a name: OSV matches persons between files by this key where a file
gives nothing else (a 510d's total against its units), and by name where a 230b is at hand.
"""

from __future__ import annotations

from collections.abc import Iterable

from osv.model import PersonName

__all__ = ["SHORT_CODE_LENGTH", "assign_short_codes", "short_code"]

#: The longest ShortCode the Kiesraad writes (``TimmermansFCGM``, ``PalmenSchlSTPH``).
SHORT_CODE_LENGTH = 14


def short_code(name: PersonName) -> str:
    """The ShortCode of ``name`` as the Kiesraad forms it (see the module docstring)."""
    initials = "".join(ch for ch in name.initials if ch.isalpha())
    last = "".join(ch for ch in name.last_name if ch.isalpha())
    room = max(1, SHORT_CODE_LENGTH - len(initials))
    return (last[:room] + initials)[:SHORT_CODE_LENGTH]


def assign_short_codes(
    persons: Iterable[tuple[str, PersonName]], taken: Iterable[str] = ()
) -> dict[str, str]:
    """A unique ShortCode per person key, in the order given.

    :param persons: (key, name) of each person, in the order of the election (party number,
        then position); a later person whose code is taken gets ``1``, ``2``, … after it.
    :param taken: codes already given (by a 230b), which are not given again.
    """
    codes: dict[str, str] = {}
    taken = set(taken)
    for key, name in persons:
        if key in codes:
            continue
        base = short_code(name)
        code, suffix = base, 0
        while code in taken:
            suffix += 1
            code = f"{base[: SHORT_CODE_LENGTH - len(str(suffix))]}{suffix}"
        codes[key] = code
        taken.add(code)
    return codes
